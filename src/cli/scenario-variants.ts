/**
 * One scenario priced many times, each time with a few more `--set` overrides: what sweep,
 * sensitivity and an exact simulation do. The file and the catalogs are read once; each variant
 * reads its own copy of the file's data, since overrides change the data they are applied to.
 */
import path from 'node:path';
import { catalogDirs, catalogFiles, loadCatalogs } from '../io/catalog-dir.js';
import { displayPath, readText } from '../io/read-text.js';
import { loadScenario, type LoadedScenario } from '../io/scenario-file.js';
import { readYaml } from '../io/yaml-document.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/diagnostic.js';
import { totalsBy } from '../model/cost-sum.js';
import type { LineItem } from '../model/line-item.js';
import { type Decimal, ZERO } from '../model/money.js';
import type { Period } from '../model/period.js';
import type { CliIo } from './cli-io.js';
import { simulateLoaded, withCatalogHint, type ScenarioInputs } from './run-scenario.js';

export interface Variant {
  loaded: LoadedScenario;
  periods: Period[];
  lineItems: LineItem[];
}

/** Where a worker thread reads the same scenario from. */
export interface VariantSource {
  scenarioFile: string;
  cwd: string;
  inputs: ScenarioInputs;
}

export interface Variants {
  /** The scenario as given (with the command's own `--set`s), its ranges at their mode or mean. */
  base: Variant;
  catalog: Catalog;
  /** The files read, which `--out` must not replace. */
  inputs: string[];
  /** The scenario priced with these overrides after the command's own. */
  price: (sets: readonly string[]) => Promise<Variant>;
  source: VariantSource;
}

export async function loadVariants(scenarioFile: string, options: ScenarioInputs, io: Pick<CliIo, 'cwd'>): Promise<Variants> {
  const file = path.resolve(io.cwd, scenarioFile);
  const shown = displayPath(scenarioFile, io.cwd);
  const dirs = catalogDirs(options.catalog, io.cwd);
  const [doc, catalog] = await Promise.all([readText(file, shown).then((text) => readYaml(text, shown)), loadCatalogs(dirs)]);
  if (doc.errors.length > 0) throw new InputError(doc.errors);
  const price = async (sets: readonly string[]): Promise<Variant> => {
    const loaded = await loadScenario(file, shown, [...options.set, ...sets], { ...doc, data: structuredClone(doc.data) });
    const simulation = withCatalogHint(dirs, catalog, () => simulateLoaded(loaded, catalog));
    return { loaded, periods: simulation.periods, lineItems: simulation.lineItems };
  };
  const source = { scenarioFile, cwd: io.cwd, inputs: { catalog: options.catalog, set: options.set } };
  return { base: await price([]), catalog, inputs: [file, ...catalogFiles(dirs)], price, source };
}

/** Each option's total, in the scenario's order of options. */
export function totalsByOption(variant: Variant): Map<string, Decimal> {
  const sums = totalsBy(variant.lineItems, (item) => item.option);
  return new Map(variant.loaded.scenario.options.map((o) => [o.id, sums.get(o.id) ?? ZERO]));
}
