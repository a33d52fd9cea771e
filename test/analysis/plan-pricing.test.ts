/**
 * The search prices plans through the engine's plan pricing (parts kept and reused); the report
 * prices its plan through `simulate` (priceWhole). The two must agree to the last digit, on any plan: here
 * random plans of three workloads on four clouds, each priced both ways.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimizeSpace } from '../../src/analysis/optimize-space.js';
import { planPricer, priceWhole, type PricedPlan } from '../../src/analysis/plan-pricing.js';
import { catalogDirs, loadCatalogs } from '../../src/io/catalog-dir.js';
import { loadScenario } from '../../src/io/scenario-file.js';
import { REPO } from '../helpers/fixtures.js';

describe('plan pricing', () => {
  it('prices a plan from kept parts exactly as simulate prices it whole', async () => {
    const file = path.join(REPO, 'test/fixtures/optimize/three-workloads.yaml');
    const { scenario } = await loadScenario(file, 'three-workloads.yaml');
    const catalog = await loadCatalogs(catalogDirs([], REPO));
    const pricing = { scenario, catalog, objective: 'npv' as const };
    const withRate = { ...pricing, scenario: { ...scenario, discount_rate: scenario.discount_rate ?? new (await import('../../src/model/money.js')).Decimal('0.08') } };
    const space = optimizeSpace(scenario, catalog);
    const price = planPricer(withRate);
    const indices = scenario.workloads.map((_, i) => i);
    const choice = fc.tuple(...space.map((w) => fc.integer({ min: 0, max: w.allowed.length - 1 })));
    fc.assert(
      fc.property(choice, (picked) => {
        const choices = picked.map((c, w) => space[w]!.allowed[c]!);
        const kept = price(indices, choices) as PricedPlan;
        const whole = priceWhole(withRate, choices) as PricedPlan;
        expect('unpriced' in kept).toBe(false);
        expect([kept.total.toFixed(), kept.objective.toFixed(), kept.tokens.toFixed(), kept.shortfall.toFixed()]).toEqual([whole.total.toFixed(), whole.objective.toFixed(), whole.tokens.toFixed(), whole.shortfall.toFixed()]);
      }),
      { numRuns: 40, seed: 1203 },
    );
  }, 60_000);
});
