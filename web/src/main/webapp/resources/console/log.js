// Follows a job's log on its page: asks the console's log feed for the chunks after the last one shown, every half
// second while the job runs (at once while there is more), and stops once the job has ended and all is shown.
(function () {
    var pane = document.getElementById('log');
    if (!pane) {
        return;
    }
    var feed = pane.getAttribute('data-feed');
    var job = pane.getAttribute('data-job');
    var shownState = pane.getAttribute('data-state');
    var follow = document.getElementById('log-follow');
    var status = document.getElementById('log-status');
    var after = -1;
    var attempt = null;

    function stateChanged(state) {
        if (state !== shownState) {
            shownState = state;
            if (typeof window.refreshJob === 'function') {
                window.refreshJob(); // the page's header and attempts, by Ajax
            }
        }
    }

    function next(delay) {
        window.setTimeout(poll, delay);
    }

    function poll() {
        fetch(feed + '?job=' + encodeURIComponent(job) + '&after=' + after, {cache: 'no-store'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.json();
            })
            .then(function (page) {
                if (page.attemptId !== attempt) {
                    // A new attempt (a retry): its log starts afresh.
                    attempt = page.attemptId;
                    pane.innerHTML = '';
                    after = -1;
                    next(0);
                    return;
                }
                if (page.html) {
                    pane.insertAdjacentHTML('beforeend', page.html);
                    after = page.next;
                    if (follow.checked) {
                        pane.scrollTop = pane.scrollHeight;
                    }
                }
                stateChanged(page.state);
                if (page.terminal && !page.more) {
                    status.textContent = 'complete';
                    return;
                }
                status.textContent = 'live';
                next(page.more ? 0 : 500);
            })
            .catch(function (error) {
                status.textContent = 'reconnecting (' + error.message + ')';
                next(2000);
            });
    }

    // Scrolling up to read pauses following; scrolling back to the end resumes it.
    pane.addEventListener('scroll', function () {
        follow.checked = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 4;
    });
    poll();
})();
