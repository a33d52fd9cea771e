/**
 * Where the customer's money goes behind the price list. Each line item is paid to the party
 * of the cloud that bills it (azure → microsoft), or to its payee. Then money moves on:
 *
 *   channel      a cloud selling another vendor's model passes its token revenue to the vendor,
 *                keeping its take (channel_take, default 0 %: the cloud passes everything on)
 *   contracts    revenue-share terms: the payer pays `rate` of what it received from the spend
 *                a term applies to, month by month, within the term's window, until the
 *                cumulative cap (cap × cap_share) is paid; the month that reaches the cap pays
 *                only what is left of it. Each term stands alone: its base is customer spend
 *                (after the channel), never another term's payments, and it has its own cap.
 *                Each option runs its own caps from zero: options are alternative futures.
 *
 * Flows are transfers between parties, so every party's net adds up to the spend exactly. A
 * cloud's commitment discount is the cloud's own: the vendor's part is of the list price.
 *
 * Worked example: 1 000 of GPT tokens on Bedrock, AWS take 0 %, OpenAI paying Microsoft 20 %
 * capped at 150: AWS passes 1 000 to OpenAI, OpenAI pays Microsoft 150 (200 capped): AWS 0,
 * OpenAI 850, Microsoft 150.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { didYouMean, suggestion } from '../model/did-you-mean.js';
import type { LineItem } from '../model/line-item.js';
import { Decimal, finite, sum, ZERO } from '../model/money.js';
import { CLOUD_PARTY } from '../model/party.js';
import type { Period } from '../model/period.js';
import type { Contract, Scenario } from '../model/scenario.js';
import { statedAmount, type Exchange } from './fx.js';

export interface Flow {
  option: string;
  period: Period;
  payer: string;
  payee: string;
  amount: Decimal;
  /** `channel`, or the contract's id */
  term: string;
}

/** Who the customer pays for a line item. */
export function billedParty(item: LineItem): string {
  return item.payee ?? CLOUD_PARTY[item.cloud];
}

/** What each party receives from one line item once the channel has passed the vendor its part. */
export function receipts(item: LineItem, scenario: Scenario): Map<string, Decimal> {
  const seller = billedParty(item);
  const vendor = item.vendor;
  if (vendor === undefined || vendor === seller || !item.category.startsWith('tokens.')) return new Map([[seller, item.cost]]);
  const take = scenario.channel_take[item.cloud] ?? ZERO;
  const kept = item.cost.times(take);
  return new Map([
    [seller, kept],
    [vendor, item.cost.minus(kept)],
  ]);
}

/** A term's cap in the reporting currency, scaled to the scenario: cap × rate × cap_share. */
export function termCap(term: Contract, reporting: string, rates: Exchange): Decimal | undefined {
  if (term.cap === undefined) return undefined;
  const cap = statedAmount(term.cap, term.currency, reporting, rates, []);
  if ('problem' in cap) throw new Error(`${cap.problem.message} (contractProblems reports this first)`);
  return cap.value.times(term.cap_share);
}

export function moneyFlows(scenario: Scenario, items: readonly LineItem[], periods: readonly Period[], rates: Exchange): Flow[] {
  const flows: Flow[] = [];
  for (const item of items) {
    const seller = billedParty(item);
    for (const [party, amount] of receipts(item, scenario)) {
      if (party !== seller && !amount.isZero()) flows.push({ option: item.option, period: item.period, payer: seller, payee: party, amount, term: 'channel' });
    }
  }
  // in time order, so flows read as a history
  const terms = [...scenario.contracts].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const caps = new Map(terms.map((t) => [t.id, termCap(t, scenario.currency, rates)]));
  const byMonth = new Map<string, LineItem[]>();
  for (const item of items) {
    const key = `${item.option} ${item.period}`;
    const month = byMonth.get(key);
    if (month === undefined) byMonth.set(key, [item]);
    else month.push(item);
  }
  for (const option of scenario.options) {
    const paid = new Map<string, Decimal>(terms.map((t) => [t.id, ZERO]));
    for (const period of periods) {
      const month = byMonth.get(`${option.id} ${period}`) ?? [];
      for (const term of terms) {
        if ((term.from !== undefined && period < term.from) || (term.until !== undefined && period > term.until)) continue;
        const base = sum(month.filter((i) => appliesTo(term, i)).map((i) => receipts(i, scenario).get(term.payer) ?? ZERO));
        let amount = Decimal.max(base.times(term.rate), ZERO);
        const cap = caps.get(term.id);
        if (cap !== undefined) amount = Decimal.min(amount, cap.minus(paid.get(term.id)!));
        if (amount.lte(0)) continue;
        paid.set(term.id, paid.get(term.id)!.plus(amount));
        flows.push({ option: option.id, period, payer: term.payer, payee: term.payee, amount, term: term.id });
      }
    }
  }
  for (const flow of flows) finite(flow.amount, `flow in ${flow.option} ${flow.period} ${flow.term}`);
  return flows;
}

function appliesTo(term: Contract, item: LineItem): boolean {
  const filter = term.applies_to;
  return (
    (filter.clouds?.includes(item.cloud) ?? true) &&
    (filter.vendors?.includes(item.vendor ?? '') ?? true) &&
    (filter.models?.includes(item.model ?? '') ?? true) &&
    (filter.categories?.includes(item.category) ?? true)
  );
}

const FILTERS = [
  ['clouds', 'cloud'],
  ['vendors', 'vendor'],
  ['models', 'model'],
  ['categories', 'category'],
] as const;

/**
 * Terms that name what the scenario does not have are mistakes, not zeros: a payer that is no
 * party to the spend, a filter value no line item in any option has, a window outside the
 * horizon, a payee one letter off a known party, a cap in a currency without a rate. A term
 * that pays nothing because of the scenario's own figures (a cloud keeping 100 % of a model's
 * revenue, a cap of 0) is a result, and `flows` shows it.
 */
export function contractProblems(scenario: Scenario, items: readonly LineItem[], periods: readonly Period[], rates: Exchange): Diagnostic[] {
  const problems: Diagnostic[] = [];
  // every party a line item's money reaches, even at a 0 % take: the parties to the spend
  const receivers = new Set(items.flatMap((i) => [...receipts(i, scenario).keys()]));
  const present = {
    clouds: new Set<string>(items.map((i) => i.cloud)),
    vendors: new Set(items.flatMap((i) => (i.vendor === undefined ? [] : [i.vendor]))),
    models: new Set(items.flatMap((i) => (i.model === undefined ? [] : [i.model]))),
    categories: new Set<string>(items.map((i) => i.category)),
  };
  const start = periods[0]!;
  const end = periods[periods.length - 1]!;
  const list = (values: Set<string>) => (values.size === 0 ? 'none' : [...values].sort().join(', '));
  scenario.contracts.forEach((term, c) => {
    const at = (...path: (string | number)[]) => ['contracts', c, ...path];
    if (!receivers.has(term.payer)) {
      problems.push({ path: at('payer'), message: `${term.payer} is no party to this scenario's spend, so it has nothing to share${suggestion(term.payer, receivers)}; parties to it: ${list(receivers)}` });
    }
    const others = new Set([...receivers, ...Object.values(CLOUD_PARTY), ...scenario.one_time.flatMap((o) => o.payee ?? []), ...scenario.contracts.flatMap((t, k) => (k === c ? [t.payer] : [t.payer, t.payee]))]);
    if (!others.has(term.payee) && didYouMean(term.payee, others) !== undefined) {
      problems.push({ path: at('payee'), message: `"${term.payee}" is not a party here${suggestion(term.payee, others)}; a new partner needs a name that is not a near miss of one` });
    }
    for (const [key, noun] of FILTERS) {
      term.applies_to[key]?.forEach((value: string, k: number) => {
        if (!present[key].has(value)) problems.push({ path: at('applies_to', key, k), message: `no option has spend with ${noun} "${value}"${suggestion(value, present[key])}; present: ${list(present[key])}` });
      });
    }
    if ((term.from !== undefined && term.from > end) || (term.until !== undefined && term.until < start)) {
      problems.push({ path: at(term.from !== undefined && term.from > end ? 'from' : 'until'), message: `the term runs ${term.from ?? '…'} to ${term.until ?? '…'}, outside the horizon ${start} to ${end}` });
    }
    const cap = term.cap === undefined ? undefined : statedAmount(term.cap, term.currency, scenario.currency, rates, at('currency'));
    if (cap !== undefined && 'problem' in cap) problems.push(cap.problem);
  });
  return problems;
}
