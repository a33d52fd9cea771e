/**
 * One-time costs the scenario states — a migration, a month of dual running — as `one-time`
 * line items in their month, for each option they name. They are billed by `cloud` (default:
 * the option's model cloud) and paid to `payee` when that is someone else, an integrator say;
 * an amount in another currency is converted at the scenario's rate.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { suggestion } from '../model/did-you-mean.js';
import type { LineItem } from '../model/line-item.js';
import { ONE } from '../model/money.js';
import type { Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';
import { statedAmount, type Exchange } from './fx.js';
import { statedCost } from './stated-cost.js';

export function oneTimeItems(scenario: Scenario, periods: readonly Period[], rates: Exchange): { lineItems: LineItem[]; problems: Diagnostic[] } {
  const ids = scenario.options.map((o) => o.id);
  const lineItems: LineItem[] = [];
  const problems: Diagnostic[] = [];
  scenario.one_time.forEach((cost, c) => {
    if (!periods.includes(cost.month)) {
      problems.push({ path: ['one_time', c, 'month'], message: `${cost.month} is outside the horizon, ${periods[0]} to ${periods[periods.length - 1]}` });
      return;
    }
    const amount = statedAmount(cost.amount, cost.currency, scenario.currency, rates, ['one_time', c, 'currency']);
    if ('problem' in amount) {
      problems.push(amount.problem);
      return;
    }
    cost.options.forEach((id, o) => {
      const option = scenario.options.find((candidate) => candidate.id === id);
      if (option === undefined) {
        problems.push({ path: ['one_time', c, 'options', o], message: `no option "${id}"${suggestion(id, ids)}` });
        return;
      }
      lineItems.push(
        statedCost({
          option: id,
          period: cost.month,
          cloud: cost.cloud ?? option.model.cloud,
          category: 'one-time',
          service: 'one-time',
          meter: cost.description ?? cost.id,
          quantity: ONE,
          unit: 'once',
          unitPrice: amount.value,
          basis: `one_time[${c}] ${cost.id}`,
          payee: cost.payee,
          fx: amount.fx,
        }),
      );
    });
  });
  return { lineItems, problems };
}
