import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCatalogDir, loadCatalog } from '../../src/io/catalog-dir.js';
import { PARSED_CATALOG_FILE, parsedCatalogJson, parsedCatalogRows } from '../../src/io/parsed-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';

/**
 * A copy of the shipped catalog whose models.csv ends in one more blank line: the same rows,
 * another sha256, so it is parsed from the CSV and never read from the build's JSON.
 */
function freshlyParsed(): Promise<Catalog> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cloudtco-catalog-'));
  cpSync(bundledCatalogDir(), dir, { recursive: true });
  writeFileSync(path.join(dir, 'models.csv'), `${readFileSync(path.join(dir, 'models.csv'), 'utf8')}\n`);
  return loadCatalog(dir, 'pricing-data');
}

const rowsOf = ({ files: _files, sha256: _sha256, overridden: _overridden, ...rows }: Catalog) => rows;

describe('the shipped catalog parsed at build time', () => {
  it('is what parsing its CSV gives, row for row, decimals and shown files included', async () => {
    const parsed = await freshlyParsed();
    const loaded = await loadCatalog(bundledCatalogDir(), 'pricing-data');
    // npm test builds first, so the JSON is there and a run reads it
    expect(await parsedCatalogRows(loaded.sha256, 'pricing-data')).toBeDefined();
    expect(rowsOf(loaded)).toEqual(rowsOf(parsed));
    expect(loaded.models.length).toBeGreaterThan(100);
    expect(loaded.models[0]!.input.toFixed()).toBe(parsed.models[0]!.input.toFixed());
    expect(loaded.models[0]!.ref).toEqual({ file: path.join('pricing-data', 'models.csv'), line: 2 });
  });

  it('puts back the path the files are shown by in this run', async () => {
    const catalog = await freshlyParsed();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cloudtco-parsed-')), 'parsed.json');
    writeFileSync(file, parsedCatalogJson(catalog));
    const rows = await parsedCatalogRows(catalog.sha256, '../elsewhere/prices', file);
    expect(rows?.egress[0]!.ref.file).toBe(path.join('../elsewhere/prices', 'egress.csv'));
    expect(rows?.models[3]!.output.toFixed()).toBe(catalog.models[3]!.output.toFixed());
  });

  it('is not read for other content, another format, a damaged or missing file', async () => {
    const catalog = await freshlyParsed();
    const dir = mkdtempSync(path.join(tmpdir(), 'cloudtco-parsed-'));
    const json = parsedCatalogJson(catalog);
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expect(await parsedCatalogRows('0'.repeat(64), 'p', write('other.json', json))).toBeUndefined();
    expect(await parsedCatalogRows(catalog.sha256, 'p', write('format.json', json.replace(/"format":\d+/, '"format":0')))).toBeUndefined();
    expect(await parsedCatalogRows(catalog.sha256, 'p', write('cut.json', json.slice(0, json.length / 2)))).toBeUndefined();
    expect(await parsedCatalogRows(catalog.sha256, 'p', path.join(dir, 'missing.json'))).toBeUndefined();
  });

  it('lives where the build writes it, beside dist/cli and dist/bundle', () => {
    expect(path.relative(path.dirname(bundledCatalogDir()), PARSED_CATALOG_FILE)).toBe(path.join('dist', 'pricing-data.json'));
  });
});
