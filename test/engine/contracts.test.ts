/**
 * Money behind the price list, worked out by hand: channel pass-through, revenue-share caps and
 * windows, commitments and their shortfall, one-time costs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyFlows, receipts } from '../../src/engine/flows.js';
import { exchange } from '../../src/engine/fx.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { InputError } from '../../src/model/diagnostic.js';
import type { LineItem } from '../../src/model/line-item.js';
import { dec, sum, ZERO } from '../../src/model/money.js';
import { periodsFrom } from '../../src/model/period.js';
import { scenario } from '../helpers/inline.js';
import { multiCloud } from '../fixtures/multi-cloud/catalog.js';

// 1 000 sessions × 1 turn × 1 call × 500 000 input tokens = 500M tokens a month:
// on AWS at 2.20 per 1M = 1 100 a month; on OpenAI direct at 2.00 = 1 000 a month
const gptScenario = (contracts: string, extra = '') => scenario`
  name: flows
  horizon: { start: 2026-07, months: 4 }
  channel_take: { aws: 10% }
  ${extra}
  workloads:
    - id: chat
      model: m
      vendor: openai
      sessions_per_month: 1k
      turns_per_session: 1
      tokens_per_call: { input: 500k, output: 0 }
  options:
    - id: bedrock
      model: { cloud: aws, region: us-east-1, deployment: in-region }
    - id: direct
      model: { cloud: openai, region: global, deployment: global }
  contracts: ${contracts}
`;

const flowsOf = (s: Simulation, option: string, term: string) => s.flows().filter((f) => f.option === option && f.term === term).map((f) => [f.period, f.payer, f.payee, f.amount.toFixed()]);

describe('revenue share', () => {
  it('stops at the cap in the month it is reached, paying only what is left', () => {
    const s = simulate(gptScenario('[{ id: share, payer: openai, payee: microsoft, rate: 20%, cap: 500 }]'), multiCloud());
    // Bedrock: AWS keeps 10 % of 1 100 = 110 and passes 990 to OpenAI each month
    expect(flowsOf(s, 'bedrock', 'channel')).toEqual(['2026-07', '2026-08', '2026-09', '2026-10'].map((p) => [p, 'amazon', 'openai', '990']));
    // OpenAI owes 20 % of 990 = 198 a month: 198 + 198 = 396, then 104 reaches the 500 cap, then nothing
    expect(flowsOf(s, 'bedrock', 'share')).toEqual([
      ['2026-07', 'openai', 'microsoft', '198'],
      ['2026-08', 'openai', 'microsoft', '198'],
      ['2026-09', 'openai', 'microsoft', '104'],
    ]);
    // direct: OpenAI receives 1 000 a month itself; 200 + 200 + 100 = 500
    expect(flowsOf(s, 'direct', 'share').map((f) => f[3])).toEqual(['200', '200', '100']);
  });

  it('scales a market-wide cap to the scenario', () => {
    // cap 50 000 × 1 % = 500, as above
    const s = simulate(gptScenario('[{ id: share, payer: openai, payee: microsoft, rate: 20%, cap: 50k, cap_share: 1% }]'), multiCloud());
    expect(flowsOf(s, 'direct', 'share').map((f) => f[3])).toEqual(['200', '200', '100']);
  });

  it('pays only within its window, here ending mid-horizon', () => {
    const s = simulate(gptScenario('[{ id: share, payer: openai, payee: microsoft, rate: 20%, from: 2026-08, until: 2026-09 }]'), multiCloud());
    expect(flowsOf(s, 'direct', 'share')).toEqual([
      ['2026-08', 'openai', 'microsoft', '200'],
      ['2026-09', 'openai', 'microsoft', '200'],
    ]);
  });

  it('applies a term only to the spend it names', () => {
    const s = simulate(gptScenario('[{ id: share, payer: openai, payee: microsoft, rate: 20%, applies_to: { clouds: [aws] } }]'), multiCloud());
    expect(flowsOf(s, 'direct', 'share')).toEqual([]);
    expect(flowsOf(s, 'bedrock', 'share').map((f) => f[3])).toEqual(['198', '198', '198', '198']);
  });

  it('converts a cap in another currency at the scenario rate', () => {
    // 400 EUR at 1 EUR = 1.25 USD is a 500 USD cap: 200, 200, 100 as above
    const s = simulate(gptScenario('[{ id: share, payer: openai, payee: microsoft, rate: 20%, cap: 400, currency: EUR }]', 'fx: [{ from: EUR, rate: 1.25, as_of: 2026-11-02 }]'), multiCloud());
    expect(flowsOf(s, 'direct', 'share').map((f) => f[3])).toEqual(['200', '200', '100']);
  });

  it('rejects terms naming what the scenario does not have, each where it is', () => {
    const terms = `
    - { id: a, payer: opneai, payee: microsoft, rate: 20% }
    - { id: b, payer: openai, payee: microsfot, rate: 20%, applies_to: { vendors: [opnai], models: [gpt-5-5], clouds: [gcp], categories: [egress] } }
    - { id: c, payer: openai, payee: microsoft, rate: 20%, from: 2027-01 }
    - { id: d, payer: openai, payee: microsoft, rate: 20%, cap: 1k, currency: EUR }
    - { id: e, payer: openai, payee: systems-integrator, rate: 1% }`;
    expect(problemsOf(() => simulate(gptScenario(terms), multiCloud()))).toEqual([
      'contracts.0.payer: opneai is no party to this scenario\'s spend, so it has nothing to share (did you mean "openai"?); parties to it: amazon, openai',
      'contracts.1.payee: "microsfot" is not a party here (did you mean "microsoft"?); a new partner needs a name that is not a near miss of one',
      'contracts.1.applies_to.clouds.0: no option has spend with cloud "gcp"; present: aws, openai',
      'contracts.1.applies_to.vendors.0: no option has spend with vendor "opnai" (did you mean "openai"?); present: openai',
      'contracts.1.applies_to.models.0: no option has spend with model "gpt-5-5"; present: m',
      'contracts.1.applies_to.categories.0: no option has spend with category "egress"; present: tokens.input',
      'contracts.2.from: the term runs 2027-01 to …, outside the horizon 2026-07 to 2026-10',
      'contracts.3.currency: 1000 EUR needs a rate into USD; add it under fx: (from: EUR, rate: …)',
    ]);
  });

  it('checks contracts only once the costs they share are sound, so one mistake is reported once', () => {
    // the one-time cost's missing rate would otherwise also make the integrator "no party" to the spend
    const s = gptScenario('[{ id: kickback, payer: integrator, payee: amazon, rate: 5% }]', 'one_time: [{ id: migration, options: [bedrock], month: 2026-08, amount: 20k, currency: EUR, payee: integrator }]');
    expect(problemsOf(() => simulate(s, multiCloud()))).toEqual(['one_time.0.currency: 20000 EUR needs a rate into USD; add it under fx: (from: EUR, rate: …)']);
  });

  it('runs a term that pays nothing by the scenario’s own figures, rather than rejecting it', () => {
    // a cap of 0 (a what-if: this scenario carries none of the cap) is reached before any payment
    const s = simulate(gptScenario('[{ id: share, payer: openai, payee: microsoft, rate: 20%, cap: 0 }]'), multiCloud());
    expect(s.flows().filter((f) => f.term === 'share')).toEqual([]);
  });

  it('leaves every party with its net: the spend, split exactly', () => {
    const s = simulate(gptScenario('[{ id: share, payer: openai, payee: microsoft, rate: 20%, cap: 500 }]'), multiCloud());
    const july = nets(s, 'bedrock', '2026-07');
    // 1 100 spent: amazon 110, openai 990 − 198 = 792, microsoft 198
    expect(july).toEqual({ amazon: '110', openai: '792', microsoft: '198' });
  });
});

describe('commitments', () => {
  it('discounts eligible spend and bills the shortfall at the end of each period', () => {
    // 3 000 a quarter committed on AWS from 2026-07, 5 % off: the bedrock option spends 1 100 a month
    // there, earning 55 a month of discount and consuming 3 × 1 045 = 3 135 ≥ 3 000: no shortfall.
    // The direct option spends nothing on AWS: a 3 000 shortfall at the quarter's end (2026-09).
    // The second quarter ends in 2026-12, after the horizon: October is discounted, but the
    // quarter's shortfall is not assessed (its other months' spend is unknown) and is reported.
    const s = simulate(gptScenario('[]', 'commitments: [{ id: edp, cloud: aws, amount: 3000, period: quarter, discount: 5% }]'), multiCloud());
    expect(commitmentLines(s, 'bedrock')).toEqual([
      ['2026-07', 'commitment.discount', '-55'],
      ['2026-08', 'commitment.discount', '-55'],
      ['2026-09', 'commitment.discount', '-55'],
      ['2026-10', 'commitment.discount', '-55'],
    ]);
    expect(commitmentLines(s, 'direct')).toEqual([['2026-09', 'commitment.shortfall', '3000']]);
    expect(s.unassessed).toEqual([{ commitment: 'edp', first: '2026-10', last: '2026-12' }]);
  });

  it('runs a contract year already under way before the horizon, discounting without assessing it', () => {
    // the EDP year 2026-01 to 2026-12 began before the 2026-07 horizon: 5 % off each month's
    // 1 100 (55), and no shortfall, since January to June's spend is unknown
    const s = simulate(gptScenario('[]', 'commitments: [{ id: edp, cloud: aws, amount: 100k, period: year, from: 2026-01, discount: 5% }]'), multiCloud());
    expect(commitmentLines(s, 'bedrock').map((l) => l[2])).toEqual(['-55', '-55', '-55', '-55']);
    expect(commitmentLines(s, 'direct')).toEqual([]);
    expect(s.unassessed).toEqual([{ commitment: 'edp', first: '2026-01', last: '2026-12' }]);
  });

  it('converts an amount in another currency at the scenario rate', () => {
    // 2 500 EUR a quarter at 1 EUR = 1.2 USD is 3 000 USD: the direct option's shortfall, as above
    const s = simulate(gptScenario('[]', 'fx: [{ from: EUR, rate: 1.2, as_of: 2026-11-02 }]\n  commitments: [{ id: edp, cloud: aws, amount: 2500, currency: EUR, period: quarter }]'), multiCloud());
    expect(commitmentLines(s, 'direct')).toEqual([['2026-09', 'commitment.shortfall', '3000']]);
  });

  it('rejects what would count spend twice or count what a commitment never counts', () => {
    const bad = gptScenario(
      '[]',
      `commitments:
    - { id: edp, cloud: aws, amount: 1k, period: year }
    - { id: edp-2, cloud: aws, amount: 1k, period: year, categories: [one-time] }
    - { id: late, cloud: azure, amount: 1k, period: year, from: 2027-01 }
    - { id: eur, cloud: gcp, amount: 1k, currency: EUR, period: year }`,
    );
    expect(problemsOf(() => simulate(bad, multiCloud()))).toEqual([
      'commitments.1.cloud: commitments[0] already commits aws spend; two commitments on one cloud would count the same spend twice, so state them as one',
      'commitments.1.categories.0: one-time never counts toward a commitment; expected a spend category such as tokens.input',
      'commitments.2.from: 2027-01 is after the horizon ends (2026-10)',
      'commitments.3.currency: 1000 EUR needs a rate into USD; add it under fx: (from: EUR, rate: …)',
    ]);
  });

  it('bills only what is missing', () => {
    // 4 000 a quarter: bedrock consumes 3 135, so 865 short
    const s = simulate(gptScenario('[]', 'commitments: [{ id: edp, cloud: aws, amount: 4000, period: quarter, discount: 5% }]'), multiCloud());
    expect(s.lineItems.filter((i) => i.option === 'bedrock' && i.category === 'commitment.shortfall').map((i) => [i.period, i.cost.toFixed(), i.basis])).toEqual([['2026-09', '865', 'commitments[0] edp']]);
  });
});

describe('one-time costs', () => {
  it('bills a migration in its month, to the partner that does it', () => {
    const s = simulate(gptScenario('[]', 'one_time: [{ id: migration, options: [bedrock], month: 2026-08, amount: 25k, payee: integrator }]'), multiCloud());
    expect(s.lineItems.filter((i) => i.category === 'one-time').map((i) => [i.option, i.period, i.cost.toFixed(), i.payee])).toEqual([['bedrock', '2026-08', '25000', 'integrator']]);
    expect(nets(s, 'bedrock', '2026-08').integrator).toBe('25000');
  });

  it('converts an amount in another currency, recording the rate', () => {
    // 20 000 EUR at 1 EUR = 1.25 USD = 25 000 USD
    const s = simulate(gptScenario('[]', 'fx: [{ from: EUR, rate: 1.25, as_of: 2026-11-02 }]\n  one_time: [{ id: migration, options: [bedrock], month: 2026-08, amount: 20k, currency: EUR }]'), multiCloud());
    const [item] = s.lineItems.filter((i) => i.category === 'one-time');
    expect([item!.cost.toFixed(), item!.fx?.currency, item!.fx?.rate.toFixed()]).toEqual(['25000', 'EUR', '1.25']);
  });
});

describe('money is conserved and caps hold, for any spend and terms (property)', () => {
  const parties = ['microsoft', 'amazon', 'openai', 'google', 'partner'];
  const clouds = ['azure', 'aws', 'openai', 'gcp'] as const;
  const periods = periodsFrom('2026-01', 6);
  const item = fc.record({
    cloud: fc.constantFrom(...clouds),
    period: fc.constantFrom(...periods),
    cents: fc.bigInt({ min: 0n, max: 10_000_000n }),
    tokens: fc.boolean(),
  });
  const term = fc.record({
    payer: fc.constantFrom(...parties),
    payee: fc.constantFrom(...parties),
    rate: fc.integer({ min: 0, max: 100 }),
    cap: fc.option(fc.bigInt({ min: 0n, max: 5_000_000n }), { nil: undefined }),
    from: fc.option(fc.constantFrom(...periods), { nil: undefined }),
  });

  it('gives every party its share with nothing made or lost, and never pays past a cap', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(term, { maxLength: 4 }), fc.integer({ min: 0, max: 100 }), (rawItems, rawTerms, take) => {
        const s = scenario`
          name: property
          horizon: { start: 2026-01, months: 6 }
          channel_take: { azure: ${take}%, aws: ${take}% }
          workloads: [{ id: w, model: m, sessions_per_month: 1, turns_per_session: 1, tokens_per_call: { input: 1, output: 1 } }]
          options: [{ id: o, model: { cloud: azure, region: eastus2, deployment: global } }]
        `;
        s.contracts = rawTerms
          .filter((t) => t.payer !== t.payee)
          .map((t, i) => ({ id: `t${i}`, payer: t.payer, payee: t.payee, rate: dec(String(t.rate)).div(100), applies_to: {}, from: t.from, until: undefined, cap: t.cap === undefined ? undefined : dec(String(t.cap)).div(100), cap_share: dec('1'), currency: undefined, description: undefined }));
        const items: LineItem[] = rawItems.map((r) => lineItem(r.cloud, r.period, dec(String(r.cents)).div(100), r.tokens));
        const flows = moneyFlows(s, items, periods, exchange(s));
        for (const period of periods) {
          const spent = sum(items.filter((i) => i.period === period).map((i) => i.cost));
          const net = new Map<string, ReturnType<typeof dec>>();
          const add = (party: string, amount: ReturnType<typeof dec>) => net.set(party, (net.get(party) ?? ZERO).plus(amount));
          for (const i of items.filter((x) => x.period === period)) add(i.payee ?? { azure: 'microsoft', aws: 'amazon', openai: 'openai', gcp: 'google' }[i.cloud as 'azure'], i.cost);
          for (const f of flows.filter((x) => x.period === period)) {
            add(f.payer, f.amount.neg());
            add(f.payee, f.amount);
          }
          expect(sum(net.values()).eq(spent)).toBe(true);
        }
        for (const t of s.contracts) {
          const paid = sum(flows.filter((f) => f.term === t.id).map((f) => f.amount));
          if (t.cap !== undefined) expect(paid.lte(t.cap)).toBe(true);
          expect(flows.filter((f) => f.term === t.id).every((f) => f.amount.gt(0) && (t.from === undefined || f.period >= t.from))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits each line item exactly between the channel and the vendor', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 100 }), (cents, take) => {
        const s = scenario`
          name: split
          horizon: { start: 2026-01, months: 1 }
          channel_take: { aws: ${take}% }
          workloads: [{ id: w, model: m, sessions_per_month: 1, turns_per_session: 1, tokens_per_call: { input: 1, output: 1 } }]
          options: [{ id: o, model: { cloud: aws, region: us-east-1, deployment: in-region } }]
        `;
        const item = lineItem('aws', '2026-01', dec(String(cents)).div(100), true);
        expect(sum(receipts(item, s).values()).eq(item.cost)).toBe(true);
      }),
    );
  });
});

function commitmentLines(s: Simulation, option: string): string[][] {
  return s.lineItems.filter((i) => i.option === option && i.category.startsWith('commitment')).map((i) => [i.period, i.category, i.cost.toFixed()]);
}

/** The diagnostics an InputError carries, as "path: message". */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics.map((d) => `${(d.path ?? []).join('.')}: ${d.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

function lineItem(cloud: LineItem['cloud'], period: string, cost: ReturnType<typeof dec>, tokens: boolean): LineItem {
  return {
    option: 'o',
    workload: 'w',
    period,
    cloud,
    region: '*',
    category: tokens ? 'tokens.input' : 'egress',
    service: 'test',
    model: tokens ? 'gpt-5.5' : undefined,
    vendor: tokens ? 'openai' : undefined,
    meter: 'test',
    quantity: cost,
    unit: 'USD',
    unitPrice: dec('1'),
    cost,
    priceRef: undefined,
    fx: undefined,
    basis: undefined,
    payee: undefined,
  };
}

function nets(s: Simulation, option: string, period: string): Record<string, string> {
  const net = new Map<string, ReturnType<typeof dec>>();
  const add = (party: string, amount: ReturnType<typeof dec>) => net.set(party, (net.get(party) ?? ZERO).plus(amount));
  const party = { azure: 'microsoft', aws: 'amazon', openai: 'openai', gcp: 'google', oci: 'oracle', anthropic: 'anthropic' } as const;
  for (const i of s.lineItems.filter((x) => x.option === option && x.period === period)) add(i.payee ?? party[i.cloud], i.cost);
  for (const f of s.flows().filter((x) => x.option === option && x.period === period)) {
    add(f.payer, f.amount.neg());
    add(f.payee, f.amount);
  }
  return Object.fromEntries([...net].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, v.toFixed()]));
}
