// One leased js job on this tab: its Web Worker, its log on the way to the server, its deadline. It ends exactly
// once, through end(): with the job's own outcome, or because the page stopped it (timeout, cancel, lease lost).

const MAX_CHUNK_CHARS = 64 * 1024;
const MAX_RESULT_CHARS = 1_048_576;

export class Task {
  constructor(job, onEnd) {
    this.job = job;
    this.onEnd = onEnd;
    this.startedAt = performance.now();
    this.deadline = job.timeoutSeconds ? Date.now() + job.timeoutSeconds * 1000 : Infinity;
    this.progress = 0;
    this.pending = [];
    this.seq = 0;
    this.ended = false;
    this.worker = new Worker(new URL('task-runner.js', import.meta.url), { type: 'module', name: `job ${job.jobId}` });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.end({ outcome: 'error', message: event.message || 'the job\'s worker failed', stack: '' });
    };
    this.worker.postMessage({ script: job.script, input: job.input });
  }

  receive(message) {
    switch (message.type) {
      case 'log': this.append(message.text); break;
      case 'progress': this.progress = message.value; break;
      case 'result':
        // The server refuses a larger result; failing here says why instead of retrying a job that cannot report.
        if (message.json.length > MAX_RESULT_CHARS) {
          this.end({ outcome: 'error', message: `the result is ${message.json.length} characters of JSON, more than ${MAX_RESULT_CHARS}`, stack: '' });
        } else {
          this.end({ outcome: 'exited', exitCode: 0, result: JSON.parse(message.json) });
        }
        break;
      case 'error': this.end({ outcome: 'error', message: message.message, stack: message.stack }); break;
      default: break;
    }
  }

  append(text, stream = 'stdout') {
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === stream && last.data.length + text.length <= MAX_CHUNK_CHARS) {
      last.data += text;
    } else {
      for (let at = 0; at < text.length; at += MAX_CHUNK_CHARS) {
        this.pending.push({ stream, data: text.slice(at, at + MAX_CHUNK_CHARS) });
      }
    }
  }

  /** The log written since the last call, numbered in order across both streams. */
  takeChunks() {
    const chunks = this.pending.map((chunk) => ({ seq: this.seq++, ...chunk }));
    this.pending = [];
    return chunks;
  }

  isOverdue(now) {
    return now > this.deadline;
  }

  /** Stops the job from outside; the Web Worker is terminated, whatever its code is doing. */
  stop(outcome, message) {
    this.end({ outcome, message });
  }

  end(ending) {
    if (this.ended) return;
    this.ended = true;
    this.worker.terminate();
    if (ending.outcome === 'error' && ending.stack) this.append(`${ending.stack}\n`, 'stderr');
    this.onEnd(this, { ...ending, durationMs: Math.round(performance.now() - this.startedAt) });
  }
}
