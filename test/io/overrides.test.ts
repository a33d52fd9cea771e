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
      '--set workloads.9.growth=1%: workloads has no entry 9; it has 2 (chat, triage), and 2 would add one',
      '--set workloads.chat.growth.x=1: workloads[0].growth is "4%", not a mapping or list, so it has no "x"',
      expect.stringMatching(/^--set name=\[unclosed: the value is not valid YAML: /),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps quotes that make a value text, and appends one past the end of a list', () => {
    const data: Record<string, unknown> = scenario();
    const { problems } = applyOverrides(data, ['name="true"', 'description="a: b"', 'workloads.2={id: new}', 'hasOwnProperty.x=1']);
    expect(problems).toEqual([]);
    expect([data.name, data.description, (data.workloads as unknown[]).length, data.hasOwnProperty]).toEqual(['true', 'a: b', 3, { x: '1' }]);
  });

  it('changes only the entry named, even where YAML aliases share one node', () => {
    const shared = { input: '20k' };
    const data: Record<string, unknown> = { workloads: [{ id: 'a', tokens_per_call: shared }, { id: 'b', tokens_per_call: shared }] };
    applyOverrides(data, ['workloads.b.tokens_per_call.input=2M']);
    expect(data.workloads).toEqual([
      { id: 'a', tokens_per_call: { input: '20k' } },
      { id: 'b', tokens_per_call: { input: '2M' } },
    ]);
  });

  it('refuses the file’s own x- keys, which nothing reads', () => {
    expect(applyOverrides(scenario(), ['x-defaults.growth=5%']).problems[0]!.message).toBe('"x-defaults" is one of the file\'s own keys, which cloudtco ignores; set the value where it is used instead');
  });

  it('credits a problem at or under a path to the last override that set it', () => {
    const applied = [
      { arg: 'workloads.0=x', path: ['workloads', 0] },
      { arg: 'workloads.0.growth=y', path: ['workloads', 0, 'growth'] },
    ];
    expect(setBy(applied, ['workloads', 0, 'growth'])?.arg).toBe('workloads.0.growth=y');
    expect(setBy(applied, ['workloads', 0, 'model'])?.arg).toBe('workloads.0=x');
    expect(setBy(applied, ['workloads', 1])).toBeUndefined();
    // a problem reported at the entry above what was set (an option's model, for its new region)
    expect(setBy([{ arg: 'options.1.model.region=x', path: ['options', 1, 'model', 'region'] }], ['options', 1, 'model'])?.arg).toBe('options.1.model.region=x');
    // but not at a top-level list
    expect(setBy([{ arg: 'options.1.model.region=x', path: ['options', 1, 'model', 'region'] }], ['options'])).toBeUndefined();
    // an unknown key the override created, reported at the key it made
    expect(setBy([{ arg: 'n.a=1', path: ['n', 'a'], created: ['n'] }], ['n'])?.arg).toBe('n.a=1');
  });
});
