/**
 * Price changes the scenario expects (`price_changes`): from a month on, the catalog's token
 * prices for the keys a change names (clouds, models, tiers; all when none is given) are
 * × (1 + change). Changes that apply together multiply: −20 % then −10 % is × 0.8 × 0.9 = × 0.72.
 * A change is monthly (it holds from its month's first day); the catalog's own dated rows still
 * split a month by days beneath it.
 *
 * Example: gpt-5.5 input at 5.00 per 1M with `{ from: 2028-01, change: -20% }`: 4.00 per 1M from
 * January 2028, 5.00 before.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { suggestion } from '../model/did-you-mean.js';
import type { PriceKey } from '../model/model-price.js';
import { ONE, type Decimal } from '../model/money.js';
import type { Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';

export interface PriceAdjustment {
  /** What the catalog's price is multiplied by. */
  factor: Decimal;
  /** The changes applied, as line items cite them: `price_changes[0] next-cut`. */
  basis: string;
}

export interface PriceChanges {
  /** The adjustment for a key in a month, or undefined when no change applies. */
  adjust: (key: PriceKey, period: Period) => PriceAdjustment | undefined;
  /** Changes that applied to no token price looked up: a filter that matches nothing is a mistake. */
  unused: () => Diagnostic[];
}

/** The changes (their numbers in the scenario's list) that apply to a key in a month. */
export function changesFor(scenario: Scenario, key: PriceKey, period: Period): number[] {
  const applying: number[] = [];
  scenario.price_changes.forEach((change, i) => {
    if (change.from > period) return;
    if (change.clouds !== undefined && !change.clouds.includes(key.cloud)) return;
    if (change.models !== undefined && !change.models.includes(key.model)) return;
    if (change.tiers !== undefined && !change.tiers.includes(key.tier)) return;
    applying.push(i);
  });
  return applying;
}

export function priceChanges(scenario: Scenario, knownModels: ReadonlySet<string>): PriceChanges {
  const changes = scenario.price_changes;
  const used = new Set<number>();
  const found = new Map<string, PriceAdjustment | undefined>();
  return {
    adjust: (key, period) => {
      if (changes.length === 0) return undefined;
      const text = `${key.cloud} ${key.tier} ${key.model} ${period}`;
      if (found.has(text)) return found.get(text);
      let factor = ONE;
      const bases: string[] = [];
      for (const i of changesFor(scenario, key, period)) {
        factor = factor.times(ONE.plus(changes[i]!.change));
        bases.push(`price_changes[${i}] ${changes[i]!.id}`);
        used.add(i);
      }
      const adjustment = bases.length === 0 ? undefined : { factor, basis: bases.join(', ') };
      found.set(text, adjustment);
      return adjustment;
    },
    unused: () =>
      changes.flatMap((change, i): Diagnostic[] => {
        if (used.has(i)) return [];
        const unknown = (change.models ?? []).findIndex((m) => !knownModels.has(m));
        if (unknown !== -1) return [{ path: ['price_changes', i, 'models', unknown], message: `no catalog row prices model "${change.models![unknown]}"${suggestion(change.models![unknown]!, knownModels)}` }];
        return [{ path: ['price_changes', i], message: `applies to no token price any option pays from ${change.from} on (check its from, clouds, models and tiers): a change that changes nothing is a mistake` }];
      }),
  };
}
