// The worker page: reads its settings from the URL (?pool=, ?name=, ?slots=, ?enrol=, ?start), shows the worker,
// its counters, live activity and the server's statistics, and starts or pauses the BrowserWorker.
import { BrowserWorker } from './browser-worker.js';

const MAX_ACTIVITY = 100;
const STATS_EVERY_MS = 3000;

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const defaultSlots = Math.max(1, Math.min(64, navigator.hardwareConcurrency || 2));
const slotsParam = Number.parseInt(params.get('slots'), 10);

const worker = new BrowserWorker({
  base: new URL('../api/v1/', location.href),
  name: params.get('name') || `browser-${crypto.randomUUID().slice(0, 8)}`,
  pool: params.get('pool') || 'browser',
  slots: slotsParam > 0 ? Math.min(64, slotsParam) : defaultSlots,
  enrolmentToken: params.get('enrol'),
  version: `browser ${navigator.userAgent.match(/(Chrome|Firefox|Safari)\/[\d.]+/)?.[0] || 'unknown'}`,
});

const rows = new Map();

function render() {
  $('worker-id').textContent = worker.workerId || 'not registered';
  $('worker-name').textContent = worker.registration.name;
  $('worker-pool').textContent = worker.registration.pool;
  const settling = worker.tasks.size > 0 || worker.looping; // jobs still running, or a long-poll still out
  $('worker-status').textContent = worker.running ? 'taking jobs' : (settling ? 'pausing' : 'paused');
  $('toggle').textContent = worker.running ? 'Pause' : 'Start';
  $('slots').disabled = worker.running || worker.tasks.size > 0;
  $('done').textContent = worker.counters.done;
  $('failed').textContent = worker.counters.failed;
  $('running').textContent = worker.tasks.size;
  for (const [id, task] of worker.tasks) rows.get(id)?.querySelector('progress')?.setAttribute('value', task.progress);
}

function activity({ id, state, text }) {
  let row = rows.get(id);
  if (!row) {
    row = document.createElement('li');
    rows.set(id, row);
    $('activity').prepend(row);
    while (rows.size > MAX_ACTIVITY) {
      const [oldest] = rows.keys();
      rows.get(oldest).remove();
      rows.delete(oldest);
    }
  }
  row.className = state;
  row.replaceChildren(...[new Date().toLocaleTimeString(), state].map(cell), progressCell(state), cell(text));
}

function cell(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

function progressCell(state) {
  if (state !== 'RUNNING') return cell('');
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  return bar;
}

async function refreshStats() {
  try {
    const stats = await worker.api.stats();
    const entries = [
      ['workers', `${stats.workers.java} java, ${stats.workers.browser} browser`],
      ['jobs', Object.entries(stats.jobs).filter(([, n]) => n > 0).map(([s, n]) => `${s.toLowerCase()} ${n}`).join(', ') || 'none'],
      ['throughput', `${stats.throughput.perSecond}/s over the last ${stats.throughput.windowSeconds} s`],
      ...Object.entries(stats.pools).map(([pool, p]) => [`pool ${pool}`,
        `${p.workers} workers, ${p.slots} slots, ${p.queued} queued, ${p.running} running`]),
    ];
    $('stats-list').replaceChildren(...entries.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }));
  } catch (error) {
    $('stats-list').replaceChildren(cell(`statistics unavailable: ${error.message}`));
  }
}

$('slots').value = worker.slots;
$('slots').addEventListener('change', () => {
  worker.setSlots(Math.max(1, Math.min(64, Number.parseInt($('slots').value, 10) || defaultSlots)));
  $('slots').value = worker.slots;
});
$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  if (worker.running) worker.pause(); else worker.start();
});
['state', 'registered', 'tick'].forEach((type) => worker.addEventListener(type, render));
worker.addEventListener('activity', (event) => { activity(event.detail); render(); });
addEventListener('pagehide', () => worker.leave());

render();
refreshStats();
setInterval(refreshStats, STATS_EVERY_MS);
if (params.has('start')) worker.start();
