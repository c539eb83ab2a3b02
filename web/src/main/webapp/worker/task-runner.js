// Runs one js job in its own Web Worker, away from the page: the page terminates this worker to stop the job
// (timeout, cancel), which no code inside it can prevent. The job's module is imported from a Blob URL of its source.
const formatted = (args) => args.map((arg) => {
  if (typeof arg === 'string') return arg;
  try { return JSON.stringify(arg); } catch { return String(arg); }
}).join(' ');

self.onmessage = async ({ data: { script, input } }) => {
  const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  try {
    const module = await import(url);
    const run = typeof module.default === 'function' ? module.default : module.run;
    if (typeof run !== 'function') {
      throw new TypeError('the script must export a function: export default (input, ctx) => result');
    }
    const ctx = {
      log: (...args) => self.postMessage({ type: 'log', text: formatted(args) + '\n' }),
      progress: (fraction) => self.postMessage({ type: 'progress', value: Math.min(1, Math.max(0, Number(fraction) || 0)) }),
    };
    const result = await run(input, ctx);
    // Serialised here, so a value JSON cannot carry (a BigInt, a cycle) fails the job with a clear message.
    self.postMessage({ type: 'result', json: JSON.stringify(result === undefined ? null : result) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error && error.stack ? String(error.stack) : '';
    self.postMessage({ type: 'error', message: message || String(error), stack });
  } finally {
    URL.revokeObjectURL(url);
  }
};
