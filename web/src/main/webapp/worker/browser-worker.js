// The pull loop of a browser worker: it asks for work only for its free slots, long-polling (no polling interval),
// runs each job in a Task, and reports through the same protocol as the Java worker. Heartbeats, timeouts and log
// flushes run off the clock Web Worker's ticks, which background-tab throttling does not slow down.
import { Api, ProblemError } from './api.js';
import { Task } from './task.js';

const TICK_MS = 500;
const LEASE_WAIT_SECONDS = 30;
const MAX_BACKOFF_MS = 30_000;
const REPORT_TRIES = 6;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class BrowserWorker extends EventTarget {
  constructor({ base, name, pool, slots, enrolmentToken, version }) {
    super();
    this.api = new Api(base, enrolmentToken);
    this.registration = { name, pool, labels: [], slots, version, kind: 'browser', jobKinds: ['js'] };
    this.slots = slots;
    this.tasks = new Map();
    this.counters = { done: 0, failed: 0 };
    this.running = false;
    this.looping = false;
    this.heartbeatMs = 5000;
    this.lastBeat = 0;
    this.beating = false;
    this.slotWaiters = [];
    this.clock = new Worker(new URL('clock.js', import.meta.url), { name: 'muster clock' });
    this.clock.onmessage = ({ data }) => this.tick(data);
    this.clock.postMessage({ intervalMs: TICK_MS });
  }

  get workerId() {
    return this.api.workerId;
  }

  /** Slots can change only while no job runs: the server knows the worker by the slots it registered with. */
  setSlots(slots) {
    if (this.tasks.size > 0) throw new Error('slots can change once the running jobs have ended');
    this.slots = slots;
  }

  start() {
    this.running = true;
    this.emit('state');
    this.leaseLoop();
  }

  /** Takes no new jobs; those running finish and are reported. */
  pause() {
    this.running = false;
    this.emit('state');
  }

  leave() {
    this.api.deregisterOnExit();
  }

  async leaseLoop() {
    if (this.looping) return;
    this.looping = true;
    let backoff = 1000;
    try {
      while (this.running) {
        const free = this.slots - this.tasks.size;
        if (free <= 0) {
          await new Promise((resolve) => this.slotWaiters.push(resolve));
          continue;
        }
        try {
          if (!this.api.workerId || this.registration.slots !== this.slots) await this.register();
          const answer = await this.api.lease(free, LEASE_WAIT_SECONDS);
          answer.jobs.forEach((job) => this.run(job));
          backoff = 1000;
        } catch (error) {
          const refused = error instanceof ProblemError && (error.status === 401 || error.status === 403);
          const enrolling = !this.api.workerId;
          if (refused) this.api.workerId = null;
          const text = refused && enrolling
            ? `enrolment refused (${error.message}): open this page with the link an admin gave you (…/worker/?enrol=<token>); retrying`
            : `server: ${error.message}; retrying`;
          this.emit('activity', { id: 'server', state: 'LOST', text });
          await sleep(backoff);
          backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
      }
    } finally {
      this.looping = false;
      this.emit('state');
    }
  }

  async register() {
    if (this.api.workerId) { // registered with other slots, and no job runs: that registration ends
      await this.api.call('DELETE', `workers/${this.api.workerId}`).catch(() => {});
    }
    this.registration.slots = this.slots;
    const answer = await this.api.register(this.registration);
    this.heartbeatMs = answer.heartbeatSeconds * 1000;
    this.emit('registered');
  }

  run(job) {
    const task = new Task(job, (ended, ending) => this.finish(ended, ending));
    this.tasks.set(job.attemptId, task);
    this.emit('activity', { id: job.attemptId, state: 'RUNNING', text: `job ${job.jobId}` });
  }

  async finish(task, ending) {
    const { attemptId, leaseToken, jobId } = task.job;
    this.tasks.delete(attemptId);
    this.slotWaiters.splice(0).forEach((resolve) => resolve());
    const succeeded = ending.outcome === 'exited';
    if (succeeded) this.counters.done += 1; else if (ending.outcome !== 'stale') this.counters.failed += 1;
    const state = { exited: 'SUCCEEDED', timed_out: 'TIMED_OUT', cancelled: 'CANCELLED', stale: 'LOST' }[ending.outcome] || 'FAILED';
    this.emit('activity', { id: attemptId, state, text: `job ${jobId} ${ending.message || ''} (${ending.durationMs} ms)` });
    if (ending.outcome === 'stale') return; // the lease is gone: nobody takes a report of it
    await this.shipLog(task);
    const completion = { leaseToken, outcome: ending.outcome, durationMs: ending.durationMs };
    if (succeeded) {
      completion.exitCode = 0;
      completion.result = ending.result;
    } else {
      completion.detail = (ending.message || ending.outcome).slice(0, 4096);
    }
    if (ending.outcome === 'error') {
      completion.error = { message: (ending.message || '').slice(0, 4096), stack: (ending.stack || '').slice(0, 65_536) };
    }
    await this.report(() => this.api.complete(attemptId, completion));
  }

  /** Log batches of one task go out one after another, so none can arrive after its completion. */
  shipLog(task) {
    const chunks = task.takeChunks();
    if (chunks.length > 0) {
      const { attemptId, leaseToken } = task.job;
      task.shipping = (task.shipping || Promise.resolve())
        .then(() => this.report(() => this.api.log(attemptId, leaseToken, chunks)));
    }
    return task.shipping || Promise.resolve();
  }

  /** Retries a report while the server is away; a 4xx (a lost lease: 409) is final. */
  async report(send) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await send();
      } catch (error) {
        const final = error instanceof ProblemError && error.status < 500;
        if (final || attempt >= REPORT_TRIES) {
          this.emit('activity', { id: 'server', state: 'LOST', text: `report refused: ${error.message}` });
          return null;
        }
        await sleep(500 * 2 ** attempt);
      }
    }
  }

  tick(now) {
    for (const task of [...this.tasks.values()]) {
      if (task.isOverdue(now)) task.stop('timed_out', `timed out after ${task.job.timeoutSeconds} s`);
      else this.shipLog(task);
    }
    if (this.tasks.size > 0 && !this.beating && now - this.lastBeat >= this.heartbeatMs) this.heartbeat(now);
    this.emit('tick');
  }

  async heartbeat(now) {
    this.beating = true;
    this.lastBeat = now;
    try {
      const attempts = [...this.tasks.values()].map((task) => ({ attemptId: task.job.attemptId, leaseToken: task.job.leaseToken }));
      const answer = await this.api.heartbeat(attempts);
      answer.cancel.forEach((id) => this.tasks.get(id)?.stop('cancelled', 'cancelled'));
      answer.stale.forEach((id) => this.tasks.get(id)?.stop('stale', 'lease lost'));
    } catch (error) {
      this.emit('activity', { id: 'server', state: 'LOST', text: `heartbeat failed: ${error.message}` });
    } finally {
      this.beating = false;
    }
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
