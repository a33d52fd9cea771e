/** `cloudtco validate` and `cloudtco schema`. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/model/scenario-json-schema.js';
import { runCli } from '../helpers/run-cli.js';

describe('cloudtco validate', () => {
  it('says what it checked when everything holds, exit 0', async () => {
    const result = await runCli(['validate', 'scenarios/support-agents.yaml', 'pricing-data']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^pricing-data: 9 tables, \d+ rows, no problems\nscenarios\/support-agents\.yaml: 2 workloads, 4 options, every price found, no problems\n$/);
    expect(result.code).toBe(0);
  });

  it('reports every problem in every file, located, exit 2: a scenario priced against the catalog, a catalog table, a missing file', async () => {
    const result = await runCli(['validate', 'test/fixtures/bad-scenarios/unknown-model.yaml', 'test/fixtures/bad-catalogs/unknown-column/models.csv', 'nope.yaml']);
    expect(result.stderr).toBe(
      [
        'nope.yaml: no such file or directory',
        'test/fixtures/bad-catalogs/unknown-column/models.csv:1 ouput: unknown column (did you mean "output"?)',
        'test/fixtures/bad-scenarios/unknown-model.yaml:7:12 workloads[0].model: no catalog row prices model "gtp-5.5" (did you mean "gpt-5.5"?)',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('checks budgets as check would', async () => {
    const result = await runCli(['validate', 'scenarios/support-agents.yaml', '--set', 'budgets.0.option=azure-globl']);
    expect(result.stderr).toBe('--set budgets.0.option=azure-globl budgets[0].option: no option "azure-globl" (did you mean "azure-global"?)\n');
    expect(result.code).toBe(2);
  });

  it('applies --set before checking, and credits its problems to it', async () => {
    const result = await runCli(['validate', 'scenarios/support-agents.yaml', '--set', 'horizon.months=0']);
    expect(result.stderr).toBe('--set horizon.months=0 horizon.months: must be at least 1, got 0\n');
    expect(result.code).toBe(2);
  });
});

describe('cloudtco schema', () => {
  it('prints the JSON Schema, or writes it with --out', async () => {
    const printed = await runCli(['schema']);
    expect(JSON.parse(printed.stdout)).toEqual(scenarioJsonSchema());
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-schema-')), 'scenario.schema.json');
    expect((await runCli(['schema', '--out', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(printed.stdout);
  });
});
