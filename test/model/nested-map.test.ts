import { describe, expect, it } from 'vitest';
import { NestedMap } from '../../src/model/nested-map.js';

describe('NestedMap', () => {
  it('finds a value only by all of its key parts, in order', () => {
    const map = new NestedMap<string>();
    map.set(['egress', 'aws', 'us-east-1'], 'a');
    map.set(['egress', 'aws', 'us-east-2'], 'b');
    expect(map.get(['egress', 'aws', 'us-east-1'])).toBe('a');
    expect(map.get(['egress', 'aws', 'us-east-2'])).toBe('b');
    expect(map.get(['egress', 'us-east-1', 'aws'])).toBeUndefined();
    expect(map.get(['services', 'aws', 'us-east-1'])).toBeUndefined();
  });

  it('keys objects by identity, not by contents, and keeps parts apart that a joined string would merge', () => {
    const row = { line: 3 };
    const map = new NestedMap<number>();
    map.set([row, 'a b', 'c'], 1);
    expect(map.get([row, 'a b', 'c'])).toBe(1);
    expect(map.get([{ line: 3 }, 'a b', 'c'])).toBeUndefined();
    expect(map.get([row, 'a', 'b c'])).toBeUndefined();
  });

  it('replaces a value set twice', () => {
    const map = new NestedMap<number>();
    map.set(['x', 'y'], 1);
    map.set(['x', 'y'], 2);
    expect(map.get(['x', 'y'])).toBe(2);
  });
});
