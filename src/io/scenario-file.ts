/** Loads a scenario file (YAML or JSON) into a validated Scenario that remembers its positions. */
import { InputError, type Diagnostic, type PathSegment } from '../model/diagnostic.js';
import { countText, LIMITS } from '../model/limits.js';
import { clipped, QUOTE_LIMIT } from '../model/safe-text.js';
import { scenarioSchema, type Scenario } from '../model/scenario.js';
import { readText } from './read-text.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import type { AppliedOverride } from './overrides.js';
import { readYaml, type Where, type YamlDocument } from './yaml-document.js';
import { extractUncertain, type UncertainInput } from './uncertain-inputs.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file as shown in messages. */
  file: string;
  /** Where a problem at a path is: its line in the file, or the `--set` that gave the value. */
  where: Where;
  /** The `--set path=value` changes applied, as given: every result made with them says so. */
  overrides: readonly string[];
  /** Inputs given as distributions, read at their single value (mode or mean) unless simulated. */
  uncertain: readonly UncertainInput[];
}

/** Loads a scenario, with `--set path=value` overrides applied before validation; `read` if the caller has read the file already. */
export async function loadScenario(file: string, shownAs: string, overrides: readonly string[] = [], read?: YamlDocument): Promise<LoadedScenario> {
  const doc = read ?? readYaml(await readText(file, shownAs), shownAs);
  if (doc.errors.length > 0) throw new InputError(doc.errors);
  if (doc.data === null || doc.data === undefined) {
    throw new InputError([{ file: shownAs, line: 1, col: 1, message: 'the file is empty; expected a scenario with name, horizon, workloads and options' }]);
  }
  const data = withoutExtensions(doc.data);
  let overridden: (path: readonly PathSegment[]) => AppliedOverride | undefined = () => undefined;
  if (overrides.length > 0) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError([{ file: shownAs, line: 1, col: 1, message: 'expected a mapping with name, horizon, workloads and options' }]);
    // loaded only when used: yargs-parser costs start-up time every other run would pay
    const { applyOverrides, setBy } = await import('./overrides.js');
    const result = applyOverrides(data as Record<string, unknown>, overrides);
    if (result.problems.length > 0) throw new InputError(result.problems);
    overridden = (path) => setBy(result.applied, path);
  }
  const where: Where = (path, at) => {
    const override = overridden(path);
    // an override is named by its text, cut to 160 characters: each of its problems repeats it
    return override === undefined ? { file: shownAs, ...doc.locate(path, at) } : { file: `--set ${clipped(override.arg, QUOTE_LIMIT * 2)}` };
  };
  const tooLong = longLists(data, where);
  if (tooLong.length > 0) throw new InputError(tooLong);
  const uncertain = extractUncertain(data, scenarioSchema, where);
  if (uncertain.problems.length > 0) throw new InputError(uncertain.problems);
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new InputError(schemaDiagnostics(result.error.issues, scenarioSchema, where));
  return { scenario: result.data, file: shownAs, where, overrides, uncertain: uncertain.inputs };
}

/**
 * Lists longer than cloudtco takes (model/limits.ts), found before the schema reads every
 * entry: a hundred thousand workloads are refused in a moment, not after minutes of work.
 */
function longLists(data: unknown, where: Where): Diagnostic[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.entries(data).flatMap(([key, value]): Diagnostic[] => {
    if (!Array.isArray(value)) return [];
    const limit = key === 'workloads' ? LIMITS.workloads : key === 'options' ? LIMITS.options : LIMITS.listEntries;
    if (value.length <= limit) return [];
    return [{ ...where([key], 'key'), path: [key], message: `has ${countText(value.length)} entries; cloudtco takes at most ${countText(limit)} (docs/reliability.md)` }];
  });
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
  return problems.map((p) => (p.file !== undefined ? p : { ...p, ...loaded.where(p.path ?? []) }));
}
