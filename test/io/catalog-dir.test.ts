import { describe, expect, it } from 'vitest';
import { bundledCatalogDir, loadCatalog, TABLES } from '../../src/io/catalog-dir.js';
import { parseTable } from '../../src/io/csv-table.js';

const parseModelsCsv = (text: string, file: string) => {
  const { rows, problems } = parseTable(TABLES.models, text, file);
  return { models: rows, problems };
};
import { CATALOG_HEADER } from '../helpers/inline.js';

describe('parseModelsCsv', () => {
  it('reads prices as exact decimals from the cell text', () => {
    const { models, problems } = parseModelsCsv(
      `${CATALOG_HEADER}\nopenai,*,global,standard,m,0.075,,0.30,USD,2026-07-30,,https://example.com/p,2026-07-24,"a note, with a comma"\n`,
      'm.csv',
    );
    expect(problems).toEqual([]);
    expect(models[0]).toMatchObject({ cloud: 'openai', region: '*', tier: 'standard', currency: 'USD', effectiveFrom: '2026-07-30', note: 'a note, with a comma' });
    expect(models[0]!.input.toFixed()).toBe('0.075');
    expect(models[0]!.cachedInput).toBeUndefined();
    expect(models[0]!.effectiveTo).toBeUndefined();
  });

  it('numbers rows by the line they start on, across blank lines and multi-line cells', () => {
    const { models } = parseModelsCsv(
      [
        CATALOG_HEADER,
        'openai,*,global,standard,a,1,,1,USD,,,https://example.com/p,2026-07-24,"two',
        'lines"',
        '',
        'openai,*,global,standard,b,1,,1,USD,,,https://example.com/p,2026-07-24,',
        'openai,*,global,standard,c,1,,1,USD,,,https://example.com/p,2026-07-24,',
      ].join('\r\n'),
      'm.csv',
    );
    expect(models.map((m) => [m.model, m.ref.line])).toEqual([
      ['a', 2],
      ['b', 5],
      ['c', 6],
    ]);
  });

  it('accepts a UTF-8 byte-order mark, as Excel writes', () => {
    const { problems } = parseModelsCsv(`\ufeff${CATALOG_HEADER}\nopenai,*,global,standard,m,1,,1,USD,,,https://example.com/p,2026-07-24,\n`, 'm.csv');
    expect(problems).toEqual([]);
  });

  it('reports an empty file', () => {
    expect(parseModelsCsv('', 'm.csv').problems[0]!.message).toMatch(/^empty file; expected a header row with cloud, region/);
  });
});

describe('the bundled catalog', () => {
  it('loads every table without a problem, every row sourced and dated', async () => {
    const catalog = await loadCatalog(bundledCatalogDir(), 'pricing-data');
    expect(catalog.files).toEqual(['models.csv', 'egress.csv', 'services.csv', 'availability.csv', 'latency.csv', 'regions.csv', 'support.csv', 'provisioned.csv', 'throughput.csv'].map((f) => `pricing-data/${f}`));
    const rows = [...catalog.models, ...catalog.egress, ...catalog.services, ...catalog.availability, ...catalog.latency, ...catalog.regions, ...catalog.support, ...catalog.provisioned, ...catalog.throughput];
    expect(catalog.models.length).toBeGreaterThan(10);
    expect(catalog.egress.length).toBeGreaterThan(10);
    expect(catalog.services.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.source, `${row.ref.file}:${row.ref.line}`).toMatch(/^https:\/\//);
      expect(row.asOf, `${row.ref.file}:${row.ref.line}`).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
  });
});
