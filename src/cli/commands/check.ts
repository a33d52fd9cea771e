/**
 * `cloudtco check <scenario>`: the CI gate. Exit 0 when every budget (and the allowed increase
 * over `--baseline`) holds, 1 when one of severity error is breached, 2 for bad input.
 * `--format github` annotates each breach at its budget's line and, when GITHUB_STEP_SUMMARY
 * is set, appends a markdown summary to the job's page.
 */
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
  const { loaded, simulation } = await runScenario(scenarioFile, options, io);
  const { scenario } = loaded;
  const rates = exchange(scenario);
  const problems = budgetProblems(scenario, rates);
  if (problems.length > 0) throw new InputError(locateProblems(loaded, problems));
  if (scenario.budgets.length === 0 && options.baseline === undefined) {
    throw new InputError([{ file: loaded.file, message: 'nothing to check: the scenario has no budgets: and no --baseline was given' }]);
  }
  let baseline;
  if (options.baseline !== undefined) {
    const saved = await loadResult(path.resolve(io.cwd, options.baseline), displayPath(options.baseline, io.cwd));
    if (saved.currency !== scenario.currency) throw new InputError([{ file: saved.file, message: `is in ${saved.currency}, the scenario reports in ${scenario.currency}; compare results in one currency` }]);
    baseline = { totals: { file: saved.file, currency: saved.currency, totals: new Map(saved.options.map((o) => [o.id, o.total])) }, threshold };
  }
  const report = check({
    scenario,
    scenarioFile: loaded.file,
    periods: simulation.periods,
    lineItems: simulation.lineItems,
    rates,
    baseline,
    locate: (at) => {
      const where = loaded.where(at);
      return { file: where.file ?? loaded.file, line: where.line };
    },
  });
  await emit(checkRenderers[options.format], report, options, io);
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summary !== undefined && summary !== '') {
    await appendFile(path.resolve(io.cwd, summary), `${renderCheckAsMarkdown(report, { color: false, lineItems: false })}\n`);
  }
  return report.errors > 0 ? EXIT.checkFailed : EXIT.ok;
}
