/**
 * Tiered prices (docs/cost-model.md "Tiers", src/engine/metered.ts): the cost of a month's
 * total is Σ over tiers of (the part of the total inside the tier) × the tier's price. So it is
 * continuous (no jump at a tier boundary: the part in the next tier starts at 0) and piecewise
 * linear (inside a tier only that tier's part moves, at that tier's price).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proportionalShares, tieredCost } from '../../src/engine/metered.js';
import type { MeteredPrice } from '../../src/model/metered-price.js';
import { dec, Decimal } from '../../src/model/money.js';
import { tierBounds, tierRows, tierTable, type Tier } from '../helpers/catalog-arbitraries.js';
import { catalogOf, scenario } from '../helpers/inline.js';
import { decimalText, priceText, PROPERTY_TIMEOUT, runs, SOURCE, total } from '../helpers/property.js';
import { simulateOrExplain } from '../helpers/scenario-arbitraries.js';

const GB = dec('1000000000');

/** The rows of a tier table, as the catalog reads them. */
const rowsOf = (tiers: readonly Tier[]): MeteredPrice[] => catalogOf({ egress: tierRows('aws,*,internet,,gb', tiers).join('\n') }).egress;

function costAt(rows: readonly MeteredPrice[], quantity: Decimal): Decimal {
  const result = tieredCost(rows, quantity);
  if (!('cost' in result)) throw new Error('the last tier is open-ended, so nothing goes beyond it');
  return result.cost;
}

/** A tier table with a boundary to test at, and a step no wider than either tier beside it. */
const boundaryCase = tierTable
  .filter((tiers) => tiers.length >= 2)
  .chain((tiers) => fc.record({ tiers: fc.constant(tiers), boundary: fc.integer({ min: 0, max: tiers.length - 2 }), step: fc.integer({ min: 1, max: 1_000 }) }))
  .map(({ tiers, boundary, step }) => {
    const bounds = tierBounds(tiers);
    const left = bounds[boundary]!;
    const right = bounds[boundary + 1]!;
    const narrower = Decimal.min(dec(tiers[boundary]!.width), dec(tiers[boundary + 1]!.width));
    // ε ∈ (0, narrower width]: step thousandths of it
    return { tiers, at: dec(left.to!), left: dec(left.price), right: dec(right.price), epsilon: narrower.times(step).div(1000) };
  });

describe('tiered cost, continuous and piecewise linear (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: at a boundary b between tiers priced p and q, cost(b + ε) − cost(b) = ε × q and
  // cost(b) − cost(b − ε) = ε × p, for any ε up to the narrower tier: both sides tend to 0 with
  // ε, so there is no jump, and the slopes are the tiers' prices.
  it('has no jump at a tier boundary, and slopes equal to the tier prices on either side', () => {
    fc.assert(
      fc.property(boundaryCase, ({ tiers, at, left, right, epsilon }) => {
        const rows = rowsOf(tiers);
        const here = costAt(rows, at);
        expect(costAt(rows, at.plus(epsilon)).minus(here).eq(epsilon.times(right))).toBe(true);
        expect(here.minus(costAt(rows, at.minus(epsilon))).eq(epsilon.times(left))).toBe(true);
      }),
      runs(300),
    );
  });

  // Why: inside one tier [from, to] the cost is cost(from) + (x − from) × price, a line, so
  // the cost at the midpoint of two points in the tier is the mean of their costs, and the
  // difference of their costs is their distance times the tier's price. cost(0) is 0.
  it('is linear inside each tier: midpoints and differences follow the tier price', () => {
    const inTier = tierTable.chain((tiers) =>
      fc.record({ tiers: fc.constant(tiers), tier: fc.integer({ min: 0, max: tiers.length - 1 }), a: fc.integer({ min: 0, max: 1_000_000 }), b: fc.integer({ min: 0, max: 1_000_000 }) }),
    );
    fc.assert(
      fc.property(inTier, ({ tiers, tier, a, b }) => {
        const rows = rowsOf(tiers);
        const bound = tierBounds(tiers)[tier]!;
        const from = dec(bound.from);
        // the open-ended last tier is given its listed width to sample in
        const width = bound.to === undefined ? dec(tiers[tier]!.width) : dec(bound.to).minus(from);
        const x = from.plus(width.times(a).div(1_000_000));
        const y = from.plus(width.times(b).div(1_000_000));
        const price = dec(bound.price);
        expect(costAt(rows, x.plus(y).div(2)).eq(costAt(rows, x).plus(costAt(rows, y)).div(2))).toBe(true);
        expect(costAt(rows, y).minus(costAt(rows, x)).eq(y.minus(x).times(price))).toBe(true);
        expect(costAt(rows, dec('0')).isZero()).toBe(true);
      }),
      runs(300),
    );
  });
});

describe('tiered egress through the engine (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // One workload whose only cost is N bytes of model requests from an AWS runtime to an Azure
  // model (token and response prices 0), so the option's cost is the tiered egress of N bytes:
  // N ÷ 10^9 GB, exact (whole bytes; GB kept to 9 decimals).
  const priced = (tiers: readonly Tier[]) =>
    catalogOf({
      models: `azure,*,global,standard,m,0,0,0,USD,,,${SOURCE}`,
      egress: [...tierRows('aws,*,internet,,gb', tiers), `azure,*,internet,,gb,,,0,USD,,,${SOURCE}`].join('\n'),
    });

  // indented to sit under `workloads:` in the scenario below
  const workload = (id: string, bytes: Decimal) => `
          - id: ${id}
            model: m
            sessions_per_month: 1
            turns_per_session: 1
            tokens_per_call: { input: 0, output: 0 }
            payload: { request: ${bytes.toFixed()}, response: 0 }`;

  const egressOf = (tiers: readonly Tier[], ...bytes: Decimal[]) =>
    simulateOrExplain(
      scenario`
        name: tiers
        horizon: { start: 2027-07, months: 1 }
        workloads:${bytes.map((b, i) => workload(`w${i}`, b)).join('')}
        options:
          - id: split
            model: { cloud: azure, region: eastus2, deployment: global }
            runtime: { cloud: aws, region: us-east-1, service: rt }
      `,
      priced(tiers),
    ).lineItems.filter((i) => i.category === 'egress');

  const optionEgress = (tiers: readonly Tier[], ...bytes: Decimal[]) => total(egressOf(tiers, ...bytes).map((i) => i.cost));

  // Why: as above, one byte at a time: a boundary b (whole bytes, as the tier bounds have at
  // most 3 decimals of a GB) with δ bytes on either side costs δ × p ÷ 10^9 below and
  // δ × q ÷ 10^9 above.
  it('is continuous at each boundary, byte for byte, with the tier prices as slopes', () => {
    fc.assert(
      fc.property(boundaryCase, fc.integer({ min: 1, max: 1_000_000 }), ({ tiers, at, left, right }, delta) => {
        const b = at.times(GB);
        const d = dec(String(delta));
        const here = optionEgress(tiers, b);
        expect(optionEgress(tiers, b.plus(d)).minus(here).eq(d.div(GB).times(right))).toBe(true);
        expect(here.minus(optionEgress(tiers, b.minus(d))).eq(d.div(GB).times(left))).toBe(true);
      }),
      runs(150),
    );
  });

  // Why: tiers apply to the month's total of one option and schedule, across workloads
  // (docs/cost-model.md "Tiers"), and the shares split that cost back exactly; so workloads
  // sending N1, N2, N3 bytes cost together what one workload sending N1 + N2 + N3 costs; and
  // each share, a part of a non-negative cost in proportion to a positive quantity, is ≥ 0.
  it('prices workloads together as one total, split back in non-negative shares that add up exactly', () => {
    const bytes = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30_000_000_000 })).map((n) => dec(String(n)));
    fc.assert(
      fc.property(tierTable, fc.array(bytes, { minLength: 2, maxLength: 3 }), (tiers, sent) => {
        const shares = egressOf(tiers, ...sent);
        const together = total(shares.map((i) => i.cost));
        expect(together.eq(optionEgress(tiers, total(sent)))).toBe(true);
        expect(shares.filter((i) => i.cost.lt(0)).map((i) => `${i.workload}: ${i.quantity.toFixed()} GB → ${i.cost.toFixed()}`)).toEqual([]);
        expect(together.eq(costAt(rowsOf(tiers), total(sent).div(GB)))).toBe(true);
      }),
      runs(150),
    );
  });
});

describe('splitting a tiered cost back to its usages (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: each usage gets cost × its quantity ÷ the total (docs/cost-model.md "Tiers": "split
  // back to each workload in proportion to its quantity (shares to 12 decimals, the last taking
  // the remainder, so they add up exactly)"). A proportional share of a non-negative cost is
  // never negative, and the shares add up to the cost.
  it('gives every usage a non-negative share, the shares adding up to the cost', () => {
    // GB of whole bytes (9 decimals): a few bytes, or up to 100 GB
    const quantity = fc.oneof(decimalText(1, 20, 9), decimalText(1, 100_000_000_000, 9)).map(dec);
    // a tiered cost: here one tier's price × the total, or any amount
    const cost = fc.oneof(priceText.map((price) => ({ price })), decimalText(0, 100_000_000, 6).map((amount) => ({ amount })));
    fc.assert(
      fc.property(cost, fc.array(quantity, { minLength: 1, maxLength: 5 }), (stated, quantities) => {
        const sum = total(quantities);
        const cost = 'price' in stated ? dec(stated.price).times(sum) : dec(stated.amount);
        const shares = proportionalShares(cost, quantities, sum);
        expect(total(shares).eq(cost)).toBe(true);
        expect(shares.filter((s) => s.lt(0)).map((s) => s.toFixed())).toEqual([]);
      }),
      runs(1000),
    );
  });
});
