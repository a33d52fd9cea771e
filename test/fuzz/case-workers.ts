/**
 * One worker running cases (case-worker.mjs), as a worker thread or a child process, behind
 * the same small interface. Threads start fastest and are what `npm test` uses. A child
 * process is for long runs: V8 aborts the whole process when an allocation cannot be met
 * even past a thread's heap limit (a 500 MB string, say), and with threads that would end a
 * run of 100,000 cases at the first such case; a child only takes itself down.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BUILT_CLI, REPO } from './corpus.js';

export type Isolation = 'thread' | 'process';

export interface CaseWorker {
  /** Settles once the worker has loaded the CLI; rejects if it dies first. */
  readonly ready: Promise<void>;
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once if the worker dies on its own (a crash, an abort), with what is known of why. */
  onDeath(listener: (reason: string) => void): void;
  /** Ends the worker; no death is reported for it afterwards. */
  kill(): Promise<void>;
}

/** Found in the sources, also when the harness runs compiled from .fuzz-build (tsc copies no .mjs). */
const SCRIPT = path.join(REPO, 'test/fuzz/case-worker.mjs');
const CLI_MODULE = pathToFileURL(BUILT_CLI).href;

export function startWorker(isolation: Isolation, memoryMb: number): CaseWorker {
  return isolation === 'thread' ? threadWorker(memoryMb) : processWorker(memoryMb);
}

/** Wires the parts every worker shares: the ready message, message listeners, one death report. */
function lifecycle() {
  const messageListeners: ((message: unknown) => void)[] = [];
  let deathListener: ((reason: string) => void) | undefined;
  let ended = false;
  let markReady!: () => void;
  let failReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failReady = reject)));
  ready.catch(() => undefined); // a death before ready is reported through onDeath too
  return {
    ready,
    onMessage: (listener: (message: unknown) => void) => void messageListeners.push(listener),
    onDeath: (listener: (reason: string) => void) => void (deathListener = listener),
    message(message: unknown) {
      if ((message as { phase?: string }).phase === 'ready') markReady();
      else for (const listener of messageListeners) listener(message);
    },
    died(reason: string) {
      if (ended) return;
      ended = true;
      failReady(new Error(reason));
      deathListener?.(reason);
    },
    /** Marks a deliberate end, after which nothing is reported. */
    end: () => void (ended = true),
  };
}

function threadWorker(memoryMb: number): CaseWorker {
  const life = lifecycle();
  const worker = new Worker(SCRIPT, {
    workerData: { cliModule: CLI_MODULE },
    // a main thread's stack (V8 reserves about 1 MB), not a worker's 4 MB: deep recursion must fail here as in the real CLI
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 1 },
    stdout: true, // the CLI writes through its io; anything on the worker's own streams is noise to drop
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  worker.on('message', (m) => life.message(m));
  worker.on('error', (error) => life.died(error.stack ?? String(error)));
  worker.on('exit', (code) => life.died(`the worker thread exited with code ${code}`));
  return {
    ready: life.ready,
    send: (message) => worker.postMessage(message),
    onMessage: life.onMessage,
    onDeath: life.onDeath,
    kill: async () => {
      life.end();
      await worker.terminate();
    },
  };
}

function processWorker(memoryMb: number): CaseWorker {
  const life = lifecycle();
  const child = fork(SCRIPT, [CLI_MODULE], {
    execArgv: [`--max-old-space-size=${memoryMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, TZ: 'UTC' },
  });
  // V8 says why it aborted on stderr ("FATAL ERROR: Reached heap limit …"); keep the end of it
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000)));
  child.on('message', (m) => life.message(m));
  child.on('error', (error) => life.died(error.stack ?? String(error)));
  child.on('exit', (code, signal) => {
    const fatal = stderrTail.split('\n').find((line) => /FATAL ERROR|RangeError|out of memory/i.test(line));
    life.died(`the worker process ended (${signal ?? `exit code ${code}`})${fatal === undefined ? '' : `: ${fatal.trim()}`}`);
  });
  return {
    ready: life.ready,
    send: (message) => child.send(message as never),
    onMessage: life.onMessage,
    onDeath: life.onDeath,
    kill: async () => {
      life.end();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
