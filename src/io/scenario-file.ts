/** Loads a scenario file (YAML or JSON) into a validated Scenario that remembers its positions. */
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { scenarioSchema, type Scenario } from '../model/scenario.js';
import { readText } from './read-text.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { readYaml, type Locator } from './yaml-document.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file as shown in messages. */
  file: string;
  locate: Locator;
}

export async function loadScenario(file: string, shownAs: string): Promise<LoadedScenario> {
  const doc = readYaml(await readText(file, shownAs), shownAs);
  if (doc.errors.length > 0) throw new InputError(doc.errors);
  if (doc.data === null || doc.data === undefined) {
    throw new InputError([{ file: shownAs, line: 1, col: 1, message: 'the file is empty; expected a scenario with name, horizon, workloads and options' }]);
  }
  const result = scenarioSchema.safeParse(withoutExtensions(doc.data), { reportInput: true });
  if (!result.success) {
    throw new InputError(schemaDiagnostics(result.error.issues, scenarioSchema, shownAs, doc.locate));
  }
  return { scenario: result.data, file: shownAs, locate: doc.locate };
}

/**
 * Top-level keys starting with `x-` are the file's own (as in Compose files): a place to keep
 * YAML anchors shared by several workloads, e.g. `x-defaults: &chat {...}` then `<<: *chat`.
 */
function withoutExtensions(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('x-')));
}

/** Points problems found after loading (by the engine, known by their path) at the scenario's lines. */
export function locateProblems(loaded: LoadedScenario, problems: readonly Diagnostic[]): Diagnostic[] {
  return problems.map((p) => (p.file !== undefined ? p : { ...p, file: loaded.file, ...loaded.locate(p.path ?? []) }));
}
