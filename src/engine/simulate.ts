/**
 * The simulation: (scenario, catalog) → line items, for every option, workload and month of
 * the horizon. Pure: no files, clock, environment or console. Every problem (a missing price,
 * a currency mismatch) is collected and thrown together as one InputError whose diagnostics
 * carry paths into the scenario; the caller adds the file positions.
 */
import type { Catalog } from '../model/catalog.js';
import { suggestion } from '../model/did-you-mean.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import type { LineItem } from '../model/line-item.js';
import { periodsFrom, type Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';
import { indexPrices } from './price-lookup.js';
import { tokenUsage } from './token-usage.js';
import { priceTokens } from './tokens.js';

export interface Simulation {
  periods: Period[];
  /** Grouped by option in scenario order, then workload, then month. */
  lineItems: LineItem[];
}

export function simulate(scenario: Scenario, catalog: Catalog): Simulation {
  const periods = periodsFrom(scenario.horizon.start, scenario.horizon.months);
  const prices = indexPrices(catalog);
  const usage = scenario.workloads.map((workload) => tokenUsage(workload, periods));
  const lineItems: LineItem[] = [];
  const problems: Diagnostic[] = unknownModels(scenario, catalog);
  const unpriceable = new Set(problems.map((p) => p.path?.[1]));
  scenario.options.forEach((option, optionIndex) => {
    scenario.workloads.forEach((workload, w) => {
      if (unpriceable.has(w)) return;
      const priced = priceTokens({ option, optionIndex, workload, currency: scenario.currency, prices }, usage[w]!);
      lineItems.push(...priced.lineItems);
      problems.push(...priced.problems);
    });
  });
  if (problems.length > 0) throw new InputError(problems);
  return { periods, lineItems };
}

/** A model no catalog row knows is a typo in the workload, not a gap in one option's prices. */
function unknownModels(scenario: Scenario, catalog: Catalog): Diagnostic[] {
  const known = new Set(catalog.models.map((row) => row.model));
  return scenario.workloads.flatMap((workload, w) =>
    known.has(workload.model)
      ? []
      : [{ path: ['workloads', w, 'model'], message: `no catalog row prices model "${workload.model}"${suggestion(workload.model, known)}` }],
  );
}
