import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/io/yaml-document.js';
import { dedent } from '../helpers/inline.js';

describe('readYaml', () => {
  const doc = readYaml(
    dedent(`
      name: x
      prices:
        - big: 12345678901234567890.123
          small: 0.000000150
          text: "2M"
          flag: true
        - anchor: &a 42
          alias: *a
    `),
    'x.yaml',
  );

  it('keeps numbers as their source text, never as floats', () => {
    expect(doc.data).toEqual({
      name: 'x',
      prices: [
        { big: '12345678901234567890.123', small: '0.000000150', text: '2M', flag: true },
        { anchor: '42', alias: '42' },
      ],
    });
  });

  it('locates values and keys, falling back to the nearest ancestor', () => {
    expect(doc.locate(['prices', 0, 'small'])).toEqual({ line: 4, col: 12 });
    expect(doc.locate(['prices', 0, 'small'], 'key')).toEqual({ line: 4, col: 5 });
    expect(doc.locate(['prices', 1, 'missing'])).toEqual({ line: 7, col: 5 });
    expect(doc.errors).toEqual([]);
  });

  it('reports syntax errors at their position, in one line', () => {
    const broken = readYaml('a: 1\na: 2\nb: [1, 2\n', 'broken.yaml');
    expect(broken.errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '2:1 the key "a" is given twice in this mapping; keys must be unique',
      '4:1 Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reads JSON with the same positions', () => {
    const json = readYaml('{\n  "a": {\n    "b": 1.10\n  }\n}\n', 'x.json');
    expect(json.data).toEqual({ a: { b: '1.10' } });
    expect(json.locate(['a', 'b'])).toEqual({ line: 3, col: 10 });
  });

  it('does not let a __proto__ key change the prototype', () => {
    const hostile = readYaml('__proto__: { polluted: true }\n', 'x.yaml');
    expect(Object.getPrototypeOf(hostile.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
