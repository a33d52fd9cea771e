/**
 * `cloudtco diff <a> <b>`: what changed, per option and category. Each side is a saved
 * `compare --format json` result or a scenario, simulated here; `--set` changes the second
 * scenario only, so `diff s.yaml s.yaml --set …` shows what a what-if changes. Exit 1 only
 * when `--fail-on-increase` is given and an option's total grew by more.
 */
import path from 'node:path';
import { compare } from '../../analysis/compare.js';
import { diff, type DiffSide } from '../../analysis/diff.js';
import { catalogDirs, catalogFiles } from '../../io/catalog-dir.js';
import { displayPath, readText } from '../../io/read-text.js';
import { loadResult } from '../../io/result-file.js';
import { readYaml } from '../../io/yaml-document.js';
import { InputError } from '../../model/diagnostic.js';
import { diffRenderers } from '../../report/diff.js';
import type { DiffFormat } from '../../report/diff-formats.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import { runScenario, type ScenarioInputs } from '../run-scenario.js';
import { parseThreshold } from '../threshold.js';

export interface DiffOptions extends OutputOptions<DiffFormat>, ScenarioInputs {
  failOnIncrease?: string;
}

export async function diffCommand(a: string, b: string, options: DiffOptions, io: CliIo): Promise<number> {
  const threshold = options.failOnIncrease === undefined ? undefined : parseThreshold('--fail-on-increase', options.failOnIncrease);
  const before = await side(a, { ...options, set: [] }, io);
  const changed = await side(b, options, io);
  // a what-if of the same file says what it changed
  const after = options.set.length === 0 ? changed : { ...changed, file: `${changed.file} with ${options.set.map((s) => `--set ${s}`).join(' ')}` };
  if (before.currency !== after.currency) throw new InputError([{ file: changed.file, message: `reports in ${after.currency}, ${before.file} in ${before.currency}; compare results in one currency` }]);
  if (threshold !== undefined && !after.options.some((o) => before.options.some((b) => b.id === o.id))) {
    // options renamed in a pull request: a gate comparing nothing must not pass
    const ids = (side: DiffSide) => side.options.map((o) => o.id).join(', ');
    throw new InputError([{ file: changed.file, message: `shares no option with ${before.file} (it has ${ids(after)}; ${before.file} has ${ids(before)}), so --fail-on-increase has nothing to compare` }]);
  }
  const report = diff(before, after, threshold, options.set);
  const inputs = [path.resolve(io.cwd, a), path.resolve(io.cwd, b), ...catalogFiles(catalogDirs(options.catalog, io.cwd))];
  await emit(diffRenderers[options.format], report, options, io, inputs);
  return report.exceeded.length > 0 ? EXIT.checkFailed : EXIT.ok;
}

/** A saved result (it has a schemaVersion) as it is, a scenario as `compare` would price it. */
async function side(file: string, inputs: ScenarioInputs, io: CliIo): Promise<DiffSide> {
  const shownAs = displayPath(file, io.cwd);
  const absolute = path.resolve(io.cwd, file);
  // read once: a saved result (it has a schemaVersion) or a scenario
  const doc = readYaml(await readText(absolute, shownAs), shownAs);
  const data = doc.data;
  if (typeof data === 'object' && data !== null && 'schemaVersion' in data) {
    if (inputs.set.length > 0) throw new InputError([{ file: shownAs, message: '--set changes a scenario, and this is a saved result' }]);
    return loadResult(absolute, shownAs, doc);
  }
  const { loaded, catalog, simulation } = await runScenario(file, inputs, io, doc);
  const comparison = compare({ scenario: loaded.scenario, scenarioFile: loaded.file, catalog, periods: simulation.periods, lineItems: simulation.lineItems });
  return { file: loaded.file, name: loaded.scenario.name, currency: comparison.currency, options: comparison.options.map((o) => ({ id: o.id, total: o.total, byCategory: o.byCategory })) };
}
