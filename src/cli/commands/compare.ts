/** `cloudtco compare <scenario>`: load, simulate, compare, render, write. */
import { pointValuesOf } from '../../io/uncertain-inputs.js';
import type { Breakdown } from '../../analysis/breakdown.js';
import { compare } from '../../analysis/compare.js';
import { InputError } from '../../model/diagnostic.js';
import { compareRenderers } from '../../report/compare.js';
import type { CompareFormat } from '../../report/compare-formats.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import { runScenario, type ScenarioInputs } from '../run-scenario.js';

export interface CompareOptions extends OutputOptions<CompareFormat>, ScenarioInputs {
  by?: Breakdown;
}

export async function compareCommand(scenarioFile: string, options: CompareOptions, io: CliIo): Promise<number> {
  if (options.lineItems && options.format !== 'json') {
    throw new InputError([{ message: `--line-items needs --format json (got --format ${options.format})` }]);
  }
  const { loaded, catalog, simulation, inputs } = await runScenario(scenarioFile, options, io);
  const report = compare({
    scenario: loaded.scenario,
    scenarioFile: loaded.file,
    catalog,
    periods: simulation.periods,
    lineItems: simulation.lineItems,
    fallbacks: simulation.fallbacks,
    provisioned: simulation.provisioned,
    latency: simulation.latency,
    unassessed: simulation.unassessed,
    by: options.by,
    whatIf: loaded.overrides,
    pointValues: pointValuesOf(loaded.uncertain),
  });
  await emit(compareRenderers[options.format], report, options, io, inputs);
  return EXIT.ok;
}
