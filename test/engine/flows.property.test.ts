/**
 * Money flows behind the bills (docs/cost-model.md "Who receives the money"), through the whole
 * engine: generated scenarios with several options, clouds reselling vendors' models at
 * generated takes, commitments (whose discounts are negative lines), one-time costs paid to a
 * partner, and revenue-share terms with filters, windows and caps scaled by cap_share.
 * test/engine/contracts.test.ts checks moneyFlows alone on synthetic line items; this checks
 * the amounts each term pays, month by month, against the documented formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineItem } from '../../src/model/line-item.js';
import { ZERO, type Decimal } from '../../src/model/money.js';
import type { Period } from '../../src/model/period.js';
import type { Contract, Scenario } from '../../src/model/scenario.js';
import { buildCatalog } from '../helpers/catalog-arbitraries.js';
import { decimalText, percentText, PROPERTY_TIMEOUT, runs, total } from '../helpers/property.js';
import { generatedCase, parseScenario, simulateOrExplain, type ScenarioData } from '../helpers/scenario-arbitraries.js';

/** Who owns each cloud, as the doc lists them (azure → Microsoft, aws → Amazon, …). */
const OWNER: Record<string, string> = { azure: 'microsoft', aws: 'amazon', gcp: 'google', oci: 'oracle', openai: 'openai', anthropic: 'anthropic' };

const billedParty = (i: LineItem) => i.payee ?? OWNER[i.cloud]!;

/** Whether a line item's cloud passes its revenue on to the model's vendor: tokens of another party's model. */
const passesOn = (i: LineItem) => i.category.startsWith('tokens.') && i.vendor !== undefined && i.vendor !== billedParty(i);

/** What `party` receives from a line item: the bill (less what the channel passes on), or the vendor's part. */
function receivedBy(party: string, i: LineItem, scenario: Scenario): Decimal {
  const take = scenario.channel_take[i.cloud] ?? ZERO;
  const kept = passesOn(i) ? i.cost.times(take) : i.cost;
  return (billedParty(i) === party ? kept : ZERO).plus(passesOn(i) && i.vendor === party ? i.cost.minus(kept) : ZERO);
}

const applies = (term: Contract, i: LineItem) => {
  const f = term.applies_to;
  return (f.clouds?.includes(i.cloud) ?? true) && (f.vendors?.includes(i.vendor ?? '') ?? true) && (f.models?.includes(i.model ?? '') ?? true) && (f.categories?.includes(i.category) ?? true);
};

/**
 * A term to be fitted to the spend: it is built around one line item (`item` picks it,
 * modulo), so that it applies to some spend — its payer receives from that item, and each
 * filter it has names that item's cloud, vendor, model or category.
 */
const termSeed = fc.record({
  item: fc.nat(),
  payerIsVendor: fc.boolean(),
  payee: fc.nat(),
  rate: percentText(0, 1000, 1),
  cap: fc.option(decimalText(0, 200_000, 2), { nil: undefined, freq: 2 }),
  capShare: fc.option(percentText(1, 100), { nil: undefined, freq: 1 }),
  from: fc.option(fc.nat(), { nil: undefined, freq: 1 }),
  until: fc.option(fc.nat(), { nil: undefined, freq: 1 }),
  filters: fc.record({ clouds: fc.boolean(), vendors: fc.boolean(), models: fc.boolean(), categories: fc.boolean() }),
});
type TermSeed = typeof termSeed extends fc.Arbitrary<infer T> ? T : never;

/** Terms naming only what the spend has (else the scenario is rightly rejected), as a scenario states them. */
function fitTerms(seeds: readonly TermSeed[], items: readonly LineItem[], periods: readonly Period[]): Record<string, unknown>[] {
  if (items.length === 0) return [];
  const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;
  return seeds.map((seed, k) => {
    const item = pick(items, seed.item);
    const payer = seed.payerIsVendor && passesOn(item) ? item.vendor! : billedParty(item);
    const payees = ['microsoft', 'amazon', 'google', 'openai', 'anthropic', 'partner', 'integrator'].filter((p) => p !== payer);
    const values = { clouds: item.cloud, vendors: item.vendor, models: item.model, categories: item.category };
    const filters = Object.fromEntries((Object.keys(values) as (keyof typeof values)[]).filter((key) => seed.filters[key] && values[key] !== undefined).map((key) => [key, [values[key]]]));
    // a window inside the horizon, from before until
    const [from, until] = [seed.from, seed.until].map((n) => (n === undefined ? undefined : pick(periods, n)));
    const window = from !== undefined && until !== undefined && until < from ? { from: until, until: from } : { from, until };
    return {
      id: `term${k}`,
      payer,
      payee: pick(payees, seed.payee),
      rate: seed.rate,
      applies_to: filters,
      ...(window.from === undefined ? {} : { from: window.from }),
      ...(window.until === undefined ? {} : { until: window.until }),
      ...(seed.cap === undefined ? {} : { cap: seed.cap }),
      ...(seed.capShare === undefined ? {} : { cap_share: seed.capShare }),
    };
  });
}

const withTerms = fc.record({ generated: generatedCase, seeds: fc.array(termSeed, { minLength: 1, maxLength: 3 }) }).map(({ generated: { data, catalog }, seeds }) => {
  // the terms are fitted to the spend, which contracts never change
  const built = buildCatalog(catalog);
  const plain = simulateOrExplain(parseScenario(data), built);
  const contracts = fitTerms(seeds, plain.lineItems, plain.periods);
  return { data: { ...data, contracts } as ScenarioData, catalog: built };
});

describe('money flows through the engine (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  it('leaves every option’s parties, month by month, with nets adding up to the spend exactly', () => {
    // Why: the customer pays each line item's billing party; every flow then moves an amount
    // from one party to another, so it adds to one net what it takes from another.
    fc.assert(
      fc.property(withTerms, ({ data, catalog }) => {
        const scenario = parseScenario(data);
        const simulation = simulateOrExplain(scenario, catalog);
        const { lineItems, periods } = simulation;
        const flows = simulation.flows();
        for (const option of scenario.options) {
          for (const period of periods) {
            const items = lineItems.filter((i) => i.option === option.id && i.period === period);
            const nets = new Map<string, Decimal>();
            const add = (party: string, amount: Decimal) => nets.set(party, (nets.get(party) ?? ZERO).plus(amount));
            for (const i of items) add(billedParty(i), i.cost);
            for (const f of flows.filter((f) => f.option === option.id && f.period === period)) {
              add(f.payer, f.amount.neg());
              add(f.payee, f.amount);
            }
            expect(total(nets.values()).eq(total(items.map((i) => i.cost))), `${option.id} ${period}`).toBe(true);
          }
        }
      }),
      runs(100),
    );
  });

  it('passes each vendor the token revenue less the cloud’s take, exactly', () => {
    // Why: "A cloud selling another vendor's model passes its token revenue to the vendor and
    // keeps channel_take of it": per option and month, what a cloud's owner passes a vendor is
    // Σ (1 − take) × cost over the tokens of that vendor's models it billed.
    fc.assert(
      fc.property(withTerms, ({ data, catalog }) => {
        const scenario = parseScenario(data);
        const simulation = simulateOrExplain(scenario, catalog);
        const { lineItems } = simulation;
        const flows = simulation.flows();
        const expected = new Map<string, Decimal>();
        for (const i of lineItems.filter(passesOn)) {
          const key = `${i.option} ${i.period} ${billedParty(i)} → ${i.vendor}`;
          expected.set(key, (expected.get(key) ?? ZERO).plus(receivedBy(i.vendor!, i, scenario)));
        }
        const passed = new Map<string, Decimal>();
        for (const f of flows.filter((f) => f.term === 'channel')) {
          const key = `${f.option} ${f.period} ${f.payer} → ${f.payee}`;
          passed.set(key, (passed.get(key) ?? ZERO).plus(f.amount));
        }
        const shown = (m: Map<string, Decimal>) => Object.fromEntries([...m].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, v.toFixed()]));
        expect(shown(passed)).toEqual(shown(expected));
      }),
      runs(100),
    );
  });

  it('pays each term rate × what its payer received, within its window, until its cap, and never past it', () => {
    // Why: share_m = min(received_m × rate, cap × cap_share − paid before m) in the months from
    // `from` through `until`, per option (each option runs its caps from zero), where
    // received_m is what the payer received, after the channel, from the month's line items the
    // term applies to; a month owing nothing (or a negative base, from discounts) pays nothing.
    fc.assert(
      fc.property(withTerms, ({ data, catalog }) => {
        const scenario = parseScenario(data);
        const simulation = simulateOrExplain(scenario, catalog);
        const { lineItems, periods } = simulation;
        const flows = simulation.flows();
        for (const term of scenario.contracts) {
          const cap = term.cap?.times(term.cap_share);
          for (const option of scenario.options) {
            let paid = ZERO;
            const expected: [Period, string][] = [];
            for (const period of periods) {
              if ((term.from !== undefined && period < term.from) || (term.until !== undefined && period > term.until)) continue;
              const received = total(lineItems.filter((i) => i.option === option.id && i.period === period && applies(term, i)).map((i) => receivedBy(term.payer, i, scenario)));
              let share = received.times(term.rate);
              if (cap !== undefined && share.gt(cap.minus(paid))) share = cap.minus(paid);
              if (share.lte(0)) continue;
              paid = paid.plus(share);
              expected.push([period, share.toFixed()]);
            }
            const actual = flows.filter((f) => f.term === term.id && f.option === option.id);
            expect(actual.map((f) => [f.period, f.amount.toFixed()]), `${term.id} in ${option.id}`).toEqual(expected);
            expect(actual.every((f) => f.payer === term.payer && f.payee === term.payee)).toBe(true);
            if (cap !== undefined) expect(total(actual.map((f) => f.amount)).lte(cap), `${term.id} in ${option.id} past its cap`).toBe(true);
          }
        }
      }),
      runs(100),
    );
  });
});
