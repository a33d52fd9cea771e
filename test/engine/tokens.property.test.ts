/**
 * Token costs (docs/cost-model.md "Tokens"): whole tokens × price per 1M ÷ 1 000 000, with a
 * month whose price changes split by days (src/engine/tokens.ts; src/engine/day-split.ts, splitByDays).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriceSegment } from '../../src/engine/price-lookup.js';
import { splitByDays } from '../../src/engine/day-split.js';
import type { LineItem } from '../../src/model/line-item.js';
import { ZERO, type Decimal } from '../../src/model/money.js';
import { daysInMonth } from '../../src/model/period.js';
import { scheduleOn, tokenRows, tokenSchedule, type TokenPriceRow } from '../helpers/catalog-arbitraries.js';
import { catalogOf, scenario } from '../helpers/inline.js';
import { decimalText, horizonDays, PROPERTY_TIMEOUT, runs, SOURCE, total } from '../helpers/property.js';
import { HORIZON_STARTS, simulateOrExplain } from '../helpers/scenario-arbitraries.js';

const KEY = 'azure,*,global';

/** A catalog pricing gpt-t on Azure Global with the given standard and batch schedules, and a cache. */
function tokenCatalog(start: string, standard: readonly TokenPriceRow[], batch: readonly TokenPriceRow[]) {
  return catalogOf({
    models: [...tokenRows(start, `${KEY},standard,gpt-t`, standard), ...tokenRows(start, `${KEY},batch,gpt-t`, batch)].join('\n'),
    services: `azure,*,kc,storage,gb-hour,,,0.1,USD,,,${SOURCE}`,
  });
}

const tokenItems = (items: readonly LineItem[]) => items.filter((i) => i.category.startsWith('tokens.'));

/**
 * A month split into 1–6 price segments of whole days: the days of each segment, in order.
 * Many segments are weighted up: one or two segments rarely stress the split.
 */
const monthSegments = fc
  .record({
    month: fc.constantFrom('2027-02', '2028-02', '2027-04', '2027-07'),
    count: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 3, arbitrary: fc.integer({ min: 4, max: 6 }) }),
  })
  .chain(({ month, count }) => fc.record({ days: fc.constant(daysInMonth(month)), cuts: fc.uniqueArray(fc.integer({ min: 1, max: daysInMonth(month) - 1 }), { minLength: count - 1, maxLength: count - 1 }) }))
  .map(({ days, cuts }) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), days];
    return { days, segments: bounds.slice(1).map((b, i) => b - bounds[i]!) };
  });

/** A month's tokens: few (where rounding decides), or many. */
const monthTokens = fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) });

const segmentsOf = (days: readonly number[]) => days.map((d) => ({ days: d }) as PriceSegment);

describe('a month split by a price change (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: a row prices "its days' share (tokens × days ÷ days in month, rounded to whole tokens,
  // the last segment taking the remainder so the parts sum to the month)" (docs/architecture.md,
  // "Mid-month price changes"). A share of a non-negative number of tokens is never negative,
  // and the parts add up to the month's tokens.
  it('gives every segment a whole, non-negative share, and the shares add up to the month', () => {
    fc.assert(
      fc.property(monthSegments, monthTokens, ({ segments }, tokens) => {
        const parts = splitByDays(BigInt(tokens), segmentsOf(segments));
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(BigInt(tokens));
        expect(parts.filter((p) => p < 0n)).toEqual([]);
      }),
      runs(2000),
    );
  });

  // Why: each segment's share is its fraction of the month's tokens, so with one token more
  // in the month no segment can get fewer; otherwise a dearer segment losing a token to cheaper
  // ones makes more usage cost less.
  it("never takes tokens from a segment when the month's tokens rise", () => {
    fc.assert(
      fc.property(monthSegments, monthTokens, ({ segments }, tokens) => {
        const before = splitByDays(BigInt(tokens), segmentsOf(segments));
        const after = splitByDays(BigInt(tokens + 1), segmentsOf(segments));
        const fell = after.flatMap((part, i) => (part < before[i]! ? [`segment ${i}: ${before[i]} → ${part}`] : []));
        expect(fell).toEqual([]);
      }),
      runs(2000),
    );
  });
});

describe('token cost through the engine, with prices changing within a month (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // One month, one workload of `sessions` sessions × 1 turn × 1 call × `perCall` input and
  // output tokens, priced by up to four rows in force on different days of the month.
  const oneMonth = fc.record({
    month: fc.constantFrom('2027-02', '2027-04', '2027-07', '2028-02'),
    sessions: fc.integer({ min: 0, max: 60 }),
    more: fc.integer({ min: 1, max: 5 }),
    perCall: decimalText(1, 5),
    cached: fc.constantFrom('0%', '50%', '33.3%'),
  });
  const simulateMonth = (month: string, schedule: TokenPriceRow[], sessions: number, perCall: string, cached: string) =>
    simulateOrExplain(
      scenario`
        name: split month
        horizon: { start: ${month}, months: 1 }
        workloads:
          - id: w
            model: gpt-t
            sessions_per_month: ${sessions}
            turns_per_session: 1
            tokens_per_call: { input: ${perCall}, cached_share: ${cached}, output: ${perCall} }
        options:
          - id: o
            model: { cloud: azure, region: eastus2, deployment: global }
      `,
      tokenCatalog(month, schedule, schedule),
    );

  const monthAndSchedule = oneMonth.chain((m) => fc.record({ m: fc.constant(m), schedule: tokenSchedule(daysInMonth(m.month), 4) }));

  // Why: tokens × a non-negative price, with a whole, non-negative number of tokens in every
  // segment (see above), is never negative.
  it('prices no token line below zero', () => {
    fc.assert(
      fc.property(monthAndSchedule, ({ m, schedule }) => {
        const items = tokenItems(simulateMonth(m.month, schedule, m.sessions, m.perCall, m.cached).lineItems);
        expect(items.filter((i) => i.cost.lt(0) || i.quantity.lt(0)).map((i) => `${i.category} ${i.quantity.toFixed()} tokens at row ${i.priceRef?.line}: ${i.cost.toFixed()}`)).toEqual([]);
      }),
      runs(300),
    );
  });

  // Why: more sessions mean at least as many tokens in each category and, segment by segment,
  // at least as many at each price, so the month's token cost cannot fall.
  it('costs no less for more sessions', () => {
    fc.assert(
      fc.property(monthAndSchedule, ({ m, schedule }) => {
        const was = total(tokenItems(simulateMonth(m.month, schedule, m.sessions, m.perCall, m.cached).lineItems).map((i) => i.cost));
        const now = total(tokenItems(simulateMonth(m.month, schedule, m.sessions + m.more, m.perCall, m.cached).lineItems).map((i) => i.cost));
        expect(now.gte(was), `${m.sessions} → ${m.sessions + m.more} sessions: ${was.toFixed()} → ${now.toFixed()}`).toBe(true);
      }),
      runs(300),
    );
  });
});

describe('doubling token usage doubles token cost exactly (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Usage is whole when every quantity on the way is: integer sessions (a multiple of 4, so a
  // hit rate in quarters leaves whole model calls), integer turns and calls, growth 0, input
  // tokens per call a multiple of 16 and output a multiple of 4 (so batch and cached shares in
  // quarters split whole tokens exactly). Then input = model calls × tokens per call and every
  // share of it are exact products, linear in sessions: doubling sessions doubles every token
  // count of every month, category and tier, and cost = tokens × price ÷ 1M doubles with them.
  //
  // Where it does not hold, and why that is legitimate: fractional usage is rounded to whole
  // tokens (half to even) per workload, month, category and tier, and round(2x) ≠ 2 round(x)
  // (3.4 → 3, 6.8 → 7); a month split by a price change gives each segment round(tokens ×
  // days ÷ days in month), which doubles only when that share is whole. So the first property
  // changes prices only on a month's first day, and the second, with changes on any day, makes
  // every token count a multiple of every month length (lcm(28, 29, 30, 31) = 377 580).
  const QUARTERS = ['0%', '25%', '50%', '75%', '100%'] as const;
  const LCM_MONTH_DAYS = 377_580;

  const wholeUsage = (unit: number) =>
    fc.record({
      start: fc.constantFrom(...HORIZON_STARTS),
      months: fc.integer({ min: 1, max: 3 }),
      sessions: fc.integer({ min: 0, max: 2_000 }).map((k) => 4 * k),
      turns: fc.integer({ min: 1, max: 10 }),
      calls: fc.integer({ min: 1, max: 3 }),
      input: fc.integer({ min: 0, max: 500 }).map((k) => 16 * k * unit),
      output: fc.integer({ min: 0, max: 500 }).map((k) => 4 * k * unit),
      cached: fc.constantFrom(...QUARTERS),
      batch: fc.constantFrom(...QUARTERS),
      hitRate: fc.option(fc.constantFrom(...QUARTERS), { nil: undefined }),
    });
  type WholeUsage = typeof wholeUsage extends (unit: number) => fc.Arbitrary<infer T> ? T : never;

  const simulateUsage = (u: WholeUsage, sessions: number, standard: TokenPriceRow[], batch: TokenPriceRow[]) =>
    simulateOrExplain(
      scenario`
        name: doubling
        horizon: { start: ${u.start}, months: ${u.months} }
        workloads:
          - id: w
            model: gpt-t
            sessions_per_month: ${sessions}
            turns_per_session: ${u.turns}
            calls_per_turn: ${u.calls}
            tokens_per_call: { input: ${u.input}, cached_share: ${u.cached}, output: ${u.output} }
            batch_share: ${u.batch}
            ${u.hitRate === undefined ? '' : `cache: { hit_rate: ${u.hitRate} }`}
        options:
          - id: o
            model: { cloud: azure, region: eastus2, deployment: global }
            ${u.hitRate === undefined ? '' : 'cache: { cloud: azure, region: eastus2, service: kc, size: 1GB }'}
      `,
      tokenCatalog(u.start, standard, batch),
    ).lineItems;

  /** Token cost by month, category, tier and price row: what must double, line by line. */
  const byLine = (items: readonly LineItem[]) => {
    const costs = new Map<string, Decimal>();
    for (const i of tokenItems(items)) {
      const key = `${i.period} ${i.category} ${i.meter} ${i.priceRef?.line}`;
      costs.set(key, (costs.get(key) ?? ZERO).plus(i.cost));
    }
    return costs;
  };

  const assertDoubles = (u: WholeUsage, standard: TokenPriceRow[], batch: TokenPriceRow[]) => {
    const single = byLine(simulateUsage(u, u.sessions, standard, batch));
    const double = byLine(simulateUsage(u, 2 * u.sessions, standard, batch));
    const twice = new Map([...single].filter(([, c]) => !c.isZero()).map(([k, c]) => [k, c.times(2).toFixed()]));
    expect(new Map([...double].filter(([, c]) => !c.isZero()).map(([k, c]) => [k, c.toFixed()]))).toEqual(twice);
    expect(total(double.values()).eq(total(single.values()).times(2))).toBe(true);
  };

  /** A schedule whose prices change only on the first day of a month of the horizon. */
  const monthStartSchedule = (start: string, months: number) => {
    const firstDays = Array.from({ length: months - 1 }, (_, i) => horizonDays(start, i + 1));
    return scheduleOn(fc.subarray(firstDays), months - 1);
  };

  it('with whole usage and prices changing only between months', () => {
    fc.assert(
      fc.property(
        wholeUsage(1).chain((u) => fc.record({ u: fc.constant(u), standard: monthStartSchedule(u.start, u.months), batch: monthStartSchedule(u.start, u.months) })),
        ({ u, standard, batch }) => assertDoubles(u, standard, batch),
      ),
      runs(200),
    );
  });

  it('with whole usage in multiples of every month length, and prices changing on any day', () => {
    fc.assert(
      fc.property(
        wholeUsage(LCM_MONTH_DAYS).chain((u) => {
          const days = horizonDays(u.start, u.months);
          return fc.record({ u: fc.constant(u), standard: tokenSchedule(days, 4), batch: tokenSchedule(days, 2) });
        }),
        ({ u, standard, batch }) => assertDoubles(u, standard, batch),
      ),
      runs(200),
    );
  });
});
