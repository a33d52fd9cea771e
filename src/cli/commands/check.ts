/**
 * `cloudtco check <scenario>`: the CI gate. Exit 0 when every budget (and the allowed increase
 * over `--baseline`) holds, 1 when one of severity error is breached, 2 for bad input.
 * `--format github` annotates each breach at its budget's line and, when GITHUB_STEP_SUMMARY
 * is set, appends a markdown summary to the job's page.
 */
import { pointValuesOf } from '../../io/uncertain-inputs.js';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { budgetProblems, check, type Threshold } from '../../analysis/check.js';
import { exchange } from '../../engine/fx.js';
import { displayPath } from '../../io/read-text.js';
import { loadResult } from '../../io/result-file.js';
import { locateProblems } from '../../io/scenario-file.js';
import { InputError } from '../../model/diagnostic.js';
import { checkRenderers, renderCheckAsMarkdown } from '../../report/check.js';
import type { CheckFormat } from '../../report/check-formats.js';
import { wholeText } from '../../report/renderer.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import { runScenario, type ScenarioInputs } from '../run-scenario.js';
import { parseThreshold } from '../threshold.js';

export interface CheckOptions extends OutputOptions<CheckFormat>, ScenarioInputs {
  baseline?: string;
  maxIncrease?: string;
}

export async function checkCommand(scenarioFile: string, options: CheckOptions, io: CliIo): Promise<number> {
  if (options.maxIncrease !== undefined && options.baseline === undefined) throw new InputError([{ message: '--max-increase needs --baseline: the result it measures the increase from' }]);
  // without --max-increase, any increase over the baseline is a breach
  const threshold: Threshold = parseThreshold('--max-increase', options.maxIncrease ?? '0');
  const { loaded, simulation, inputs } = await runScenario(scenarioFile, options, io);
  const { scenario } = loaded;
  const rates = exchange(scenario);
  const problems = budgetProblems(scenario, rates, simulation.lineItems);
  if (problems.length > 0) throw new InputError(locateProblems(loaded, problems));
  if (scenario.budgets.length === 0 && options.baseline === undefined) {
    throw new InputError([{ file: loaded.file, message: 'nothing to check: the scenario has no budgets: and no --baseline was given' }]);
  }
  let baseline;
  if (options.baseline !== undefined) {
    inputs.push(path.resolve(io.cwd, options.baseline));
    const saved = await loadResult(path.resolve(io.cwd, options.baseline), displayPath(options.baseline, io.cwd));
    if (saved.currency !== scenario.currency) throw new InputError([{ file: saved.file, message: `is in ${saved.currency}, the scenario reports in ${scenario.currency}; compare results in one currency` }]);
    const ids = scenario.options.map((o) => o.id);
    if (!saved.options.some((o) => ids.includes(o.id))) {
      throw new InputError([{ file: saved.file, message: `shares no option with the scenario (it has ${saved.options.map((o) => o.id).join(', ')}; the scenario ${ids.join(', ')}), so nothing can be compared` }]);
    }
    baseline = { totals: { file: saved.file, currency: saved.currency, totals: new Map(saved.options.map((o) => [o.id, o.total])) }, threshold };
  }
  const report = check({
    scenario,
    scenarioFile: loaded.file,
    periods: simulation.periods,
    lineItems: simulation.lineItems,
    rates,
    baseline,
    whatIf: loaded.overrides,
    pointValues: pointValuesOf(loaded.uncertain),
    locate: (at) => {
      const where = loaded.where(at);
      // a budget a --set added has no line: annotate the scenario file itself
      return where.file === loaded.file ? { file: loaded.file, line: where.line } : { file: loaded.file, line: undefined };
    },
  });
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summary !== undefined && summary !== '') await appendSummary(summary, wholeText(renderCheckAsMarkdown(report, { color: false, lineItems: false })), io);
  await emit(checkRenderers[options.format], report, options, io, inputs);
  return report.errors > 0 ? EXIT.checkFailed : EXIT.ok;
}

/** The job summary GitHub shows on the run's page; a path that cannot be written is bad input. */
async function appendSummary(file: string, markdown: string, io: CliIo): Promise<void> {
  try {
    await appendFile(path.resolve(io.cwd, file), `${markdown}\n`);
  } catch (error) {
    throw new InputError([{ file: `GITHUB_STEP_SUMMARY=${file}`, message: `cannot append the summary: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
}
