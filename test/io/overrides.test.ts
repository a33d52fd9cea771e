import { describe, expect, it } from 'vitest';
import { applyOverrides, setBy } from '../../src/io/overrides.js';

const scenario = () => ({
  name: 'n',
  workloads: [
    { id: 'chat', growth: '4%' },
    { id: 'triage', growth: '0%' },
  ],
  network: { bill_model_responses: true },
});

describe('--set overrides', () => {
  it('sets a value by index, by bracket index and by id, as YAML text', () => {
    const data = scenario();
    const { applied, problems } = applyOverrides(data, ['workloads.0.growth=6%', 'workloads[1].growth=0.04', 'workloads.triage.sessions_per_month=2M', 'network.bill_model_responses=false']);
    expect(problems).toEqual([]);
    // numbers stay text, as in a scenario file, so the schema parses them exactly (and rejects 0.04 without %)
    expect(data.workloads).toEqual([
      { id: 'chat', growth: '6%' },
      { id: 'triage', growth: '0.04', sessions_per_month: '2M' },
    ]);
    expect(data.network.bill_model_responses).toBe(false);
    expect(applied.map((a) => a.path)).toEqual([['workloads', 0, 'growth'], ['workloads', 1, 'growth'], ['workloads', 1, 'sessions_per_month'], ['network', 'bill_model_responses']]);
  });

  it('sets a whole mapping or list from YAML flow text, creating mappings on the way', () => {
    const data: Record<string, unknown> = scenario();
    applyOverrides(data, ['options={id: a, model: {cloud: aws}}', 'fx.extra.deep=[1, 2]']);
    expect(data.options).toEqual({ id: 'a', model: { cloud: 'aws' } });
    expect(data.fx).toEqual({ extra: { deep: ['1', '2'] } });
  });

  it('refuses prototype keys and malformed or missing paths, saying which --set', () => {
    const data = scenario();
    const { problems } = applyOverrides(data, ['__proto__.polluted=1', 'workloads.constructor.x=1', 'a..b=1', 'noequals', 'workloads.9.growth=1%', 'workloads.chat.growth.x=1', 'name=[unclosed']);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      '--set __proto__.polluted=1: "__proto__" cannot be part of a path',
      '--set workloads.constructor.x=1: "constructor" cannot be part of a path',
      '--set a..b=1: "a..b" is not a path; expected keys joined by dots, such as workloads.0.growth',
      '--set noequals: expected path=value, such as workloads.0.growth=6%',
      '--set workloads.9.growth=1%: workloads has no entry 9; it has 2 (ids chat, triage)',
      '--set workloads.chat.growth.x=1: workloads[0].growth is "4%", not a mapping or list, so it has no "x"',
      expect.stringMatching(/^--set name=\[unclosed: the value is not valid YAML: /),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('credits a problem at or under a path to the last override that set it', () => {
    const applied = [
      { arg: 'workloads.0=x', path: ['workloads', 0] },
      { arg: 'workloads.0.growth=y', path: ['workloads', 0, 'growth'] },
    ];
    expect(setBy(applied, ['workloads', 0, 'growth'])?.arg).toBe('workloads.0.growth=y');
    expect(setBy(applied, ['workloads', 0, 'model'])?.arg).toBe('workloads.0=x');
    expect(setBy(applied, ['workloads', 1])).toBeUndefined();
  });
});
