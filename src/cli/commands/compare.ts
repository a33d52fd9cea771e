/** `cloudtco compare <scenario>`: load, simulate, compare, render, write. */
import path from 'node:path';
import { compare } from '../../analysis/compare.js';
import { simulate } from '../../engine/simulate.js';
import { catalogDirs, loadCatalogs } from '../../io/catalog-dir.js';
import { displayPath } from '../../io/read-text.js';
import { loadScenario, locateProblems } from '../../io/scenario-file.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { InputError } from '../../model/diagnostic.js';
import type { Breakdown } from '../../analysis/breakdown.js';
import { compareRenderers } from '../../report/compare.js';
import type { Format } from '../../report/renderer.js';
import { colorEnabled } from '../../report/style.js';
import { EXIT, type CliIo } from '../cli-io.js';

export interface CompareOptions {
  catalog: string[];
  by?: Breakdown;
  format: Format;
  out?: string;
  lineItems?: boolean;
  color: boolean;
}

export async function compareCommand(scenarioFile: string, options: CompareOptions, io: CliIo): Promise<number> {
  if (options.lineItems && options.format !== 'json') {
    throw new InputError([{ message: `--line-items needs --format json (got --format ${options.format})` }]);
  }
  const [loaded, catalog] = await allInputs(loadScenario(path.resolve(io.cwd, scenarioFile), displayPath(scenarioFile, io.cwd)), loadCatalogs(catalogDirs(options.catalog, io.cwd)));

  let simulation;
  try {
    simulation = simulate(loaded.scenario, catalog);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(locateProblems(loaded, error.diagnostics));
    throw error;
  }

  const report = compare({
    scenario: loaded.scenario,
    scenarioFile: loaded.file,
    catalog,
    periods: simulation.periods,
    lineItems: simulation.lineItems,
    fallbacks: simulation.fallbacks,
    latency: simulation.latency,
    by: options.by,
  });
  const toFile = options.out !== undefined;
  const color = !toFile && options.format === 'table' && colorEnabled({ flag: options.color, env: io.env, isTTY: io.stdout.isTTY === true });
  const text = compareRenderers[options.format](report, { color, lineItems: options.lineItems === true });

  if (options.out === undefined) io.stdout.write(text);
  else await writeFileAtomic(path.resolve(io.cwd, options.out), text, displayPath(options.out, io.cwd));
  return EXIT.ok;
}

/** Loads inputs side by side so problems in both the scenario and the catalog show together. */
async function allInputs<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'fulfilled' && rb.status === 'fulfilled') return [ra.value, rb.value];
  const errors = [ra, rb].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const inputErrors = errors.filter((e): e is InputError => e instanceof InputError);
  if (inputErrors.length !== errors.length) throw errors.find((e) => !(e instanceof InputError));
  throw new InputError(inputErrors.flatMap((e) => e.diagnostics));
}
