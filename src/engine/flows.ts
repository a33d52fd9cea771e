/**
 * Where the customer's money goes behind the price list. Each line item is paid to the party
 * of the cloud that bills it (azure → microsoft), or to its payee. Then money moves on:
 *
 *   channel      a cloud selling another vendor's model passes its token revenue to the vendor,
 *                keeping its take (channel_take, default 0 %: the cloud passes everything on)
 *   contracts    revenue-share terms, in time order: the payer pays `rate` of what it received
 *                from the spend a term applies to, month by month, within the term's window,
 *                until the cumulative cap (cap × cap_share) is paid; the month that reaches the
 *                cap pays only what is left of it
 *
 * Flows are transfers between parties, so every party's net adds up to the spend exactly.
 *
 * Worked example: 1 000 of GPT tokens on Bedrock, AWS take 0 %, OpenAI paying Microsoft 20 %
 * capped at 150: AWS passes 1 000 to OpenAI, OpenAI pays Microsoft 150 (200 capped): AWS 0,
 * OpenAI 850, Microsoft 150.
 */
import { CLOUD_PARTY } from '../model/party.js';
import type { LineItem } from '../model/line-item.js';
import { Decimal, sum, ZERO } from '../model/money.js';
import type { Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';

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

export function moneyFlows(scenario: Scenario, items: readonly LineItem[], periods: readonly Period[]): Flow[] {
  const flows: Flow[] = [];
  for (const item of items) {
    const seller = billedParty(item);
    for (const [party, amount] of receipts(item, scenario)) {
      if (party !== seller && !amount.isZero()) flows.push({ option: item.option, period: item.period, payer: seller, payee: party, amount, term: 'channel' });
    }
  }
  const terms = [...scenario.contracts].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  for (const option of scenario.options) {
    const paid = new Map<string, Decimal>(terms.map((t) => [t.id, ZERO]));
    for (const period of periods) {
      const month = items.filter((i) => i.option === option.id && i.period === period);
      for (const term of terms) {
        if ((term.from !== undefined && period < term.from) || (term.until !== undefined && period > term.until)) continue;
        const filter = term.applies_to;
        const base = sum(
          month
            .filter((i) => (filter.clouds?.includes(i.cloud) ?? true) && (filter.vendors?.includes(i.vendor ?? '') ?? true) && (filter.models?.includes(i.model ?? '') ?? true) && (filter.categories?.includes(i.category) ?? true))
            .map((i) => receipts(i, scenario).get(term.payer) ?? ZERO),
        );
        let amount = Decimal.max(base.times(term.rate), ZERO);
        if (term.cap !== undefined) amount = Decimal.min(amount, term.cap.times(term.cap_share).minus(paid.get(term.id)!));
        if (amount.lte(0)) continue;
        paid.set(term.id, paid.get(term.id)!.plus(amount));
        flows.push({ option: option.id, period, payer: term.payer, payee: term.payee, amount, term: term.id });
      }
    }
  }
  return flows;
}

