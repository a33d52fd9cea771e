/** A worker thread (worker-pool.ts): runs the trials it was started with and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../model/diagnostic.js';
import { runTrialRange } from './trial-runner.js';
import type { WorkerMessage, WorkerTask } from './worker-pool.js';

const task = workerData as WorkerTask;
const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => parentPort!.postMessage(message, transfer);
try {
  const costs = await runTrialRange(task.job, task.from, task.to, (done) => post({ progress: done }));
  post({ result: costs.buffer }, [costs.buffer as ArrayBuffer]);
} catch (error) {
  post(error instanceof InputError ? { message: error.message, diagnostics: error.diagnostics } : { message: (error as Error).stack ?? String(error), diagnostics: undefined });
}
