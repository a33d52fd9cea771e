/** The README's examples stay true: its scenario reference parses and prices with the bundled catalog. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

describe('README', () => {
  it('shows a scenario that cloudtco accepts and prices', async () => {
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    const example = [...readme.matchAll(/```yaml\n(.*?)```/gs)].map((m) => m[1]!).find((block) => block.startsWith('name:'));
    expect(example).toBeDefined();
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-readme-')), 'scenario.yaml');
    await writeFile(file, example!);
    const result = await runCli(['compare', file, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
