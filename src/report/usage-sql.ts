/**
 * `cloudtco replay sql`: the query that adds up a table of raw requests (one row per request)
 * into the aggregated usage `cloudtco replay --preset aggregated` reads, so a fleet too big for
 * one machine aggregates where its logs already are (DuckDB, BigQuery, Spark) and cloudtco
 * prices the few thousand rows that come out. The sums are the same integers replay makes from
 * the raw records: per UTC day, model, tier (standard or batch) and prompt band, the band cut at
 * every long-context threshold the catalog has.
 */
import { AGGREGATED_COLUMNS, type UsageField } from '../io/usage-layouts.js';

import type { SqlDialect } from '../io/usage-choices.js';

export interface UsageSqlRequest {
  dialect: SqlDialect;
  /** The raw table, dotted for a qualified name (project.dataset.table). */
  table: string;
  /** The table's column for each field; fields not given use their own name. */
  columns: Partial<Record<UsageField, string>>;
  /** Long-context thresholds in the catalog, ascending. */
  thresholds: readonly number[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A name the query can quote, or what is wrong with it. */
export function identifierProblem(name: string): string | undefined {
  return IDENTIFIER.test(name) ? undefined : `"${name}" is not a column or table name the query can use; expected letters, digits and _, dotted for nested fields`;
}

interface Dialect {
  quote: (name: string) => string;
  /** The UTC day of a timestamp (or ISO 8601 text) as YYYY-MM-DD text. */
  day: (time: string) => string;
  flag: (value: string) => string;
  /** What to run before the query, and how to write its result to a CSV file. */
  before: string[];
  export: string;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    quote: (name) => `"${name}"`,
    day: (time) => `strftime(CAST(${time} AS TIMESTAMP), '%Y-%m-%d')`,
    flag: (value) => `COALESCE(CAST(${value} AS BOOLEAN), FALSE)`,
    before: ["SET TimeZone = 'UTC';"],
    export: "COPY (<the SELECT below>) TO 'usage-aggregated.csv' (HEADER);",
  },
  bigquery: {
    quote: (name) => `\`${name}\``,
    day: (time) => `FORMAT_TIMESTAMP('%Y-%m-%d', CAST(${time} AS TIMESTAMP), 'UTC')`,
    flag: (value) => `COALESCE(CAST(${value} AS BOOL), FALSE)`,
    before: [],
    export: "EXPORT DATA OPTIONS (uri = 'gs://<bucket>/usage-aggregated-*.csv', format = 'CSV', header = true) AS <the SELECT below>;",
  },
  spark: {
    quote: (name) => `\`${name}\``,
    day: (time) => `date_format(CAST(${time} AS TIMESTAMP), 'yyyy-MM-dd')`,
    flag: (value) => `COALESCE(CAST(${value} AS BOOLEAN), FALSE)`,
    before: ['SET spark.sql.session.timeZone = UTC;'],
    export: "spark.sql(<the SELECT below>).coalesce(1).write.option('header', True).csv('usage-aggregated')",
  },
};

export function usageSql(request: UsageSqlRequest): string {
  const d = DIALECTS[request.dialect];
  const { columns } = request;
  const col = (field: UsageField) => (columns[field] ?? field).split('.').map(d.quote).join('.');
  const count = (field: UsageField) => (columns[field] === undefined && field !== 'input' && field !== 'output' && field !== 'time' ? '0' : `COALESCE(${col(field)}, 0)`);
  const cached = count('cached');
  const written = count('cache_write');
  const total = columns.input_total !== undefined;
  const prompt = total ? `COALESCE(${col('input_total')}, 0)` : `${count('input')} + ${cached} + ${written}`;
  const uncached = total ? `COALESCE(${col('input_total')}, 0) - ${cached} - ${written}` : count('input');
  const thresholds = [...request.thresholds].sort((a, b) => b - a);
  const band = thresholds.length === 0 ? 'CAST(NULL AS BIGINT)' : `CASE ${thresholds.map((t) => `WHEN ${prompt} > ${t} THEN ${t}`).join(' ')} ELSE NULL END`;
  const tier = columns.batch === undefined ? `'standard'` : `CASE WHEN ${d.flag(col('batch'))} THEN 'batch' ELSE 'standard' END`;
  const requests = columns.requests === undefined ? 'COUNT(*)' : 'SUM(request_count)';
  const [period, model, tierColumn, promptOver, requestsColumn, inputTokens, cachedTokens, writeTokens, write1hTokens, outputTokens] = AGGREGATED_COLUMNS;
  const table = request.table.split('.').map(d.quote).join('.');
  return [
    `-- cloudtco replay sql --dialect ${request.dialect}: the requests of ${request.table}, one row each, added up by UTC day,`,
    '-- model, tier and prompt band into the aggregated usage cloudtco prices exactly:',
    '--   cloudtco replay usage-aggregated.csv --preset aggregated --scenario <scenario>',
    `-- Prompt bands: ${thresholds.length === 0 ? 'none (the catalog has no long-context prices)' : `over ${[...thresholds].reverse().join(', ')} tokens (the catalog's long-context thresholds)`}.`,
    `-- To a CSV file: ${d.export}`,
    ...d.before,
    'SELECT',
    `  ${[period, model, tierColumn, promptOver].join(', ')},`,
    `  ${requests} AS ${requestsColumn},`,
    `  SUM(uncached_in) AS ${inputTokens},`,
    `  SUM(cached_in) AS ${cachedTokens},`,
    `  SUM(written_in) AS ${writeTokens},`,
    `  SUM(written_1h_in) AS ${write1hTokens},`,
    `  SUM(out) AS ${outputTokens}`,
    'FROM (',
    '  SELECT',
    `    ${d.day(col('time'))} AS ${period},`,
    `    ${col('model')} AS ${model},`,
    `    ${tier} AS ${tierColumn},`,
    `    ${band} AS ${promptOver},`,
    ...(columns.requests === undefined ? [] : [`    ${count('requests')} AS request_count,`]),
    `    ${uncached} AS uncached_in,`,
    `    ${cached} AS cached_in,`,
    `    ${written} AS written_in,`,
    `    ${count('cache_write_1h')} AS written_1h_in,`,
    `    ${count('output')} AS out`,
    `  FROM ${table}`,
    ') AS r',
    `GROUP BY ${[period, model, tierColumn, promptOver].join(', ')}`,
    `ORDER BY ${[period, model, tierColumn, promptOver].join(', ')};`,
    '',
  ].join('\n');
}
