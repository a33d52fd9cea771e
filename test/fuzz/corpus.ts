/**
 * What the fuzz suite mutates: the bundled scenarios (as text and as data), the bundled
 * catalog's tables, a small catalog per scenario, and a saved `compare --format json` result
 * per scenario (the input `diff` and `check --baseline` read). Read once per process; every
 * case starts from a copy.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

/**
 * The repository root, found by walking up to cloudtco's package.json: the harness runs from
 * test/fuzz under vitest and from .fuzz-build when compiled for long runs.
 */
export const REPO = findRepo(path.dirname(fileURLToPath(import.meta.url)));

function findRepo(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cloudtco') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no cloudtco package.json above ${from}`);
  }
}

/** The built CLI the cases run: what users run, not the sources. */
export const BUILT_CLI = path.join(REPO, 'dist/bundle/main.js');
export const BUNDLED_CATALOG = path.join(REPO, 'pricing-data');

export const TABLE_NAMES = ['models.csv', 'egress.csv', 'services.csv', 'availability.csv', 'latency.csv', 'regions.csv'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export type CatalogTables = Record<TableName, string>;

export interface ScenarioSeed {
  /** File name without extension, e.g. support-agents. */
  name: string;
  text: string;
  data: Record<string, unknown>;
  /** Model ids its workloads name: the models.csv rows its small catalog keeps. */
  models: string[];
}

export interface Corpus {
  scenarios: ScenarioSeed[];
  bundled: CatalogTables;
  /** Per scenario name: the bundled catalog with only the models.csv rows of its models, so most cases load little. */
  small: Record<string, CatalogTables>;
  /** Per scenario name: `compare --format json` of it on the bundled catalog. */
  savedResults: Record<string, string>;
}

let cached: Promise<Corpus> | undefined;

export function loadCorpus(): Promise<Corpus> {
  cached ??= readCorpus();
  return cached;
}

async function readCorpus(): Promise<Corpus> {
  const dir = path.join(REPO, 'scenarios');
  const scenarios = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file): ScenarioSeed => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const data = parseYaml(text) as Record<string, unknown>;
      const workloads = (data.workloads ?? []) as { model?: unknown }[];
      return { name: file.replace(/\.yaml$/, ''), text, data, models: [...new Set(workloads.map((w) => String(w.model)))] };
    });
  const bundled = Object.fromEntries(TABLE_NAMES.map((name) => [name, readFileSync(path.join(BUNDLED_CATALOG, name), 'utf8')])) as CatalogTables;
  const small = Object.fromEntries(scenarios.map((s) => [s.name, { ...bundled, 'models.csv': onlyModels(bundled['models.csv'], s.models) }]));
  return { scenarios, bundled, small, savedResults: await savedResults(scenarios) };
}

/** models.csv with the header and the rows pricing these models, byte for byte. */
function onlyModels(text: string, models: readonly string[]): string {
  const records = parseCsv(text, { info: true, raw: true }) as unknown as { record: string[]; raw: string }[];
  const modelColumn = records[0]!.record.indexOf('model');
  return records
    .filter((r, i) => i === 0 || models.includes(r.record[modelColumn]!))
    .map((r) => r.raw.replace(/\r?\n$/, ''))
    .join('\n')
    .concat('\n');
}

/** Runs the built CLI once per bundled scenario, in this thread, for the results `diff` and `check --baseline` read. */
async function savedResults(scenarios: readonly ScenarioSeed[]): Promise<Record<string, string>> {
  const { run } = (await import(pathToFileURL(BUILT_CLI).href)) as { run: (argv: string[], io: object) => Promise<number> };
  const results: Record<string, string> = {};
  for (const s of scenarios) {
    let stdout = '';
    let stderr = '';
    const code = await run(['compare', `scenarios/${s.name}.yaml`, '--format', 'json'], {
      // like a Node stream, it says when the text is written: the CLI waits for that
      stdout: { write: (t: string, written?: () => void) => ((stdout += t), written?.(), true), isTTY: false },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      cwd: REPO,
      today: FUZZ_TODAY,
    });
    if (code !== 0) throw new Error(`the bundled scenario ${s.name} does not compare (exit ${code}): ${stderr}`);
    results[s.name] = stdout;
  }
  return results;
}

/** The date every case runs on, as the CLI tests fix it: the bundled catalog has no row read after it. */
export const FUZZ_TODAY = '2026-12-03';
