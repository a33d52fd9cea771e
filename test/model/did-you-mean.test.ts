import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/model/did-you-mean.js';

describe('didYouMean', () => {
  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close keys and stays quiet for unrelated ones', () => {
    const keys = ['sessions_per_month', 'turns_per_session', 'calls_per_turn', 'growth'];
    expect(didYouMean('sesions_per_month', keys)).toBe('sessions_per_month');
    expect(didYouMean('grwoth', keys)).toBe('growth');
    expect(didYouMean('budget', keys)).toBeUndefined();
    // short words: one edit at most, and never a word replaced outright
    expect(didYouMean('ix', ['id'])).toBe('id');
    expect(didYouMean('<<', ['id'])).toBeUndefined();
  });
});
