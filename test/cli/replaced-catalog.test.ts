/** `--catalog DIR` without @bundled replaces the bundled catalog: a missing price says so. */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

describe('a catalog that replaces the bundled one', () => {
  it('says why prices are missing when the directory lacks tables', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-only-models-'));
    await copyFile(path.join(REPO, 'pricing-data/models.csv'), path.join(dir, 'models.csv'));
    const result = await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--catalog', dir]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.some((l) => l.includes('is not a region the catalog knows'))).toBe(true);
    expect(lines.at(-1)).toBe(
      `${dir}: given as --catalog without @bundled, it replaces the bundled catalog, and has no egress.csv, services.csv, availability.csv, latency.csv, regions.csv, support.csv, provisioned.csv, throughput.csv: prices missing from it are missing altogether; to add your rows to the bundled ones, give --catalog @bundled first (--catalog @bundled --catalog ${dir})`,
    );
  });

  it('names the tables a missing data-transfer price comes from', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-models-regions-'));
    for (const table of ['models.csv', 'regions.csv']) await copyFile(path.join(REPO, 'pricing-data', table), path.join(dir, table));
    const result = await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--catalog', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('egress.csv has no row for it');
    expect(result.stderr).toContain(`${dir}: given as --catalog without @bundled, it replaces the bundled catalog, and has no egress.csv, services.csv, availability.csv, latency.csv, support.csv, provisioned.csv, throughput.csv:`);
  });

  it('says nothing more when the bundled catalog is layered under it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-only-models-'));
    await copyFile(path.join(REPO, 'pricing-data/models.csv'), path.join(dir, 'models.csv'));
    const result = await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--catalog', '@bundled', '--catalog', dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
