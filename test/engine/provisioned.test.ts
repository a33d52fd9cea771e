/**
 * Provisioned throughput against hand arithmetic. Model m: 1 200 input tokens a minute per unit,
 * an output token counts as 6, at least 15 units, in steps of 5 (gpt-5.5's figures on Azure);
 * pay-as-you-go 5 per 1M input and 30 per 1M output. September 2026: 30 days, 43 200 minutes,
 * 720 hours. The workload: 1M calls of 2 000 input and 100 output tokens, so 2 000M input and
 * 100M output, weighing 2 000M + 6 × 100M = 2 600M.
 */
import { describe, expect, it } from 'vitest';
import { deployable } from '../../src/engine/provisioned.js';
import { simulate } from '../../src/engine/simulate.js';
import { dec, sum } from '../../src/model/money.js';
import { catalogOf, scenario } from '../helpers/inline.js';

const SRC = 'https://example.com/p,2026-01-01,';
const catalog = () =>
  catalogOf({
    models: `azure,*,global,standard,m,5,0.5,30,USD,,,${SRC}`,
    provisioned: `
      azure,*,global,hour,1.00,USD,,,${SRC}
      azure,*,global,month,260,USD,,,${SRC}
      azure,*,global,year,2652,USD,,,${SRC}
    `,
    throughput: `azure,global,m,1200,6,15,5,${SRC}`,
  });

function run(provisioned: string, months = 1) {
  return simulate(
    scenario`
      name: ptu
      horizon: { start: 2026-09, months: ${months} }
      workloads:
        - id: w
          model: m
          sessions_per_month: 1M
          turns_per_session: 1
          tokens_per_call: { input: 2k, output: 100 }
      options:
        - id: ptu
          model: { cloud: azure, region: eastus2, deployment: global }
          provisioned: ${provisioned}
    `,
    catalog(),
  );
}

const lines = (result: ReturnType<typeof run>) => result.lineItems.map((i) => [i.period, i.category, i.quantity.toFixed(), i.unitPrice.toFixed(), i.cost.toFixed()]);

describe('provisioned throughput', () => {
  it('sizes units for the peak, and bills them by the hour; the units serve every token', () => {
    // 2 600M ÷ 43 200 minutes × 3 (peak) ÷ 1 200 = 150.46 units → 15 + 28 steps of 5 = 155; capacity
    // 155 × 1 200 × 43 200 = 8 035.2M ≥ 2 600M: nothing spills. 155 units × 720 hours × 1.00 = 111 600
    const result = run('{ peak_to_average: 3 }');
    expect(lines(result)).toEqual([['2026-09', 'provisioned', '111600', '1', '111600']]);
    expect(result.provisioned).toEqual([
      { option: 'ptu', model: 'm', period: '2026-09', units: dec('155'), capacity: dec('8035200000'), demand: dec('2600000000'), served: dec('2600000000') },
    ]);
  });

  it('spills what the units cannot serve over to pay-as-you-go, each workload its share', () => {
    // 40 units: 40 × 1 200 × 43 200 = 2 073.6M; 526.4M of 2 600M spill, 20.246153846…%:
    // input 2 000M × that = 404 923 076.9 → 404 923 077 × 5/1M = 2 024.615385
    // output 100M × that = 20 246 153.8 → 20 246 154 × 30/1M = 607.38462; units 40 × 720 × 1.00 = 28 800
    const result = run('{ units: 40 }');
    expect(lines(result)).toEqual([
      ['2026-09', 'tokens.input', '404923077', '0.000005', '2024.615385'],
      ['2026-09', 'tokens.output', '20246154', '0.00003', '607.38462'],
      ['2026-09', 'provisioned', '28800', '1', '28800'],
    ]);
    expect(sum(result.lineItems.map((i) => i.cost)).toFixed()).toBe('31432.000005');
  });

  it('bills a month reservation each month, and a year reservation up front', () => {
    // 155 units × 260 a month; a year: 155 × 2 652 = 411 060 in its first month, nothing in the next eleven
    expect(lines(run('{ peak_to_average: 3, term: month }'))).toEqual([['2026-09', 'provisioned', '155', '260', '40300']]);
    const year = run('{ units: 155, term: year }', 13);
    expect(year.lineItems.filter((i) => i.category === 'provisioned').map((i) => [i.period, i.cost.toFixed()])).toEqual([
      ['2026-09', '411060'],
      ['2027-09', '411060'],
    ]);
  });

  it('refuses demand beyond the units when spill-over is off, and names a model without a throughput figure', () => {
    expect(() => run('{ units: 40, spillover: false }')).toThrow(
      "m's calls need 2600000000 weighted tokens in 2026-09 and 40 units serve 2073600000; with spillover off the rest would be refused: give more units, or spillover: true",
    );
    expect(() => run('{ deployment: data-zone }')).toThrow('no throughput figure for throughput azure data-zone m (throughput.csv has no azure data-zone rows); add it to throughput.csv');
  });

  it('rounds units up to the minimum, then whole increments', () => {
    const sizes = { minimumUnits: dec('15'), increment: dec('5') };
    expect(['0.1', '15', '15.01', '20', '20.5'].map((need) => deployable(dec(need), sizes).toFixed())).toEqual(['15', '15', '20', '20', '25']);
  });
});
