/**
 * Inputs written inline in their own syntax, so a test reads like the files users write:
 *
 *   const s = scenario`
 *     name: x
 *     horizon: { start: 2027-01, months: 1 }
 *     ...`;
 */
import { TABLES } from '../../src/io/catalog-dir.js';
import { parseTable } from '../../src/io/csv-table.js';
import { readYaml } from '../../src/io/yaml-document.js';
import { EMPTY_CATALOG, type Catalog } from '../../src/model/catalog.js';
import { scenarioSchema, type Scenario } from '../../src/model/scenario.js';

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function joined(strings: TemplateStringsArray, values: unknown[]): string {
  return dedent(strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), ''));
}

export function scenario(strings: TemplateStringsArray, ...values: unknown[]): Scenario {
  const doc = readYaml(joined(strings, values), 'inline.yaml');
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  return scenarioSchema.parse(doc.data);
}

export const CATALOG_HEADER = 'cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note';

/** The header with the columns for prompt-cache writes and long-context tiers. */
export const TIERED_HEADER = `${CATALOG_HEADER},cache_write,cache_write_1h,prompt_over`;

/** Rows after the standard header. */
export function catalog(strings: TemplateStringsArray, ...values: unknown[]): Catalog {
  return modelsTable(CATALOG_HEADER, joined(strings, values));
}

/** Rows after the header with cache-write and long-context columns. */
export function tieredCatalog(strings: TemplateStringsArray, ...values: unknown[]): Catalog {
  return modelsTable(TIERED_HEADER, joined(strings, values));
}

function modelsTable(header: string, rows: string): Catalog {
  const { rows: parsedRows, problems } = parseTable(TABLES.models, `${header}\n${rows}`, 'inline.csv');
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return { ...EMPTY_CATALOG, files: ['inline.csv'], models: parsedRows };
}

const HEADERS = {
  models: CATALOG_HEADER,
  egress: 'cloud,region,destination,to_region,unit,tier_from,tier_to,price,currency,effective_from,effective_to,source,as_of,note',
  services: 'cloud,region,service,meter,unit,tier_from,tier_to,price,currency,effective_from,effective_to,source,as_of,note',
  availability: 'cloud,model,api,available_from,available_until,source,as_of,note',
  latency: 'cloud_a,region_a,cloud_b,region_b,rtt_ms,statistic,source,as_of,note',
  support: 'cloud,plan,tier_from,tier_to,percent,minimum,currency,effective_from,effective_to,source,as_of,note',
  provisioned: 'cloud,region,deployment,term,price,currency,effective_from,effective_to,source,as_of,note',
  throughput: 'cloud,deployment,model,input_tpm_per_unit,output_weight,minimum_units,increment,source,as_of,note',
} as const;

/**
 * A catalog from the rows of each table (headers added), e.g. `catalogOf({ egress: '…' })`; a
 * table whose first line starts with `cloud` brings its own header.
 */
export function catalogOf(tables: Partial<Record<keyof typeof HEADERS, string>>): Catalog {
  const catalog: Catalog = { ...EMPTY_CATALOG, files: [] };
  for (const [name, rows] of Object.entries(tables) as [keyof typeof HEADERS, string][]) {
    const text = dedent(rows);
    const table = text.startsWith('cloud') ? text : `${HEADERS[name]}\n${text}`;
    const { rows: parsed, problems } = parseTable(TABLES[name] as Parameters<typeof parseTable>[0], table, `${name}.csv`);
    if (problems.length > 0) throw new Error(problems.map((p) => `${p.line} ${p.path?.join('.')}: ${p.message}`).join('\n'));
    (catalog[name] as unknown[]) = parsed;
    catalog.files.push(`${name}.csv`);
  }
  return catalog;
}
