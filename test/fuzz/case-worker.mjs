// @ts-check
/**
 * Runs fuzz cases in a worker thread: the built CLI's `run(argv, io)`, in-process, with its
 * output captured, as test/helpers/run-cli.ts does. The pool in worker-pool.ts watches the
 * clock from the main thread and terminates a worker whose case hangs.
 *
 * Plain JavaScript, not TypeScript like the rest of the harness, because a worker thread is
 * a fresh Node.js instance: Node 20 cannot load TypeScript, and vitest's transform does not
 * reach into worker threads. It is kept to the minimum: run, capture, report.
 */
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Output past these sizes is cut (and said to be): a runaway report must not take the
 * worker's memory. The oracle only needs to see that stderr is far over its limit.
 */
const MAX_STDOUT = 16 * 1024 * 1024;
const MAX_STDERR = 1024 * 1024;

const { run } = await import(workerData.cliModule);

/**
 * @param {{ text: string, cut: boolean }} sink
 * @param {number} max
 */
const writer = (sink, max) => ({
  /** @param {string} text */
  write(text) {
    if (sink.text.length + text.length <= max) sink.text += text;
    else {
      sink.text += text.slice(0, Math.max(0, max - sink.text.length));
      sink.cut = true;
    }
    return true;
  },
});

parentPort?.on('message', async (/** @type {{ id: number, argv: string[], env: Record<string, string>, cwd: string, today: string }} */ job) => {
  const out = { text: '', cut: false };
  const err = { text: '', cut: false };
  const started = performance.now();
  let code;
  let thrown;
  try {
    code = await run(job.argv, { stdout: { ...writer(out, MAX_STDOUT), isTTY: false }, stderr: writer(err, MAX_STDERR), env: job.env, cwd: job.cwd, today: job.today });
  } catch (error) {
    // run() reports every error itself; one escaping it is a bug of its own
    thrown = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  parentPort?.postMessage({ id: job.id, code, stdout: out.text, stderr: err.text, stdoutCut: out.cut, stderrCut: err.cut, thrown, ms: performance.now() - started });
});
