import { describe, expect, it } from 'vitest';
import { breakEven } from '../../src/analysis/break-even.js';
import { compare } from '../../src/analysis/compare.js';
import type { LineItem } from '../../src/model/line-item.js';
import { dec } from '../../src/model/money.js';
import { breakEvenText } from '../../src/report/compare-notes.js';
import { renderCompareAsTable } from '../../src/report/compare-table.js';
import { wholeText } from '../../src/report/renderer.js';
import { scenario } from '../helpers/inline.js';

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

describe('vs cheapest', () => {
  const twoOptions = scenario`
    name: rounding
    horizon: { start: 2027-01, months: 1 }
    workloads:
      - { id: w, model: m, sessions_per_month: 1, turns_per_session: 1, tokens_per_call: { input: 1, output: 1 } }
    options:
      - { id: a, model: { cloud: openai, region: global, deployment: global } }
      - { id: b, model: { cloud: openai, region: global, deployment: global } }
  `;
  const item = (option: string, cost: string) => ({ option, workload: 'w', period: '2027-01', cloud: 'openai', region: 'global', category: 'tokens.input', service: 'openai-api', model: 'm', vendor: 'openai', meter: 'm input tokens', quantity: dec('1'), unit: 'tokens', unitPrice: dec(cost), cost: dec(cost), priceRef: undefined, basis: undefined, payee: undefined, fx: undefined }) as LineItem;

  it('is the exact difference rounded once, not the difference of two rounded totals', () => {
    // a: 1.005 → 1.01, b: 1.014 → 1.01 (half away from zero); the difference of those is 0.00, but
    // b costs 0.009 more, which rounds to +0.01, +0.90 % (0.009 ÷ 1.005 = 0.008955)
    const report = compare({ scenario: twoOptions, scenarioFile: 'x.yaml', catalog: { files: [], sha256: '', overridden: [] }, periods: ['2027-01'], lineItems: [item('a', '1.005'), item('b', '1.014')] });
    const row = wholeText(renderCompareAsTable(report, { color: false, lineItems: false })).split('\n').find((l) => l.includes('vs cheapest'))!;
    expect(row.split('│').map((c) => c.trim()).slice(1, 4)).toEqual(['vs cheapest', 'cheapest', '+0.01 (+0.90%)']);
  });
});
