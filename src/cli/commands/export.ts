/** `cloudtco export <scenario>`: every line item, FOCUS-aligned CSV or JSON, written atomically. */
import { pointValuesOf } from '../../io/uncertain-inputs.js';
import { exportReport } from '../../analysis/export.js';
import { InputError } from '../../model/diagnostic.js';
import { exportRenderers } from '../../report/export.js';
import type { ExportFormat } from '../../report/export-formats.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import { runScenario, type ScenarioInputs } from '../run-scenario.js';

export interface ExportOptions extends OutputOptions<ExportFormat>, ScenarioInputs {}

export async function exportCommand(scenarioFile: string, options: ExportOptions, io: CliIo): Promise<number> {
  if (options.bom === true && options.format !== 'csv') throw new InputError([{ message: `--bom is for CSV, which Excel needs it to read as UTF-8; --format ${options.format} has none` }]);
  const { loaded, catalog, simulation, inputs } = await runScenario(scenarioFile, options, io);
  const report = exportReport({ scenario: loaded.scenario, scenarioFile: loaded.file, catalog, periods: simulation.periods, lineItems: simulation.lineItems, whatIf: loaded.overrides, pointValues: pointValuesOf(loaded.uncertain) });
  await emit(exportRenderers[options.format], report, options, io, inputs);
  return EXIT.ok;
}
