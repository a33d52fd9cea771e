/** A worker thread of `cloudtco simulate`: runs its range of trials (trial-runner.ts) and posts the costs back. */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../model/diagnostic.js';
import { runTrialRange, type TrialJob, type WorkerMessage } from './trial-runner.js';

const { job, from, to } = workerData as { job: TrialJob; from: number; to: number };
const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => parentPort!.postMessage(message, transfer);
try {
  const result = await runTrialRange(job, from, to, (done) => post({ progress: done }));
  post({ result: result.buffer as ArrayBuffer }, [result.buffer as ArrayBuffer]);
} catch (error) {
  post(error instanceof InputError ? { message: error.message, diagnostics: error.diagnostics } : { message: (error as Error).stack ?? String(error), diagnostics: undefined });
}
