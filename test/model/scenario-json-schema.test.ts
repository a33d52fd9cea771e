/**
 * The JSON Schema editors use stays true to the scenario format: generated from the zod schema,
 * committed where the example scenarios point, and accepting every example while rejecting what
 * cloudtco rejects in shape (unknown keys, words outside a list, a percentage without its %).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/model/scenario-json-schema.js';
import { REPO } from '../helpers/fixtures.js';

const validator = () => new Ajv2020({ allErrors: true, strict: false }).compile(scenarioJsonSchema());

describe('the scenario JSON Schema', () => {
  it('is the file the example scenarios point their editors at', async () => {
    const committed = JSON.parse(await readFile(path.join(REPO, 'schema/scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
    for (const file of (await readdir(path.join(REPO, 'scenarios'))).filter((f) => f.endsWith('.yaml'))) {
      expect(await readFile(path.join(REPO, 'scenarios', file), 'utf8'), file).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/scenario\.schema\.json\n/);
    }
  });

  it('accepts every bundled scenario and the README’s reference, read as an editor reads YAML', async () => {
    const validate = validator();
    const files = (await readdir(path.join(REPO, 'scenarios'))).filter((f) => f.endsWith('.yaml')).map((f) => path.join(REPO, 'scenarios', f));
    for (const file of files) {
      const accepted = validate(parse(await readFile(file, 'utf8'), { merge: true }));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(accepted).toBe(true);
    }
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    const reference = [...readme.matchAll(/```yaml\n(.*?)```/gs)].map((m) => m[1]!).find((block) => block.startsWith('name:'))!;
    expect(validate(parse(reference, { merge: true })), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown key, a word outside its list and a percentage without its %', () => {
    const validate = validator();
    const scenario = {
      name: 'n',
      horizon: { start: '2027-01', months: 12 },
      workloads: [{ id: 'w', model: 'gpt-5.5', sessions_per_month: '1k', turns_per_session: 2, tokens_per_call: { input: '1k', output: 100 }, growth: 0.04, sesions: 1 }],
      options: [{ id: 'o', model: { cloud: 'azur', region: 'eastus2', deployment: 'global' } }],
    };
    expect(validate(scenario)).toBe(false);
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(problems).toEqual(expect.arrayContaining(['/workloads/0 additionalProperties', '/workloads/0/growth type', '/options/0/model/cloud enum']));
  });
});
