/**
 * The bundled catalog's integrity, checked independently of cloudtco's own loader: every row
 * sourced and dated, every key unique within any date, read straight from the CSV files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixtures.js';

type Row = Record<string, string> & { line: string };

function table(name: string): Row[] {
  const rows = parse(readFileSync(path.join(REPO, 'pricing-data', name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row, i) => ({ ...row, line: `${name}:${i + 2}` }));
}

/** Rows of one key whose windows [from, to) share a day, empty bounds being open. */
function overlapping(rows: Row[], keyOf: (r: Row) => string, from: string, to: string): string[] {
  const clashes: string[] = [];
  rows.forEach((a, i) =>
    rows.slice(i + 1).forEach((b) => {
      if (keyOf(a) !== keyOf(b)) return;
      const startsBefore = (x: Row, y: Row) => y[to] === '' || x[from] === '' || x[from]! < y[to]!;
      if (startsBefore(a, b) && startsBefore(b, a)) clashes.push(`${a.line} and ${b.line}: ${keyOf(a)}`);
    }),
  );
  return clashes;
}

const TABLES = ['models.csv', 'egress.csv', 'services.csv', 'availability.csv', 'latency.csv', 'regions.csv', 'support.csv', 'provisioned.csv', 'throughput.csv'];

describe('pricing-data/', () => {
  it.each(TABLES)('%s: every row has a source URL and the date it was read', (name) => {
    for (const row of table(name)) {
      expect(row.source, row.line).toMatch(/^https?:\/\/\S+$/);
      expect(row.as_of, row.line).toMatch(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    }
  });

  it('models.csv: one price per key and day', () => {
    expect(overlapping(table('models.csv'), (r) => [r.cloud, r.region, r.deployment, r.tier, r.model, r.prompt_over].join('/'), 'effective_from', 'effective_to')).toEqual([]);
  });

  it('egress.csv and services.csv: one price per key, tier and day', () => {
    expect(overlapping(table('egress.csv'), (r) => [r.cloud, r.region, r.destination, r.to_region, r.tier_from || '0'].join('/'), 'effective_from', 'effective_to')).toEqual([]);
    expect(overlapping(table('services.csv'), (r) => [r.cloud, r.region, r.service, r.meter, r.tier_from || '0'].join('/'), 'effective_from', 'effective_to')).toEqual([]);
  });

  it('availability.csv: one window per cloud, model and API kind at a time', () => {
    expect(overlapping(table('availability.csv'), (r) => [r.cloud, r.model, r.api].join('/'), 'available_from', 'available_until')).toEqual([]);
  });

  it('latency.csv: one round trip per pair of places', () => {
    const pairs = table('latency.csv').map((r) => [`${r.cloud_a}/${r.region_a}`, `${r.cloud_b}/${r.region_b}`].sort().join(' ↔ '));
    expect(pairs.length).toBe(new Set(pairs).size);
  });

  it('regions.csv: each region once, named as its cloud writes it', () => {
    const rows = table('regions.csv');
    const keys = rows.map((r) => `${r.cloud}/${r.region}`);
    expect(keys.length).toBe(new Set(keys).size);
    for (const row of rows) {
      expect(['azure', 'aws', 'gcp', 'oci'], row.line).toContain(row.cloud);
      expect(row.region, row.line).toMatch(/^[a-z][a-z0-9-]*[0-9a-z]$/);
    }
  });

  it('models.csv: where two rows of a model follow each other in time, they meet without a gap', () => {
    const rows = table('models.csv');
    const byKey = new Map<string, Row[]>();
    const keyOf = (r: Row) => [r.cloud, r.region, r.deployment, r.tier, r.model, r.prompt_over].join('/');
    for (const r of rows) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
    for (const [key, group] of byKey) {
      const sorted = [...group].sort((a, b) => (a.effective_from ?? '').localeCompare(b.effective_from ?? ''));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.effective_from, `${key} at ${sorted[i]!.line}`).toBe(sorted[i - 1]!.effective_to);
    }
  });
});
