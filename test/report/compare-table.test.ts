import { describe, expect, it } from 'vitest';
import { breakEven } from '../../src/analysis/break-even.js';
import { dec } from '../../src/model/money.js';
import { breakEvenText } from '../../src/report/compare-table.js';

const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05'];
const text = (mine: string[], theirs: string[]) => breakEvenText(breakEven(mine.map(dec), theirs.map(dec), months.slice(0, mine.length), 'b'));

describe('break-even text', () => {
  it('says when an option breaks even and when it turns cheaper', () => {
    // cumulative 100, 110, 120, 130 against 40, 80, 120, 160: level in March, below from April
    expect(text(['100', '10', '10', '10'], ['40', '40', '40', '40'])).toBe('breaks even in 2027-03, cheaper from 2027-04');
    // cumulative 100, 110, 120 against 50, 100, 150: below from March
    expect(text(['100', '10', '10'], ['50', '50', '50'])).toBe('cheaper from 2027-03');
  });

  it('gives the history when the costs meet or cross more than once', () => {
    // cumulative 100, 110, 120, 170, 180 against 40, 80, 120, 130, 140
    expect(text(['100', '10', '10', '50', '10'], ['40', '40', '40', '10', '10'])).toBe('costlier from 2027-04 (before that: even in 2027-03)');
  });

  it('names a tie at the end, and the outcomes without a crossing', () => {
    // cumulative 110, 120, 130, 140 against 10, 20, 30, 140
    expect(text(['110', '10', '10', '10'], ['10', '10', '10', '110'])).toBe('breaks even in 2027-04, the same by the end');
    expect(text(['50', '50'], ['40', '40'])).toBe('no break-even within the horizon');
    expect(text(['30', '50'], ['40', '40'])).toBe('not costlier at any point');
    expect(text(['40', '40'], ['40', '40'])).toBe('the same cumulative cost throughout');
  });
});
