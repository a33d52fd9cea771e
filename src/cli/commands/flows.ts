/** `cloudtco flows <scenario>`: who receives the money, per option and period. */
import { pointValuesOf } from '../../io/uncertain-inputs.js';
import { flowReport } from '../../analysis/flows.js';
import type { PeriodGrouping } from '../../model/period.js';
import { flowsRenderers } from '../../report/flows.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import type { ReportFormat } from '../../report/renderer.js';
import { runScenario, type ScenarioInputs } from '../run-scenario.js';

export interface FlowsOptions extends OutputOptions<ReportFormat>, ScenarioInputs {
  by: PeriodGrouping;
}

export async function flowsCommand(scenarioFile: string, options: FlowsOptions, io: CliIo): Promise<number> {
  const { loaded, catalog, simulation, inputs } = await runScenario(scenarioFile, options, io);
  const report = flowReport({ scenario: loaded.scenario, scenarioFile: loaded.file, catalog, periods: simulation.periods, lineItems: simulation.lineItems, flows: simulation.flows(), unassessed: simulation.unassessed, by: options.by, whatIf: loaded.overrides, pointValues: pointValuesOf(loaded.uncertain) });
  await emit(flowsRenderers[options.format], report, options, io, inputs);
  return EXIT.ok;
}
