/**
 * Prices metered usage (data transfer, services) against tiered schedules. Tiers apply to the
 * month's total on one account — all usage of one option priced by the same schedule, across
 * workloads — in tier order; the cost is then split back to each usage in proportion to its
 * quantity, and the split adds up to the total exactly.
 *
 * Worked example (internet egress, tiers 0–100 GB free, 100–10 240 GB at 0.09, above at
 * 0.085), two workloads sending 6 000 GB each in one month:
 *   total 12 000 GB = 100 × 0 + 10 140 × 0.09 + 1 760 × 0.085 = 0 + 912.60 + 149.60 = 1 062.20
 *   each workload 6 000 / 12 000 of it = 531.10; blended unit price 0.08851666666667
 *
 * A free allowance the account shares across regions is split between them first (see
 * `sharedAllowances`).
 *
 * The schedule in effect on a month's first day prices the whole month (metered prices rarely
 * change mid-month, and tiers need one schedule per month).
 */
import { ANY_REGION, inEffect, type Catalog } from '../model/catalog.js';
import { groupBy } from '../model/group-by.js';
import { NestedMap } from '../model/nested-map.js';
import type { Location } from '../model/cloud.js';
import type { PathSegment } from '../model/diagnostic.js';
import type { Category, LineItem } from '../model/line-item.js';
import { meteredKey, type MeteredPrice } from '../model/metered-price.js';
import { Decimal, ONE, ZERO } from '../model/money.js';
import { firstDay, type Period } from '../model/period.js';
import { inUnit, UNITS, unitsOf, type Dimension } from '../model/units.js';
import { missingRate, type Exchange } from './fx.js';
import type { Problems } from './problems.js';

/** Shares of a tiered total are kept to 12 decimals; the last share takes the remainder. */
const SHARE_DECIMALS = 12;

export interface MeteredUsage {
  option: string;
  workload: string;
  period: Period;
  category: Category;
  table: MeteredPrice['table'];
  /** The seller: whose price list, and in which region. */
  location: Location;
  /** egress: [destination, to_region]; services: [service, meter] */
  item: [string, string];
  dimension: Dimension;
  /** In the dimension's base unit: bytes, vCPU-seconds, … */
  quantity: Decimal;
  /** What it is, for people: "model requests to azure/eastus2". */
  meter: string;
  /** Where the usage comes from in the scenario, for messages. */
  path: PathSegment[];
}

/** What every usage of one workload, month and option shares. */
export type UsageBase = Pick<MeteredUsage, 'option' | 'workload' | 'period' | 'path'>;

/**
 * A usage with its fields always set in one order: object spreads gave usages of each kind a
 * shape of their own, and the loops that read thousands of them per pricing slowed by half.
 */
export function meteredUsage(base: UsageBase, fields: Omit<MeteredUsage, keyof UsageBase> & { path?: PathSegment[] }): MeteredUsage {
  return {
    option: base.option,
    workload: base.workload,
    period: base.period,
    category: fields.category,
    table: fields.table,
    location: fields.location,
    item: fields.item,
    dimension: fields.dimension,
    quantity: fields.quantity,
    meter: fields.meter,
    path: fields.path ?? base.path,
  };
}

type Schedule = { rows: MeteredPrice[]; key: string } | { missing: string };

export type MeteredIndex = (usage: Pick<MeteredUsage, 'table' | 'location' | 'item' | 'period'>) => Schedule;

export function indexMetered(catalog: Catalog): MeteredIndex {
  const byKey = groupBy([...catalog.egress, ...catalog.services], meteredKey);
  // every option looks the same few schedules up for every month: each is found once
  const found = new NestedMap<Schedule>();
  return (usage) => {
    const key = [usage.table, usage.location.cloud, usage.location.region, usage.item[0], usage.item[1], usage.period];
    let schedule = found.get(key);
    if (schedule === undefined) {
      schedule = lookUp(usage);
      found.set(key, schedule);
    }
    return schedule;
  };
  function lookUp({ table, location, item, period }: Parameters<MeteredIndex>[0]): Schedule {
    const candidates: [string, [string, string]][] =
      table === 'egress'
        ? [
            [location.region, item],
            [location.region, [item[0], ANY_REGION]],
            [ANY_REGION, item],
            [ANY_REGION, [item[0], ANY_REGION]],
          ]
        : [
            [location.region, item],
            [ANY_REGION, item],
          ];
    const wanted = meteredKey({ table, cloud: location.cloud, region: location.region, item });
    for (const [region, candidateItem] of candidates) {
      const rows = byKey.get(meteredKey({ table, cloud: location.cloud, region, item: candidateItem }));
      if (rows === undefined) continue;
      const inForce = rows.filter((row) => inEffect(row, firstDay(period))).sort((a, b) => a.tierFrom.comparedTo(b.tierFrom));
      if (inForce.length > 0) return { rows: inForce, key: meteredKey(inForce[0]!) };
      return { missing: `no price for ${wanted} in ${period} (${rows.map((r) => `${r.ref.file}:${r.ref.line} holds for ${r.effectiveFrom ?? '…'} to ${r.effectiveTo ?? '…'}`).join('; ')})` };
    }
    const listing = table === 'services' ? `; \`cloudtco catalog services --cloud ${location.cloud}\` lists what it prices` : '';
    return { missing: `no price for ${wanted} in ${period} (${table}.csv has no row for it${listing})` };
  }
}

interface Priced {
  usage: MeteredUsage;
  rows: MeteredPrice[];
  quantity: Decimal;
}

/**
 * What pricing the same usages again can reuse (engine/simulate.ts `planEngine`): a plan differs
 * from the last by one workload, so most of its schedules' groups hold the very same usages, and
 * a group of the same usages (and allowance share) costs the same. Usages are known by identity.
 */
export class MeteredCache {
  readonly ids = new WeakMap<MeteredUsage, number>();
  readonly looked = new WeakMap<MeteredUsage, { schedule: Schedule; quantity: Decimal | undefined }>();
  readonly groups = new Map<string, LineItem[]>();
  next = 0;

  /** Groups of the plans priced lately: past a bound all are let go (the next plans refill it), so a long search stays in memory. */
  keep(signature: string, items: LineItem[]): void {
    if (this.groups.size >= 20_000) this.groups.clear();
    this.groups.set(signature, items);
  }

  idOf(usage: MeteredUsage): number {
    let id = this.ids.get(usage);
    if (id === undefined) this.ids.set(usage, (id = this.next++));
    return id;
  }
}

export function priceMetered(usages: readonly MeteredUsage[], index: MeteredIndex, currency: string, exchange: Exchange, problems: Problems, cache?: MeteredCache): LineItem[] {
  // usages priced together: one option's, in one month, on one schedule (known by its first row)
  const groups = new NestedMap<Priced[]>();
  const inOrder: Priced[][] = [];
  for (const usage of usages) {
    const known = cache?.looked.get(usage);
    const schedule = known?.schedule ?? index(usage);
    if ('missing' in schedule) {
      problems.add(usage.path, schedule.missing.replace(/ in \d{4}-\d\d/, ''), usage.period, `${schedule.missing}, needed by option "${usage.option}" for ${usage.meter}`);
      continue;
    }
    const first = schedule.rows[0]!;
    const unit = UNITS[first.unit];
    if (unit.dimension !== usage.dimension) {
      problems.add(usage.path, `unit ${first.ref.line}`, usage.period, `${first.ref.file}:${first.ref.line} prices ${schedule.key} per ${first.unit}, but ${usage.meter} is measured in ${usage.dimension}; price it per ${unitsOf(usage.dimension)}`);
      continue;
    }
    if (exchange(first.currency) === undefined) {
      problems.add(usage.path, `currency ${first.ref.line}`, usage.period, missingRate(`${first.ref.file}:${first.ref.line}`, first.currency, currency));
      continue;
    }
    const group = [first, usage.option, usage.period];
    const quantity = known?.quantity ?? inUnit(usage.quantity, first.unit);
    if (cache !== undefined && known === undefined) cache.looked.set(usage, { schedule, quantity });
    const entry = { usage, rows: schedule.rows, quantity };
    const members = groups.get(group);
    if (members === undefined) {
      groups.set(group, [entry]);
      inOrder.push(groups.get(group)!);
    } else members.push(entry);
  }

  const lineItems: LineItem[] = [];
  // zero usage was looked up (so gaps show) but takes no share, and so no remainder
  const priced = inOrder.map((group) => group.filter((m) => !m.quantity.isZero())).filter((members) => members.length > 0);
  const allowances = sharedAllowances(priced);
  for (const members of priced) {
    const allowance = allowances.get(members);
    const signature = cache === undefined ? undefined : `${members[0]!.rows[0]!.ref.file}:${members[0]!.rows[0]!.ref.line} ${members[0]!.usage.period} ${allowance?.toFixed() ?? ''} ${members.map((m) => cache.idOf(m.usage)).join(',')}`;
    const reused = signature === undefined ? undefined : cache!.groups.get(signature);
    if (reused !== undefined) {
      for (const item of reused) lineItems.push(item);
      continue;
    }
    const groupStart = lineItems.length;
    const total = members.length === 1 ? members[0]!.quantity : members.reduce((sum, m) => sum.plus(m.quantity), ZERO);
    const tiered = tieredCost(allowance === undefined ? members[0]!.rows : withAllowance(members[0]!.rows, allowance), total);
    if ('beyond' in tiered) {
      const { usage } = members[0]!;
      problems.add(usage.path, `tiers ${tiered.beyond.ref.line}`, usage.period, `${total.toFixed()} ${tiered.beyond.unit} in ${usage.period} goes beyond the last tier of ${meteredKey(tiered.beyond)} (${tiered.beyond.ref.file}:${tiered.beyond.ref.line} ends at ${tiered.beyond.tierTo!.toFixed()}); the catalog needs a price above it`);
      continue;
    }
    const rate = exchange(tiered.row.currency)!;
    const converted = (amount: Decimal) => (rate.eq(ONE) ? amount : amount.times(rate));
    const cost = converted(tiered.cost);
    const shares = proportionalShares(cost, members.map((m) => m.quantity), total);
    // within a first tier from zero the cost is total × price: the blended price is the row's, no division needed
    const blended = (tiered.flat ? converted(tiered.row.price) : cost.div(total)).toDecimalPlaces(SHARE_DECIMALS);
    members.forEach(({ usage, quantity }, i) => {
      lineItems.push({
        option: usage.option,
        workload: usage.workload,
        period: usage.period,
        cloud: usage.location.cloud,
        region: usage.location.region,
        category: usage.category,
        service: usage.table === 'egress' ? 'data-transfer' : usage.item[0],
        model: undefined,
        vendor: undefined,
        meter: usage.meter,
        quantity,
        unit: tiered.row.unit,
        unitPrice: blended,
        cost: shares[i]!,
        priceRef: { file: tiered.row.ref.file, line: tiered.row.ref.line, source: tiered.row.source, asOf: tiered.row.asOf },
        fx: tiered.row.currency === currency ? undefined : { currency: tiered.row.currency, rate },
        basis: undefined,
        payee: undefined,
      });
    });
    if (signature !== undefined) cache!.keep(signature, lineItems.slice(groupStart));
  }
  return lineItems;
}

/**
 * Free allowances the account shares across regions (`allowance_scope: account`): the schedules
 * of one option and month that start with such an allowance of the same size, on the same cloud
 * and for the same kind of usage, share one allowance, split between them in proportion to their
 * totals (each region's free tier becomes its share, and its next tier starts where the share
 * ends). Schedules the allowance covers entirely keep all their usage free.
 *
 *   AWS, 100 GB free for the account: us-east-1 sends 300 GB and us-east-2 100 GB, so 400 GB
 *   share 100 free GB: 75 and 25; us-east-1 pays 225 GB, us-east-2 75 GB, at their own rates
 */
function sharedAllowances(groups: readonly Priced[][]): Map<Priced[], Decimal> {
  const shared = groupBy(
    groups.filter((members) => members[0]!.rows[0]!.allowanceScope === 'account'),
    (members) => {
      const [{ usage }] = members as [Priced];
      const first = members[0]!.rows[0]!;
      return `${usage.option} ${usage.period} ${first.table} ${first.cloud} ${first.item.join(' ')} ${first.unit} ${first.tierTo!.toFixed()}`;
    },
  );
  const allowances = new Map<Priced[], Decimal>();
  for (const sharing of shared.values()) {
    const allowance = sharing[0]![0]!.rows[0]!.tierTo!;
    const totals = sharing.map((members) => members.reduce((sum, m) => sum.plus(m.quantity), ZERO));
    const all = totals.reduce((sum, t) => sum.plus(t), ZERO);
    if (all.lte(allowance)) continue; // every region's usage is within the allowance: its own free tier covers it
    const shares = proportionalShares(allowance, totals, all);
    sharing.forEach((members, i) => allowances.set(members, shares[i]!));
  }
  return allowances;
}

/** A schedule whose free first tier is `allowance` wide instead, the next tier starting there. */
function withAllowance(rows: readonly MeteredPrice[], allowance: Decimal): MeteredPrice[] {
  const [free, next, ...rest] = rows;
  return [{ ...free!, tierTo: allowance }, ...(next === undefined ? [] : [{ ...next, tierFrom: allowance }]), ...rest];
}

/**
 * The cost of `total` across tiers in order, the row of the last tier it reaches (the marginal
 * price, cited as the line item's source), and whether all of it fell in a first tier from zero.
 */
export function tieredCost(rows: readonly MeteredPrice[], total: Decimal): { cost: Decimal; row: MeteredPrice; flat: boolean } | { beyond: MeteredPrice } {
  let cost = ZERO;
  let marginal = rows[0]!;
  let reached = 0;
  for (const row of rows) {
    if (total.lte(row.tierFrom)) break;
    const top = row.tierTo === undefined || total.lt(row.tierTo) ? total : row.tierTo;
    // free tiers and first tiers (from zero) are most of them: no arithmetic where it changes nothing
    if (!row.price.isZero()) {
      const part = (row.tierFrom.isZero() ? top : top.minus(row.tierFrom)).times(row.price);
      cost = cost.isZero() ? part : cost.plus(part);
    }
    marginal = row;
    reached++;
  }
  const last = rows[rows.length - 1]!;
  if (last.tierTo !== undefined && total.gt(last.tierTo)) return { beyond: last };
  // all of it in one tier that starts at zero: cost = total × that tier's price
  return { cost, row: marginal, flat: reached === 1 && marginal.tierFrom.isZero() };
}

/**
 * Splits `cost` in proportion to `quantities` (summing to `total`): each share is rounded down
 * to 12 decimals and the last takes the remainder, so the shares add up to the cost exactly and
 * none is negative (rounding half-even could give the earlier shares more than the cost holds,
 * and the last a negative remainder). Example: 10 split 1 : 2 = 3.333333333333 + 6.666666666667.
 */
export function proportionalShares(cost: Decimal, quantities: readonly Decimal[], total: Decimal): Decimal[] {
  if (quantities.length === 1) return [cost];
  let rest = cost;
  return quantities.map((quantity, i) => {
    if (i === quantities.length - 1) return rest;
    const share = total.isZero() ? ZERO : cost.times(quantity).div(total).toDecimalPlaces(SHARE_DECIMALS, Decimal.ROUND_DOWN);
    rest = rest.minus(share);
    return share;
  });
}
