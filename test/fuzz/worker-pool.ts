/**
 * A fixed number of worker threads running cases (case-worker.mjs), with a watchdog in the
 * main thread: a case still running after the time limit is a hang, its worker is terminated
 * and replaced. Workers run in-process CLIs, so they start in milliseconds and a crash or an
 * out-of-memory takes down one worker, never the run.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BUILT_CLI, REPO } from './corpus.js';

export interface Job {
  /** The case number, so a crash can name the case the worker ran before. */
  tag: number;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  today: string;
}

/** What the CLI printed; `…Cut` when the worker stopped capturing a runaway output. */
export interface Captured {
  stdout: string;
  stderr: string;
  stdoutCut: boolean;
  stderrCut: boolean;
  ms: number;
}

export type Outcome =
  | ({ kind: 'done'; code: number } & Captured)
  | ({ kind: 'threw'; error: string } & Captured)
  /**
   * `returned`: what run() had printed and returned, when the hang or crash came afterwards, in
   * work it left running; `previous`: the case the same worker ran before, which may be to blame.
   */
  | { kind: 'hang'; ms: number; returned?: Returned | undefined }
  | { kind: 'crash'; error: string; ms: number; previous: number | undefined; returned?: Returned | undefined };

export interface Returned extends Captured {
  code: number | undefined;
  thrown: string | undefined;
}

type WorkerMessage = ({ phase: 'returned' } & Returned & { id: number }) | { phase: 'idle'; id: number };

/** Found in the sources, also when the harness runs compiled from .fuzz-build (tsc copies no .mjs). */
const WORKER_SCRIPT = path.join(REPO, 'test/fuzz/case-worker.mjs');

class Slot {
  private worker: Worker | undefined;
  private pending: { id: number; resolve: (o: Outcome) => void; timer: NodeJS.Timeout; started: number; tag: number; returned?: Returned } | undefined;
  private nextId = 0;
  /** The tag of the last job this worker finished: a worker's crash may be owed to it. */
  private previousTag: number | undefined;
  /** Taken from the moment a job is handed over, while a fresh worker is still being made. */
  private reserved = false;

  constructor(private readonly script: string, private readonly timeoutMs: number, private readonly memoryMb: number) {}

  get busy(): boolean {
    return this.reserved || this.pending !== undefined;
  }

  /** Runs a job; `fresh` first replaces the worker, so nothing an earlier job left behind can interfere. */
  async run(job: Job, fresh = false): Promise<Outcome> {
    this.reserved = true;
    if (fresh) await this.close();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const started = performance.now();
      const timer = setTimeout(() => this.settle({ kind: 'hang', ms: performance.now() - started, returned: this.pending?.returned }, true), this.timeoutMs);
      this.pending = { id, resolve, timer, started, tag: job.tag };
      this.reserved = false;
      worker.postMessage({ id, ...job });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.previousTag = undefined;
    worker?.removeAllListeners('exit');
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.script, {
      workerData: { cliModule: pathToFileURL(BUILT_CLI).href },
      // the stack of a main thread (V8 reserves about 1 MB), not a worker's 4 MB: deep recursion must fail here as it does in the real CLI
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, stackSizeMb: 1 },
      stdout: true, // the CLI writes through its io; anything on the worker's own stdout is noise to drop
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (m: WorkerMessage) => {
      const pending = this.pending;
      if (pending?.id !== m.id) return;
      if (m.phase === 'returned') {
        pending.returned = { code: m.code, thrown: m.thrown, stdout: m.stdout, stderr: m.stderr, stdoutCut: m.stdoutCut, stderrCut: m.stderrCut, ms: m.ms };
        return;
      }
      const { code, thrown, ...captured } = pending.returned!;
      this.settle(thrown !== undefined ? { kind: 'threw', error: thrown, ...captured } : { kind: 'done', code: code ?? -1, ...captured }, false);
    });
    const crash = (error: string) => this.settle({ kind: 'crash', error, ms: this.elapsed(), previous: this.previousTag, returned: this.pending?.returned }, true);
    worker.on('error', (error) => crash(error.stack ?? String(error)));
    worker.on('exit', (code) => crash(`the worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private elapsed(): number {
    return this.pending === undefined ? 0 : performance.now() - this.pending.started;
  }

  /** Ends the case in flight; a worker that hung or crashed is replaced before the next case. */
  private settle(outcome: Outcome, discardWorker: boolean): void {
    const pending = this.pending;
    if (discardWorker && this.worker !== undefined) {
      const worker = this.worker;
      this.worker = undefined;
      this.previousTag = undefined;
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
    if (pending === undefined) return;
    this.pending = undefined;
    if (!discardWorker) this.previousTag = pending.tag;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];

  constructor(size: number, options: { timeoutMs: number; memoryMb: number }) {
    this.slots = Array.from({ length: size }, () => new Slot(WORKER_SCRIPT, options.timeoutMs, options.memoryMb));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs a job on the first free worker (a new one with `fresh`), waiting for one if all are busy. */
  async run(job: Job, fresh = false): Promise<Outcome> {
    let slot = this.slots.find((s) => !s.busy);
    while (slot === undefined) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.slots.find((s) => !s.busy);
    }
    try {
      return await slot.run(job, fresh);
    } finally {
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.close()));
  }
}
