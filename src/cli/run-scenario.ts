/** Loads a scenario and its catalogs and simulates it: what every scenario-reading command starts with. */
import path from 'node:path';
import { simulate, type Simulation } from '../engine/simulate.js';
import { catalogDirs, catalogFiles, loadCatalogs, replacedCatalogHint } from '../io/catalog-dir.js';
import { displayPath } from '../io/read-text.js';
import { loadScenario, locateProblems, type LoadedScenario } from '../io/scenario-file.js';
import type { YamlDocument } from '../io/yaml-document.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/diagnostic.js';
import type { CliIo } from './cli-io.js';

export interface ScenarioRun {
  loaded: LoadedScenario;
  catalog: Catalog;
  simulation: Simulation;
  /** The files read: the scenario and the catalog's tables, which `--out` must not replace. */
  inputs: string[];
}

/** What every scenario-reading command is given: the catalogs to layer and `--set` overrides. */
export interface ScenarioInputs {
  catalog: string[];
  set: string[];
}

/** `read`: the scenario file's document, if the caller has read it already (diff looks first). */
export async function runScenario(scenarioFile: string, inputs: ScenarioInputs, io: CliIo, read?: YamlDocument): Promise<ScenarioRun> {
  const file = path.resolve(io.cwd, scenarioFile);
  const dirs = catalogDirs(inputs.catalog, io.cwd);
  const [loaded, catalog] = await allInputs(loadScenario(file, displayPath(scenarioFile, io.cwd), inputs.set, read), loadCatalogs(dirs));
  return { loaded, catalog, simulation: withCatalogHint(dirs, catalog, () => simulateLoaded(loaded, catalog)), inputs: [file, ...catalogFiles(dirs)] };
}

/** Runs `work`; a missing price from a catalog that replaced the bundled one is told why (io/catalog-dir.ts). */
export function withCatalogHint<T>(dirs: readonly { dir: string; shownAs: string }[], catalog: Catalog, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const hint = error instanceof InputError ? replacedCatalogHint(dirs, catalog, error.diagnostics) : undefined;
    if (hint !== undefined) throw new InputError([...(error as InputError).diagnostics, hint]);
    throw error;
  }
}

/** Simulates a loaded scenario; the engine's problems, known by their path, are pointed at the file. */
export function simulateLoaded(loaded: LoadedScenario, catalog: Catalog): Simulation {
  try {
    return simulate(loaded.scenario, catalog);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(locateProblems(loaded, error.diagnostics));
    throw error;
  }
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
