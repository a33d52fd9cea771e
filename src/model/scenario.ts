/**
 * The scenario format: what runs (workloads), for how long (horizon), and where it could run
 * (placement options to compare). Strict: an unknown key is an error, so a typo such as
 * `sesions_per_month` cannot silently fall back to a default.
 *
 *   name: Customer-support agents
 *   horizon: { start: 2027-01, months: 12 }
 *   workloads:
 *     - id: support-agent
 *       model: gpt-5.5
 *       sessions_per_month: 250k
 *       growth: 4%                 # compound, per month
 *       turns_per_session: 6
 *       calls_per_turn: 2
 *       tokens_per_call: { input: 8k, cached_share: 60%, output: 500 }
 *   options:
 *     - id: all-azure
 *       model: { cloud: azure, region: eastus2, deployment: global }
 */
import * as z from 'zod';
import { CLOUD_IDS, TIERS } from './cloud.js';
import { count, id, matching, oneOf, optional, percent, period, text } from './fields.js';
import { dec } from './money.js';
import { addMonths, LAST_PERIOD } from './period.js';

const tokensPerCall = z.strictObject({
  input: count('tokens', '3.5k'),
  cached_share: percent('40%').default(dec('0')),
  output: count('tokens', '600'),
});

const workload = z.strictObject({
  id: id('a workload id'),
  description: optional(text('a description')),
  model: id('a model id such as gpt-5.5'),
  sessions_per_month: count('sessions', '2M'),
  growth: percent('4%', { min: '-1', max: '10' }).default(dec('0')),
  turns_per_session: count('turns', '6'),
  calls_per_turn: count('calls', '2').default(dec('1')),
  tokens_per_call: tokensPerCall,
  batch_share: percent('25%').default(dec('0')),
});

/** Where an option's model endpoint runs, which picks its catalog prices. */
const modelPlacement = z.strictObject({
  cloud: oneOf(CLOUD_IDS),
  region: id('a region such as eastus2'),
  deployment: id('a deployment such as global or data-zone'),
  tier: oneOf(TIERS).default('standard'),
});

const option = z.strictObject({
  id: id('an option id'),
  description: optional(text('a description')),
  model: modelPlacement,
});

export const scenarioSchema = z
  .strictObject({
    name: text('a scenario name'),
    description: optional(text('a description')),
    currency: matching('a three-letter currency code such as USD', /^[A-Z]{3}$/).default('USD'),
    horizon: z
      .strictObject({
        start: period(),
        months: count('months', '12', { min: '1', max: '600', integer: true }).transform((d) => d.toNumber()),
      })
      .superRefine(({ start, months }, ctx) => {
        const end = addMonths(start, months - 1);
        if (end > LAST_PERIOD) ctx.addIssue({ code: 'custom', path: ['months'], message: `the horizon would end in ${end}; it must end by ${LAST_PERIOD}` });
      }),
    workloads: z.array(workload).min(1, { error: 'expected at least one workload' }),
    options: z.array(option).min(1, { error: 'expected at least one option' }),
  })
  // `when` runs the check even when other fields have problems, so duplicates show with them
  .superRefine((scenario, ctx) => checkUniqueIds(scenario, ctx), { when: () => true });

/** Ids name workloads and options in reports, so each must be unique within its list. */
function checkUniqueIds(scenario: unknown, ctx: z.RefinementCtx): void {
  for (const list of ['workloads', 'options'] as const) {
    const entries = (scenario as Record<string, unknown> | null)?.[list];
    if (!Array.isArray(entries)) continue;
    const seen = new Map<unknown, number>();
    entries.forEach((entry: unknown, index) => {
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else ctx.addIssue({ code: 'custom', path: [list, index, 'id'], message: `"${id}" is already the id of ${list}[${first}]; ids must be unique` });
    });
  }
}

export type Scenario = z.output<typeof scenarioSchema>;
export type Workload = Scenario['workloads'][number];
export type Option = Scenario['options'][number];
export type ModelPlacement = Option['model'];
