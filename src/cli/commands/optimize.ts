/**
 * `cloudtco optimize <scenario>`: the cheapest placement of each workload the scenario's options
 * and `optimize:` section allow, under its rules (analysis/optimization.ts); optionally the
 * scenario with the plan added as an option (`--emit-scenario`).
 */
import path from 'node:path';
import { optimize } from '../../analysis/optimization.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { optimizedScenarioText } from '../../io/optimized-scenario.js';
import { displayPath, readText } from '../../io/read-text.js';
import { locateProblems } from '../../io/scenario-file.js';
import { readYaml } from '../../io/yaml-document.js';
import { InputError } from '../../model/diagnostic.js';
import { formatMoney } from '../../report/numbers.js';
import { optimizeRenderers } from '../../report/optimize.js';
import type { OptimizeFormat } from '../../report/optimize-formats.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import { runScenario, type ScenarioInputs } from '../run-scenario.js';

export interface OptimizeOptions extends OutputOptions<OptimizeFormat>, ScenarioInputs {
  objective?: 'total' | 'npv';
  maxPlans?: string;
  emitScenario?: string;
  planId: string;
  search: 'auto' | 'local';
}

export async function optimizeCommand(scenarioFile: string, options: OptimizeOptions, io: CliIo): Promise<number> {
  if (options.maxPlans !== undefined && (!/^\d+$/.test(options.maxPlans) || Number(options.maxPlans) < 1 || Number(options.maxPlans) > 1_000_000)) {
    throw new InputError([{ message: `--max-plans: expected a whole number from 1 to 1,000,000, got "${options.maxPlans}"` }]);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.planId)) throw new InputError([{ message: `--plan-id: expected an id of letters, digits, ".", "_" or "-", got "${options.planId}"` }]);
  // --emit-scenario copies the file: read once, for both
  const shown = displayPath(scenarioFile, io.cwd);
  const text = options.emitScenario === undefined ? undefined : await readText(path.resolve(io.cwd, scenarioFile), shown);
  const { loaded, catalog, simulation, inputs } = await runScenario(scenarioFile, options, io, text === undefined ? undefined : readYaml(text, shown));
  const { scenario } = loaded;
  const objective = options.objective ?? scenario.optimize?.objective ?? 'total';
  if (objective === 'npv' && scenario.discount_rate === undefined) throw new InputError([{ file: loaded.file, line: 1, col: 1, message: 'the objective npv needs a discount_rate in the scenario, like discount_rate: 8%' }]);
  if (scenario.options.some((o) => o.id === options.planId)) throw new InputError([{ message: `--plan-id: the scenario already has an option "${options.planId}"; name the plan otherwise` }]);
  const maxPlans = options.maxPlans === undefined ? defaultPlans(scenario.workloads.length, scenario.horizon.months) : Number(options.maxPlans);
  let report;
  try {
    report = optimize({ scenario, scenarioFile: loaded.file, catalog, periods: simulation.periods, lineItems: simulation.lineItems, objective, maxPlans, search: options.search, whatIf: loaded.overrides });
  } catch (error) {
    if (error instanceof InputError) throw new InputError(locateProblems(loaded, error.diagnostics));
    throw error;
  }
  if (options.emitScenario !== undefined) {
    const written = optimizedScenarioText(text!, {
      id: options.planId,
      sets: options.set,
      description: `cloudtco optimize: the cheapest plan found (${report.method}), ${formatMoney(report.priced.total, report.currency)} ${report.currency} over the horizon`,
      workloads: report.plan.map((p) => ({ workload: p.workload, choice: p.choice })),
      oneTime: scenario.optimize?.one_time ?? [],
    });
    await writeFileAtomic(path.resolve(io.cwd, options.emitScenario), written, displayPath(options.emitScenario, io.cwd), inputs);
    io.stderr.write(`wrote ${displayPath(options.emitScenario, io.cwd)}: the scenario with option ${options.planId} added\n`);
  }
  await emit(optimizeRenderers[options.format], report, options, io, inputs);
  return EXIT.ok;
}

/**
 * A local search's budget by default: plans whose workload-months add up to about 200 000, a few
 * seconds of pricing (docs/benchmarks.md, "optimize"): 111 plans of 50 workloads over 36 months,
 * 5 000 of 3 over 12; never fewer than 50 nor more than 5 000.
 */
function defaultPlans(workloads: number, months: number): number {
  return Math.min(5000, Math.max(50, Math.floor(200_000 / (workloads * months))));
}
