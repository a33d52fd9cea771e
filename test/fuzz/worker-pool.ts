/**
 * A fixed number of workers running cases (case-workers.ts), with a watchdog in the main
 * thread: a case still running after the time limit is a hang, its worker is terminated and
 * replaced. Workers run the CLI in-process and are reused from case to case, so a case costs
 * milliseconds, and a crash or an out-of-memory takes down one worker, never the run.
 */
import { startWorker, type CaseWorker, type Isolation } from './case-workers.js';

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

interface Pending {
  id: number;
  tag: number;
  started: number;
  timer: NodeJS.Timeout;
  resolve: (o: Outcome) => void;
  returned?: Returned;
}

class Slot {
  private worker: CaseWorker | undefined;
  private pending: Pending | undefined;
  private nextId = 0;
  /** The tag of the last job this worker finished: a worker's crash may be owed to it. */
  private previousTag: number | undefined;
  /** Taken from the moment a job is handed over, while a worker is still starting. */
  private reserved = false;

  constructor(private readonly options: PoolOptions) {}

  get busy(): boolean {
    return this.reserved || this.pending !== undefined;
  }

  /** Runs a job; `fresh` first replaces the worker, so nothing an earlier job left behind can interfere. */
  async run(job: Job, fresh = false): Promise<Outcome> {
    this.reserved = true;
    if (fresh) await this.close();
    const worker = this.ensureWorker();
    try {
      await worker.ready;
    } catch (error) {
      this.reserved = false;
      return { kind: 'crash', error: `the worker did not start: ${(error as Error).message}`, ms: 0, previous: undefined };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      const started = performance.now();
      const timer = setTimeout(() => this.settle({ kind: 'hang', ms: performance.now() - started, returned: this.pending?.returned }, true), this.options.timeoutMs);
      this.pending = { id, tag: job.tag, started, timer, resolve };
      this.reserved = false;
      worker.send({ id, ...job });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.previousTag = undefined;
    await worker?.kill();
  }

  private ensureWorker(): CaseWorker {
    if (this.worker !== undefined) return this.worker;
    const worker = startWorker(this.options.isolation, this.options.memoryMb);
    worker.onMessage((message) => this.received(message as WorkerMessage));
    worker.onDeath((reason) => this.settle({ kind: 'crash', error: reason, ms: this.elapsed(), previous: this.previousTag, returned: this.pending?.returned }, true));
    this.worker = worker;
    return worker;
  }

  private received(m: WorkerMessage): void {
    const pending = this.pending;
    if (pending?.id !== m.id) return;
    if (m.phase === 'returned') {
      pending.returned = { code: m.code, thrown: m.thrown, stdout: m.stdout, stderr: m.stderr, stdoutCut: m.stdoutCut, stderrCut: m.stderrCut, ms: m.ms };
      return;
    }
    const { code, thrown, ...captured } = pending.returned!;
    this.settle(thrown !== undefined ? { kind: 'threw', error: thrown, ...captured } : { kind: 'done', code: code ?? -1, ...captured }, false);
  }

  private elapsed(): number {
    return this.pending === undefined ? 0 : performance.now() - this.pending.started;
  }

  /** Ends the case in flight; a worker that hung or crashed is replaced before the next case. */
  private settle(outcome: Outcome, discardWorker: boolean): void {
    const pending = this.pending;
    if (discardWorker) void this.close();
    if (pending === undefined) return;
    this.pending = undefined;
    if (!discardWorker) this.previousTag = pending.tag;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}

export interface PoolOptions {
  /** A case running longer is a hang. */
  timeoutMs: number;
  /** Each worker's heap limit. */
  memoryMb: number;
  isolation: Isolation;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];

  constructor(size: number, options: PoolOptions) {
    this.slots = Array.from({ length: size }, () => new Slot(options));
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
