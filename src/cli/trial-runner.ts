/**
 * Runs a simulation's trials, in this thread or across worker threads: trial t always draws
 * from the stream of (seed, t), so the numbers are the same whichever worker runs it and
 * however many there are. Each worker takes a contiguous range of trials and returns, per
 * trial, every option's cost in every month (option × months + month), as float64s.
 *
 * The fast path (engine/trial-plan.ts) needs only its plan; the exact path reads the scenario
 * and catalogs in each worker and prices each trial with the exact engine, its drawn values
 * given as `--set` overrides.
 */
import { runTrial, type TrialPlan } from '../engine/trial-plan.js';
import { InputError } from '../model/diagnostic.js';
import { ZERO } from '../model/money.js';
import { drawTrial, trialDraws, type Drawable } from '../model/trial-draws.js';
import type { ScenarioInputs } from './run-scenario.js';
import { loadVariants } from './scenario-variants.js';
import { inWorker, rangesOf } from './worker-pool.js';

/** A drawn input, and for the exact path how `--set` writes it. */
export interface TrialInput extends Drawable {
  setPath: string;
  kind: 'count' | 'bytes' | 'duration' | 'percent';
}

interface Shared {
  inputs: TrialInput[];
  seed: number;
  options: number;
  months: number;
}

export type TrialJob = Shared & ({ path: 'fast'; plan: TrialPlan } | { path: 'exact'; scenarioFile: string; cwd: string; scenarioInputs: ScenarioInputs });

/** Trials [from, to) of a job: per trial, options × months costs. */
export async function runTrialRange(job: TrialJob, from: number, to: number, progress: (done: number) => void): Promise<Float64Array> {
  const width = job.options * job.months;
  const out = new Float64Array((to - from) * width);
  const draws = trialDraws(job.inputs);
  const values = new Float64Array(job.inputs.length);
  const uniforms = new Float64Array(draws.count);
  const price = job.path === 'fast' ? fastPricer(job.plan) : await exactPricer(job);
  for (let t = from; t < to; t++) {
    drawTrial(draws, job.seed, t, values, uniforms);
    try {
      await price(values, out.subarray((t - from) * width, (t - from + 1) * width));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(error.diagnostics.map((d) => ({ ...d, message: `trial ${t} of seed ${job.seed} drew values the scenario refuses: ${d.message}` })));
    }
    if ((t - from) % 256 === 255) progress(256);
  }
  progress((to - from) % 256);
  return out;
}

function fastPricer(plan: TrialPlan) {
  return (values: Float64Array, into: Float64Array) => runTrial(plan, values, into);
}

async function exactPricer(job: Extract<TrialJob, { path: 'exact' }>) {
  // drawn values are written as their fields read them: a number's shortest text is its decimal
  const { writtenNumber } = await import('../io/uncertain-inputs.js');
  const variants = await loadVariants(job.scenarioFile, job.scenarioInputs, { cwd: job.cwd });
  const periods = new Map(variants.base.periods.map((p, i) => [p, i]));
  const options = new Map(variants.base.loaded.scenario.options.map((o, i) => [o.id, i]));
  return async (values: Float64Array, into: Float64Array) => {
    const sets = job.inputs.map((input, i) => `${input.setPath}=${writtenNumber(input, values[i]!)}`);
    const variant = await variants.price(sets);
    const cells = Array.from({ length: into.length }, () => ZERO);
    for (const item of variant.lineItems) {
      const cell = options.get(item.option)! * job.months + periods.get(item.period)!;
      cells[cell] = cells[cell]!.plus(item.cost);
    }
    cells.forEach((cell, i) => (into[i] = cell.toNumber()));
  };
}

/** Every trial, on `workers` threads (this one when 1), reporting how many are done as they finish. */
export async function runTrials(job: TrialJob, trials: number, workers: number, progress: (done: number) => void): Promise<Float64Array> {
  const count = Math.max(1, Math.min(workers, trials));
  if (count === 1) return runTrialRange(job, 0, trials, progress);
  const width = job.options * job.months;
  const all = new Float64Array(trials * width);
  await Promise.all(rangesOf(trials, count).map(async ([from, to]) => all.set(new Float64Array(await inWorker<ArrayBuffer>({ job, from, to }, progress)), from * width)));
  return all;
}
