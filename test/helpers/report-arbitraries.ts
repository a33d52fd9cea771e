/**
 * Generated compare reports: a generated scenario (test/helpers/scenario-arbitraries.ts),
 * reported in a currency with 0, 2 or 3 minor units (converted at a fixed rate) and broken
 * down by any --by, simulated and compared as `cloudtco compare` does.
 */
import fc from 'fast-check';
import { BREAKDOWNS } from '../../src/analysis/breakdown.js';
import { compare, type Comparison } from '../../src/analysis/compare.js';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Scenario } from '../../src/model/scenario.js';
import { buildCatalog } from './catalog-arbitraries.js';
import { generatedCase, parseScenario, simulateOrExplain } from './scenario-arbitraries.js';

/** Reporting currencies and the rate from the catalog's USD: 2, 0, 3 and 2 minor units. */
const CURRENCIES: { code: string; rate: string | undefined }[] = [
  { code: 'USD', rate: undefined },
  { code: 'JPY', rate: '151.37' },
  { code: 'KWD', rate: '0.3071' },
  { code: 'EUR', rate: '0.8613' },
];

export interface Reported {
  scenario: Scenario;
  simulation: Simulation;
  report: Comparison;
}

export const reportCase = fc.record({ generated: generatedCase, by: fc.option(fc.constantFrom(...BREAKDOWNS), { nil: undefined }), currency: fc.constantFrom(...CURRENCIES) });

export type ReportCase = typeof reportCase extends fc.Arbitrary<infer T> ? T : never;

export function reported({ generated: { data, catalog }, by, currency: { code, rate } }: ReportCase): Reported {
  const scenario = parseScenario({ ...data, currency: code, ...(rate === undefined ? {} : { fx: [{ from: 'USD', rate, as_of: '2026-11-02' }] }) });
  const built = buildCatalog(catalog);
  const simulation = simulateOrExplain(scenario, built);
  const report = compare({
    scenario,
    scenarioFile: 'generated.yaml',
    catalog: { files: built.files, sha256: 'generated', overridden: [] },
    periods: simulation.periods,
    lineItems: simulation.lineItems,
    fallbacks: simulation.fallbacks,
    latency: simulation.latency,
    unassessed: simulation.unassessed,
    by,
  });
  return { scenario, simulation, report };
}
