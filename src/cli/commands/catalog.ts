/** `cloudtco catalog list | show | models | regions | services | validate | stale`: look into the catalog and check it. */
import { allRows, futureRows, listModels, showModel, staleRows } from '../../analysis/catalog-views.js';
import { catalogDirs, catalogFiles, loadCatalog, loadCatalogs } from '../../io/catalog-dir.js';
import { InputError, type Diagnostic } from '../../model/diagnostic.js';
import { suggestion } from '../../model/did-you-mean.js';
import { visible, withoutWorkflowCommands } from '../../model/safe-text.js';
import { parseDuration } from '../../model/quantity.js';
import { catalogModelsRenderers, catalogRegionsRenderers, catalogServicesRenderers, modelListRenderers, modelShowRenderers, staleRenderers } from '../../report/catalog-views.js';
import { EXIT, todayOf, type CliIo } from '../cli-io.js';
import { emit, writeStdout, type OutputOptions } from '../output.js';
import { runScenario } from '../run-scenario.js';
import { append } from '../../model/append.js';

export interface CatalogOptions extends OutputOptions {
  catalog: string[];
}

export async function catalogList(options: CatalogOptions, io: CliIo): Promise<number> {
  const dirs = catalogDirs(options.catalog, io.cwd);
  const catalog = await loadCatalogs(dirs);
  await emit(modelListRenderers[options.format], { listings: listModels(catalog) }, options, io, catalogFiles(dirs));
  return EXIT.ok;
}

export interface DiscoveryOptions extends CatalogOptions {
  cloud?: string;
}

/** `catalog models | regions | services [--cloud X]`: what the catalog can price, to write a scenario by. */
export async function catalogDiscover(what: 'models' | 'regions' | 'services', options: DiscoveryOptions, io: CliIo): Promise<number> {
  const dirs = catalogDirs(options.catalog, io.cwd);
  const catalog = await loadCatalogs(dirs);
  const { catalogModels, catalogRegions, catalogServices } = await import('../../analysis/catalog-discovery.js');
  const { CLOUD_IDS } = await import('../../model/cloud.js');
  const cloud = options.cloud;
  if (cloud !== undefined && !(CLOUD_IDS as readonly string[]).includes(cloud)) {
    throw new InputError([{ message: `--cloud: no cloud "${cloud}"${suggestion(cloud, CLOUD_IDS)}; expected one of ${CLOUD_IDS.join(', ')}` }]);
  }
  const c = cloud as (typeof CLOUD_IDS)[number] | undefined;
  const inputs = catalogFiles(dirs);
  if (what === 'models') await emit(catalogModelsRenderers[options.format], { cloud, rows: catalogModels(catalog, c) }, options, io, inputs);
  else if (what === 'regions') await emit(catalogRegionsRenderers[options.format], { cloud, rows: catalogRegions(catalog, c) }, options, io, inputs);
  else await emit(catalogServicesRenderers[options.format], { cloud, rows: catalogServices(catalog, c) }, options, io, inputs);
  return EXIT.ok;
}

export async function catalogShow(model: string, options: CatalogOptions, io: CliIo): Promise<number> {
  const dirs = catalogDirs(options.catalog, io.cwd);
  const catalog = await loadCatalogs(dirs);
  const known = new Set(catalog.models.map((row) => row.model));
  if (!known.has(model)) throw new InputError([{ message: `no catalog row prices model "${model}"${suggestion(model, known)}; \`cloudtco catalog models\` lists them all` }]);
  await emit(modelShowRenderers[options.format], { model, today: todayOf(io), views: showModel(catalog, model, todayOf(io)) }, options, io, catalogFiles(dirs));
  return EXIT.ok;
}

/** Every problem in every row of every directory, located; exit 2 if any. */
export async function catalogValidate(dirs: string[], io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const summaries: string[] = [];
  for (const { dir, shownAs } of catalogDirs(dirs, io.cwd)) {
    const checked = await checkCatalogDir(dir, shownAs, todayOf(io));
    append(problems, checked.problems);
    if (checked.summary !== undefined) summaries.push(checked.summary);
  }
  if (problems.length > 0) throw new InputError(problems);
  await writeStdout(io, `${withoutWorkflowCommands(summaries.map(visible).join('\n'))}\n`);
  return EXIT.ok;
}

/** One catalog directory's problems (every row, and prices read "after today"), or its summary. */
export async function checkCatalogDir(dir: string, shownAs: string, today: string): Promise<{ problems: Diagnostic[]; summary: string | undefined }> {
  try {
    const catalog = await loadCatalog(dir, shownAs);
    const future = futureRows(allRows(catalog), today);
    const problems = future.map((row): Diagnostic => ({ file: row.ref.file, line: row.ref.line, path: ['as_of'], message: `is after today (${today}); as_of is the date a price was read` }));
    return { problems, summary: future.length === 0 ? `${shownAs}: ${catalog.files.length} tables, ${allRows(catalog).length} rows, no problems` : undefined };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: [...error.diagnostics], summary: undefined };
  }
}

export interface StaleOptions extends CatalogOptions {
  maxAge: string;
  scenario?: string;
  set: string[];
}

/** Rows (or, with --scenario, rows that scenario uses) read longer ago than --max-age: exit 1. */
export async function catalogStale(options: StaleOptions, io: CliIo): Promise<number> {
  const maxAge = parseDuration(options.maxAge);
  if (maxAge === undefined || !maxAge.isInteger() || maxAge.isNeg()) {
    throw new InputError([{ message: `--max-age: expected whole days or weeks like 120d or 8w, got "${options.maxAge}"` }]);
  }
  let catalog;
  let used: Set<string> | undefined;
  let inputs = catalogFiles(catalogDirs(options.catalog, io.cwd));
  if (options.scenario === undefined && options.set.length > 0) throw new InputError([{ message: '--set changes the scenario given with --scenario; without one there is nothing to change' }]);
  if (options.scenario === undefined) {
    catalog = await loadCatalogs(catalogDirs(options.catalog, io.cwd));
  } else {
    const run = await runScenario(options.scenario, options, io);
    catalog = run.catalog;
    inputs = run.inputs;
    used = new Set(run.simulation.lineItems.flatMap(({ priceRef: ref }) => (ref === undefined ? [] : [`${ref.file}:${ref.line}`])));
  }
  const today = todayOf(io);
  const rows = staleRows(allRows(catalog), today, maxAge.toNumber(), used);
  await emit(staleRenderers[options.format], { today, maxAgeDays: maxAge.toNumber(), scenario: options.scenario, rows }, options, io, inputs);
  return rows.length === 0 ? EXIT.ok : EXIT.checkFailed;
}
