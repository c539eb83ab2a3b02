// Follows a job's log on its page through the console's log feed as server-sent events: each event carries the
// chunks after the last one shown, rendered, and the job's state. The browser's EventSource reconnects by itself
// and resumes where it was (the event id); the stream is closed once the job has ended and all is shown.
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
    var attempt = null;

    function stateChanged(state) {
        if (state !== shownState) {
            shownState = state;
            if (typeof window.refreshJob === 'function') {
                window.refreshJob(); // the page's header and attempts, by Ajax
            }
        }
    }

    var source = new EventSource(feed + '?job=' + encodeURIComponent(job) + '&after=-1');
    source.onopen = function () {
        status.textContent = 'live';
    };
    source.onmessage = function (event) {
        var page = JSON.parse(event.data);
        if (page.attemptId !== attempt) {
            // A new attempt (a retry): its log starts afresh.
            attempt = page.attemptId;
            pane.innerHTML = '';
        }
        if (page.html) {
            pane.insertAdjacentHTML('beforeend', page.html);
            if (follow.checked) {
                pane.scrollTop = pane.scrollHeight;
            }
        }
        stateChanged(page.state);
        if (page.terminal && !page.more) {
            source.close();
            status.textContent = 'complete';
        } else {
            status.textContent = 'live';
        }
    };
    source.onerror = function () {
        if (source.readyState !== EventSource.CLOSED) {
            status.textContent = 'reconnecting';
        }
    };

    // Scrolling up to read pauses following; scrolling back to the end resumes it.
    pane.addEventListener('scroll', function () {
        follow.checked = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 4;
    });
})();
