/**
 * The flows report: per option and period, how the customer's spend ends up split among the
 * clouds, the model vendors and partners, after channel pass-through and revenue shares. Each
 * party's net is what it was paid directly, plus what others passed it, less what it passed on;
 * the nets add up to the spend exactly, since every flow leaves one party for another.
 */
import type { UnassessedPeriod } from '../engine/commitments.js';
import type { Flow } from '../engine/flows.js';
import { billedParty, termCap } from '../engine/flows.js';
import { exchange } from '../engine/fx.js';
import type { LineItem } from '../model/line-item.js';
import { CLOUD_PARTY } from '../model/party.js';
import { sum, ZERO, type Decimal } from '../model/money.js';
import { groupPeriod, type Period, type PeriodGrouping } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';
import { provenanceOf, type CatalogIdentity, type Provenance } from './provenance.js';
import { totalOf } from '../model/cost-sum.js';

export interface PartyShare {
  party: string;
  /** cloud (bills the customer), model vendor, partner (paid under a contract or a one-time cost) */
  roles: string[];
  /** Paid directly by the customer, in all and in each period bucket. */
  billed: Decimal;
  billedByPeriod: Decimal[];
  /** What it keeps once money has moved on, in all and in each period bucket. */
  net: Decimal;
  netByPeriod: Decimal[];
}

export interface TermSummary {
  term: string;
  payer: string;
  payee: string;
  paid: Decimal;
  /** The contract's cap for this scenario (cap × cap_share), if it has one. */
  cap: Decimal | undefined;
  /** The month the cumulative payments reached the cap, if they did. */
  capReachedIn: Period | undefined;
}

export interface OptionFlows {
  id: string;
  spend: Decimal;
  spendByPeriod: Decimal[];
  parties: PartyShare[];
  terms: TermSummary[];
}

export interface FlowReport {
  scenario: { name: string; file: string };
  currency: string;
  horizon: { start: Period; end: Period; months: number };
  by: PeriodGrouping;
  periods: string[];
  options: OptionFlows[];
  provenance: Provenance;
  /** Commitment periods the horizon cuts, whose shortfall is not in the spend. */
  unassessed: UnassessedPeriod[];
}

export interface FlowsInput {
  scenario: Scenario;
  scenarioFile: string;
  catalog: CatalogIdentity;
  periods: Period[];
  lineItems: readonly LineItem[];
  flows: readonly Flow[];
  unassessed?: readonly UnassessedPeriod[];
  by: PeriodGrouping;
  /** The `--set` changes the scenario was run with. */
  whatIf?: readonly string[];
  pointValues?: readonly string[];
}

export function flowReport(input: FlowsInput): FlowReport {
  const { scenario, periods, by } = input;
  const buckets = [...new Set(periods.map((p) => groupPeriod(p, by)))];
  const bucketOf = (period: Period) => buckets.indexOf(groupPeriod(period, by));
  const options = scenario.options.map((option): OptionFlows => {
    const items = input.lineItems.filter((i) => i.option === option.id);
    const flows = input.flows.filter((f) => f.option === option.id);
    const net = new Map<string, Decimal[]>();
    const billed = new Map<string, Decimal[]>();
    const add = (into: Map<string, Decimal[]>, party: string, period: Period, amount: Decimal) => {
      const row = into.get(party) ?? buckets.map(() => ZERO);
      row[bucketOf(period)] = row[bucketOf(period)]!.plus(amount);
      into.set(party, row);
    };
    for (const item of items) {
      add(net, billedParty(item), item.period, item.cost);
      add(billed, billedParty(item), item.period, item.cost);
    }
    for (const flow of flows) {
      add(net, flow.payer, flow.period, flow.amount.neg());
      add(net, flow.payee, flow.period, flow.amount);
    }
    const clouds = new Set(items.map((i) => CLOUD_PARTY[i.cloud]));
    const vendors = new Set(items.flatMap((i) => (i.vendor === undefined ? [] : [i.vendor])));
    const parties = [...net].map(([party, byPeriod]): PartyShare => {
      const roles = [clouds.has(party) ? 'cloud' : '', vendors.has(party) ? 'model vendor' : '', !clouds.has(party) && !vendors.has(party) ? 'partner' : ''];
      if (flows.some((f) => f.term !== 'channel' && f.payee === party) && clouds.has(party)) roles.push('partner');
      const billedByPeriod = billed.get(party) ?? buckets.map(() => ZERO);
      return { party, roles: roles.filter(Boolean), billed: sum(billedByPeriod), billedByPeriod, net: sum(byPeriod), netByPeriod: byPeriod };
    });
    return {
      id: option.id,
      spend: totalOf(items),
      spendByPeriod: buckets.map((bucket) => totalOf(items.filter((i) => groupPeriod(i.period, by) === bucket))),
      parties: parties.sort((a, b) => b.net.comparedTo(a.net) || a.party.localeCompare(b.party)),
      terms: termSummaries(scenario, periods, flows),
    };
  });
  return {
    scenario: { name: scenario.name, file: input.scenarioFile },
    currency: scenario.currency,
    horizon: { start: periods[0]!, end: periods[periods.length - 1]!, months: periods.length },
    by,
    periods: buckets,
    options,
    provenance: provenanceOf(input.catalog, scenario, input.lineItems, input.whatIf, input.pointValues),
    unassessed: [...(input.unassessed ?? [])],
  };
}

function termSummaries(scenario: Scenario, periods: readonly Period[], flows: readonly Flow[]): TermSummary[] {
  const rates = exchange(scenario);
  const channel = flows.filter((f) => f.term === 'channel');
  const pairs = [...new Set(channel.map((f) => `${f.payer} ${f.payee}`))].map((pair) => {
    const [payer, payee] = pair.split(' ') as [string, string];
    const paid = totalFlows(channel.filter((f) => f.payer === payer && f.payee === payee));
    return { term: 'channel', payer, payee, paid, cap: undefined, capReachedIn: undefined };
  });
  const contracts = scenario.contracts.map((contract) => {
    const paidFlows = flows.filter((f) => f.term === contract.id);
    const cap = termCap(contract, scenario.currency, rates);
    let running = ZERO;
    // a cap of 0 is reached before anything is paid: in the term's first month
    let capReachedIn = cap?.isZero() ? periods.find((p) => p >= (contract.from ?? p)) : undefined;
    for (const f of paidFlows) {
      running = running.plus(f.amount);
      if (cap !== undefined && capReachedIn === undefined && running.gte(cap)) capReachedIn = f.period;
    }
    return { term: contract.id, payer: contract.payer, payee: contract.payee, paid: running, cap, capReachedIn };
  });
  return [...pairs, ...contracts];
}

function totalFlows(flows: readonly Flow[]): Decimal {
  return sum(flows.map((f) => f.amount));
}
