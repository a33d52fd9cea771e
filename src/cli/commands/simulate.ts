/**
 * `cloudtco simulate <scenario> --trials 10000 --seed 42`: every input given as a range drawn
 * anew in each trial, the scenario priced for each (the fast path where it applies, the exact
 * engine otherwise; trial-runner.ts), and per option the percentiles of its horizon total and
 * of each month, and the share of trials in which it was the cheapest.
 */
import { summariseTrials, trialTotals } from '../../analysis/simulation.js';
import { planTrials } from '../../engine/trial-plan.js';
import { settablePath, writtenNumber, type UncertainInput } from '../../io/uncertain-inputs.js';
import { formatPath, InputError } from '../../model/diagnostic.js';
import { supportOf } from '../../model/distribution.js';
import { drawTrial, trialDraws } from '../../model/trial-draws.js';
import { rawTrials, simulateRenderers, type SimulationReport } from '../../report/simulate.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import type { ReportFormat } from '../../report/renderer.js';
import type { ScenarioInputs } from '../run-scenario.js';
import { loadVariants } from '../scenario-variants.js';
import { runTrials, type TrialInput, type TrialJob } from '../trial-runner.js';
import { defaultWorkers } from '../worker-pool.js';

export interface SimulateOptions extends OutputOptions<ReportFormat>, ScenarioInputs {
  trials: string;
  seed: string;
  percentiles: string;
  workers?: string;
  raw?: boolean;
  exact?: boolean;
}

/** Costs held: trials × options × months float64s (400 MB at this many). */
const MAX_CELLS = 50_000_000;

export async function simulateCommand(scenarioFile: string, options: SimulateOptions, io: CliIo): Promise<number> {
  const trials = wholeNumber('--trials', options.trials, 1, 1_000_000);
  const seed = wholeNumber('--seed', options.seed, 0, 4_294_967_295);
  const workers = options.workers === undefined ? defaultWorkers() : wholeNumber('--workers', options.workers, 1, 32);
  const percentiles = percentilesOf(options.percentiles);
  const variants = await loadVariants(scenarioFile, options, io);
  const { loaded, periods, lineItems } = variants.base;
  const { scenario } = loaded;
  if (loaded.uncertain.length === 0) throw new InputError([{ file: loaded.file, line: 1, col: 1, message: 'no input is given as a range (triangular, pert, uniform, normal or lognormal), so every trial would be the same; see the README, "What-if with ranges"' }]);
  const cells = trials * scenario.options.length * periods.length;
  if (cells > MAX_CELLS) throw new InputError([{ message: `--trials: ${trials} trials × ${scenario.options.length} options × ${periods.length} months is more than the ${MAX_CELLS.toLocaleString('en')} monthly costs a simulation holds; use fewer trials` }]);

  const inputs: TrialInput[] = loaded.uncertain.map((u) => ({ distribution: u.distribution, bounds: u.bounds, driver: u.driver, setPath: settablePath(u), kind: u.kind }));
  const plan = options.exact === true ? { declined: '--exact' } : planTrials(scenario, variants.catalog, periods, lineItems, loaded.uncertain.map((u) => ({ path: u.path, ...supportOf(u.distribution, u.bounds) })));
  const shared = { inputs, seed, options: scenario.options.length, months: periods.length };
  const job: TrialJob = 'declined' in plan ? { ...shared, path: 'exact', scenarioFile, cwd: io.cwd, scenarioInputs: { catalog: options.catalog, set: options.set } } : { ...shared, path: 'fast', plan };
  const bar = progressBar(io, trials);
  const costs = await runTrials(job, trials, workers, bar.add).finally(bar.end);

  const draws = trialDraws(inputs);
  const values = new Float64Array(inputs.length);
  const report: SimulationReport = {
    scenario: { name: scenario.name, file: loaded.file },
    currency: scenario.currency,
    trials,
    seed,
    percentiles,
    engine: 'declined' in plan ? { path: 'exact', reason: plan.declined } : { path: 'fast', reason: undefined },
    inputs: loaded.uncertain.map((u) => ({ name: formatPath(u.path), setPath: settablePath(u), distribution: u.distribution, driver: u.driver, described: describe(u) })),
    options: scenario.options.map((o) => o.id),
    periods,
    summary: summariseTrials(costs, trials, shared.options, shared.months, percentiles),
    whatIf: loaded.overrides,
    totals: trialTotals(costs, trials, shared.options, shared.months),
    drawn: (t) => {
      drawTrial(draws, seed, t, values);
      return inputs.map((input, i) => writtenNumber(input, values[i]!));
    },
  };
  await emit(options.raw === true ? rawTrials : simulateRenderers[options.format], report, options, io, variants.inputs);
  return EXIT.ok;
}

/** `triangular 0% / 3% / 6%`, `normal mean 450, sd 120`: a distribution in its field's own terms. */
function describe(input: UncertainInput): string {
  const d = input.distribution;
  const text = (x: number) => writtenNumber(input, x);
  switch (d.kind) {
    case 'uniform':
      return `uniform ${text(d.min)} / ${text(d.max)}`;
    case 'triangular':
    case 'pert':
      return `${d.kind} ${text(d.min)} / ${text(d.mode)} / ${text(d.max)}`;
    case 'normal':
    case 'lognormal':
      return `${d.kind} mean ${text(d.mean)}, sd ${text(d.sd)}`;
  }
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) throw new InputError([{ message: `${flag}: expected a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, got "${text}"` }]);
  return value;
}

function percentilesOf(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
  if (parts.length > 20 || values.some((v) => !(v >= 0 && v <= 100)) || new Set(values).size !== values.length) {
    throw new InputError([{ message: `--percentiles: expected up to 20 different numbers from 0 to 100, separated by commas (5,50,95), got "${text}"` }]);
  }
  return values;
}

/** A bar on standard error while trials run, when it is a terminal; redrawn at most ten times a second. */
function progressBar(io: CliIo, total: number): { add: (done: number) => void; end: () => void } {
  if (io.stderr.isTTY !== true) return { add: () => undefined, end: () => undefined };
  let done = 0;
  let drawn = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr.write(`\rsimulating ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done.toLocaleString('en')} of ${total.toLocaleString('en')} trials`);
  };
  return {
    add: (n) => {
      done += n;
      const now = Date.now();
      if (now - drawn >= 100 || done === total) {
        drawn = now;
        draw();
      }
    },
    end: () => io.stderr.write('\r\u001b[K'),
  };
}
