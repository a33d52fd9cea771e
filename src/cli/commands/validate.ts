/**
 * `cloudtco validate <files…>`: scenarios and catalogs, every problem in every file, located;
 * exit 2 if there are any. A directory is a catalog; a YAML or JSON file a scenario, checked
 * against the catalogs (`--catalog`, default the bundled one) as `compare` would price it, so a
 * missing price shows here too; a CSV file stands for the catalog directory it is in.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { budgetProblems } from '../../analysis/check.js';
import { exchange } from '../../engine/fx.js';
import { catalogDirs, loadCatalogs } from '../../io/catalog-dir.js';
import { displayPath } from '../../io/read-text.js';
import { loadScenario, locateProblems } from '../../io/scenario-file.js';
import type { Catalog } from '../../model/catalog.js';
import { InputError, type Diagnostic } from '../../model/diagnostic.js';
import { EXIT, todayOf, type CliIo } from '../cli-io.js';
import { checkCatalogDir } from './catalog.js';
import { simulateLoaded, type ScenarioInputs } from '../run-scenario.js';
import { writeStdout } from '../output.js';
import { visible, withoutWorkflowCommands } from '../../model/safe-text.js';
import { append } from '../../model/append.js';

export async function validateCommand(files: string[], options: ScenarioInputs, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const summaries: string[] = [];
  const catalogs: string[] = [];
  const scenarios: string[] = [];
  for (const file of files) {
    const kind = await kindOf(path.resolve(io.cwd, file));
    if (kind === 'missing') problems.push({ file: displayPath(file, io.cwd), message: 'no such file or directory' });
    else if (kind === 'catalog') catalogs.push(file);
    else if (kind === 'catalog-table') catalogs.push(path.dirname(file));
    else scenarios.push(file);
  }
  for (const dir of new Set(catalogs)) {
    const { shownAs, dir: resolved } = catalogDirs([dir], io.cwd)[0]!;
    const checked = await checkCatalogDir(resolved, shownAs, todayOf(io));
    append(problems, checked.problems);
    if (checked.summary !== undefined) summaries.push(checked.summary);
  }
  if (scenarios.length > 0) {
    // the catalogs scenarios are priced with are loaded once, so their problems show once
    let catalog: Catalog | undefined;
    try {
      catalog = await loadCatalogs(catalogDirs(options.catalog, io.cwd));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      append(problems, error.diagnostics);
    }
    for (const file of scenarios) {
      const shownAs = displayPath(file, io.cwd);
      try {
        const loaded = await loadScenario(path.resolve(io.cwd, file), shownAs, options.set);
        const simulation = catalog === undefined ? undefined : simulateLoaded(loaded, catalog);
        const budgets = budgetProblems(loaded.scenario, exchange(loaded.scenario), simulation?.lineItems);
        if (budgets.length > 0) throw new InputError(locateProblems(loaded, budgets));
        const { workloads, options: placements } = loaded.scenario;
        summaries.push(`${shownAs}: ${count(workloads.length, 'workload')}, ${count(placements.length, 'option')}, ${catalog === undefined ? 'not priced (see the catalog problems)' : 'every price found'}, no problems`);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        append(problems, error.diagnostics);
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  await writeStdout(io, `${withoutWorkflowCommands(summaries.map(visible).join('\n'))}\n`);
  return EXIT.ok;
}

async function kindOf(file: string): Promise<'missing' | 'catalog' | 'catalog-table' | 'scenario'> {
  try {
    if ((await stat(file)).isDirectory()) return 'catalog';
  } catch {
    return 'missing';
  }
  return /\.csv$/i.test(file) ? 'catalog-table' : 'scenario';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
