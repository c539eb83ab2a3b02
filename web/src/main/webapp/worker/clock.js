// A dedicated Web Worker that ticks: timers on a page are throttled to once a minute or less in a background tab,
// a worker's are not, so heartbeats, timeouts and log flushes keep their pace while the tab is hidden.
let timer = null;
self.onmessage = ({ data }) => {
  clearInterval(timer);
  timer = data.intervalMs > 0 ? setInterval(() => self.postMessage(Date.now()), data.intervalMs) : null;
};
