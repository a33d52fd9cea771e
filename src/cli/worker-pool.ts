/**
 * A simulation's trials spread over worker threads, each range run by src/cli/worker.ts in a
 * thread of its own. A trial draws from the stream of its own number, so results do not depend
 * on how many threads share the work.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import type { TrialJob } from './trial-runner.js';

/** Trials [from, to) of a job: their costs, option × months float64s per trial. */
export interface WorkerTask {
  job: TrialJob;
  from: number;
  to: number;
}

export type WorkerMessage = { progress: number } | { result: unknown } | { message: string; diagnostics: readonly Diagnostic[] | undefined };

/** The bundled worker: from src/cli/, dist/cli/ and dist/bundle/ alike, two levels up is the package. */
const WORKER = new URL('../../dist/bundle/worker.js', import.meta.url);

/** Runs a task in a new thread; a problem with the input there is one here. */
export function inWorker<R>(task: WorkerTask, progress: (done: number) => void = () => undefined): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: task });
    worker.on('message', (message: WorkerMessage) => {
      if ('progress' in message) progress(message.progress);
      else if ('result' in message) resolve(message.result as R);
      else reject(message.diagnostics === undefined ? new Error(message.message) : new InputError(message.diagnostics));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`a worker thread stopped with exit code ${code}`))));
  });
}

/** Threads to use: one per core the process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** `count` items in `parts` contiguous ranges, as even as can be: their bounds. */
export function rangesOf(count: number, parts: number): [number, number][] {
  return Array.from({ length: parts }, (_, i) => [Math.round((count * i) / parts), Math.round((count * (i + 1)) / parts)]);
}
