// @ts-check
/**
 * Runs fuzz cases: the built CLI's `run(argv, io)`, in-process, with its output captured, as
 * test/helpers/run-cli.ts does. It serves a worker thread (the default) or a child process
 * (`npm run fuzz`, where one case that aborts V8 must not end a run of 100,000); the pool in
 * worker-pool.ts watches the clock and terminates a worker whose case hangs.
 *
 * Plain JavaScript, not TypeScript like the rest of the harness, because a worker is a fresh
 * Node.js instance: Node 20 cannot load TypeScript, and vitest's transform does not reach into
 * workers. It is kept to the minimum: run, capture, report.
 */
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Output past these sizes is cut (and said to be): a runaway report must not take the
 * worker's memory. The oracle only needs to see that stderr is far over its limit.
 */
const MAX_STDOUT = 16 * 1024 * 1024;
const MAX_STDERR = 1024 * 1024;

/** The thread's port to the pool, or the child process's IPC channel. */
const channel = parentPort ?? {
  /** @param {unknown} message */
  postMessage: (message) => process.send?.(message),
  /** @param {'message'} event @param {(message: any) => void} listener */
  on: (event, listener) => process.on(event, listener),
};
const cliModule = workerData?.cliModule ?? process.argv[2];

const { run } = await import(cliModule);

/**
 * Async resources that mean work is still under way (a file being read, a timer), beyond
 * those a worker waiting for a job has anyway: its channel to the pool (a MessagePort, or the
 * IPC pipe of a child process), handles being closed. Taken when the first job arrives, once
 * the channel is listened to.
 */
/** @type {Set<string> | undefined} */
let idleResources;
const pendingWork = () => process.getActiveResourcesInfo().filter((r) => !idleResources?.has(r));

/**
 * After run() returns, nothing it started should still be running: in the real CLI such work
 * holds the process open after the message is printed, and can crash it. Waiting for it here
 * charges it to this case, never to the next one. (A request that has just completed can show
 * for a moment too, which is why leftover work is reported with a crash or a hang it causes,
 * not on its own.)
 */
async function waitForLeftoverWork() {
  while (pendingWork().length > 0) await new Promise((resolve) => setTimeout(resolve, 5).unref());
}

/**
 * @param {{ text: string, cut: boolean }} sink
 * @param {number} max
 */
const writer = (sink, max) => ({
  /**
   * Like a Node stream: the callback says the text is written (the CLI waits for it).
   * @param {string} text
   * @param {((error?: Error | null) => void) | undefined} written
   */
  write(text, written) {
    if (sink.text.length + text.length <= max) sink.text += text;
    else {
      sink.text += text.slice(0, Math.max(0, max - sink.text.length));
      sink.cut = true;
    }
    written?.();
    return true;
  },
});

channel.on('message', async (/** @type {{ id: number, argv: string[], env: Record<string, string>, cwd: string, today: string }} */ job) => {
  idleResources ??= new Set([...process.getActiveResourcesInfo(), 'CloseReq']);
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
  // what the run printed goes to the pool now, so a crash or hang in leftover work can say what came before it
  channel.postMessage({ id: job.id, phase: 'returned', code, stdout: out.text, stderr: err.text, stdoutCut: out.cut, stderrCut: err.cut, thrown, ms: performance.now() - started });
  await waitForLeftoverWork();
  channel.postMessage({ id: job.id, phase: 'idle' });
});

// a child process tells the pool it is ready, so the first case's clock does not count its start-up
channel.postMessage({ phase: 'ready' });
