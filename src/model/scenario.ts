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
 *       payload: { request: 24KiB, request_growth: 4KiB, response: 2KiB }
 *       state: { read_per_turn: 16KiB, write_per_turn: 4KiB, reads_per_turn: 2, writes_per_turn: 1 }
 *       runtime: { active_seconds_per_turn: 3, vcpus: 1, memory: 2GiB }
 *   options:
 *     - id: aws-runtime-azure-model
 *       model: { cloud: azure, region: eastus2, deployment: global }
 *       runtime: { cloud: aws, region: us-east-1, service: agentcore-runtime }
 *       state: { cloud: aws, region: us-east-1, service: dynamodb }
 *
 * What each placement and usage field costs is explained in docs/cost-model.md.
 */
import * as z from 'zod';
import { API_KINDS } from './availability.js';
import { CLOUD_IDS, INFRASTRUCTURE_CLOUDS, TIERS, type Cloud, type Location } from './cloud.js';
import { CATEGORIES, SHARED } from './line-item.js';
import { CACHE_TTLS } from './model-price.js';
import { TERMS } from './provisioned.js';
import { bytes, count, duration, flag, id, currency, isoDate, matching, oneOf, optional, percent, period, text } from './fields.js';
import { countText, LIMITS } from './limits.js';
import { dec, type Decimal } from './money.js';
import { addMonths, LAST_PERIOD } from './period.js';

const ZERO_BYTES = '0';

/** Cache reads and writes are shares of the same input: together at most all of it. */
const cacheShares = <T extends { cached_share: Decimal; cache_write_share: Decimal }>(shares: T, ctx: z.RefinementCtx) => {
  if (shares.cached_share.plus(shares.cache_write_share).gt(1)) {
    ctx.addIssue({ code: 'custom', path: ['cache_write_share'], message: `cached_share and cache_write_share are shares of the same input and add up to more than 100% (${shares.cached_share.plus(shares.cache_write_share).times(100).toFixed()}%)` });
  }
};

/**
 * Tokens per model call. Of the input, `cached_share` is read from the seller's prompt cache and
 * `cache_write_share` written to it (billed at the write price, a premium at Anthropic), kept for
 * `cache_ttl`: `5m`, the seller's standard time to live, or `1h`.
 */
const tokensPerCall = z
  .strictObject({
    input: count('tokens', '3.5k'),
    cached_share: percent('40%').default(dec('0')),
    cache_write_share: percent('10%').default(dec('0')),
    cache_ttl: oneOf(CACHE_TTLS).default('5m'),
    output: count('tokens', '600'),
  })
  .superRefine(cacheShares);

/**
 * Calls whose prompt is long enough for a long-context price (GPT-5.5 bills whole requests over
 * 272 000 prompt tokens at higher rates): their share of the workload's calls, and their tokens.
 * The other calls take `tokens_per_call`; cache shares and time to live are the workload's.
 */
const longContext = z.strictObject({
  share: percent('5%'),
  input: count('tokens', '400k'),
  output: count('tokens', '2k'),
});

/** Bytes on the wire per model call; the request grows as state accumulates in the prompt. */
const payload = z.strictObject({
  request: bytes('24KiB'),
  request_growth: bytes('4KiB').default(dec(ZERO_BYTES)),
  response: bytes('2KiB'),
});

/** Agent state kept in the option's state store, per turn and per session. */
const state = z.strictObject({
  read_per_turn: bytes('16KiB').default(dec(ZERO_BYTES)),
  write_per_turn: bytes('4KiB').default(dec(ZERO_BYTES)),
  reads_per_turn: count('reads', '2').default(dec('0')),
  writes_per_turn: count('writes', '1').default(dec('0')),
  stored_per_session: bytes('64KiB').default(dec(ZERO_BYTES)),
  retention: duration('30d').default(dec('30')),
});

/**
 * What the agent runtime bills: compute while a turn is worked on (vCPU and memory seconds),
 * or time per session for runtimes priced per session-hour.
 */
const runtime = z
  .strictObject({
    active_seconds_per_turn: optional(count('seconds', '3')),
    vcpus: count('vCPUs', '1').default(dec('1')),
    memory: optional(bytes('2GiB')),
    session_hours: optional(count('hours', '0.25')),
  })
  .superRefine((r, ctx) => {
    if (r.active_seconds_per_turn === undefined && r.session_hours === undefined) {
      ctx.addIssue({ code: 'custom', message: 'say what the runtime bills: active_seconds_per_turn (with vcpus and memory) or session_hours' });
    }
    if (r.memory !== undefined && r.active_seconds_per_turn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['memory'], message: 'memory is billed for active_seconds_per_turn, which is not set' });
    }
  });

const workload = z.strictObject({
  id: id('a workload id'),
  description: optional(text('a description')),
  model: id('a model id such as gpt-5.5'),
  /** Who makes the model, where the model id does not tell (gpt-… is OpenAI's, claude-… Anthropic's). */
  vendor: optional(id('a vendor such as openai')),
  api: oneOf(API_KINDS).default('stateless'),
  sessions_per_month: count('sessions', '2M'),
  growth: percent('4%', { min: '-1', max: '10' }).default(dec('0')),
  turns_per_session: count('turns', '6'),
  calls_per_turn: count('calls', '2').default(dec('1')),
  tokens_per_call: tokensPerCall,
  long_context: optional(longContext),
  batch_share: percent('25%').default(dec('0')),
  payload: optional(payload),
  state: optional(state),
  runtime: optional(runtime),
  cache: optional(z.strictObject({ hit_rate: percent('20%') })),
});

const location = {
  cloud: oneOf(CLOUD_IDS),
  region: id('a region such as eastus2'),
};

/** Where data lives: a cloud, not a model vendor's API. */
const infrastructure = {
  cloud: oneOf(INFRASTRUCTURE_CLOUDS, ' (model vendors hold no state, caches or data)'),
  region: id('a region such as eastus2'),
};

/** Where an option's model endpoint runs, which picks its catalog prices. */
const modelPlacement = z.strictObject({
  ...location,
  deployment: id('a deployment such as global or data-zone'),
  tier: oneOf(TIERS).default('standard'),
});

const service = id('a service as services.csv names it, such as dynamodb');

/** The kinds of an option's traffic a gateway can carry: calls to the model, state reads and writes, the runtime's calls to its cache, dataset changes. */
export const TRAFFIC = ['model', 'state', 'cache', 'datasets'] as const;
export type Traffic = (typeof TRAFFIC)[number];

/** A support plan on a cloud, as support.csv names it. */
const supportPlans = z
  .array(z.strictObject({ cloud: oneOf(INFRASTRUCTURE_CLOUDS, ' (support plans are the clouds\')'), plan: id('a support plan as support.csv names it, such as business-support-plus') }))
  .superRefine((plans, ctx) => {
    plans.forEach((plan, i) => {
      const first = plans.findIndex((other) => other.cloud === plan.cloud);
      if (first < i) ctx.addIssue({ code: 'custom', path: [i, 'cloud'], message: `[${first}] is already the ${plan.cloud} plan; one support plan per cloud` });
    });
  });

const runtimePlacement = z.strictObject({ ...location, service });

const statePlacement = z.strictObject({
  ...infrastructure,
  service,
  // request units one read or write is billed as (a 1 KB Cosmos DB write is about 5)
  read_units: count('units', '1').default(dec('1')),
  write_units: count('units', '1').default(dec('1')),
});

const cachePlacement = z.strictObject({
  ...infrastructure,
  service,
  size: optional(bytes('5GB', { min: '1' })),
  nodes: optional(count('nodes', '2', { min: '1', integer: true })),
});

/** The pieces an option places, which a workload may place elsewhere (`workloads:` of an option). */
const placements = {
  model: modelPlacement,
  /** Used in the months the model is not yet (or no longer) available at `model`. */
  fallback: optional(z.strictObject({ model: modelPlacement })),
  runtime: optional(runtimePlacement),
  state: optional(statePlacement),
  cache: optional(cachePlacement),
};

const option = z.strictObject({
  id: id('an option id'),
  description: optional(text('a description')),
  ...placements,
  /**
   * Workloads placed apart from the option's own pieces (what `cloudtco optimize` writes): for
   * each listed workload, the pieces given replace the option's, and the others stay the option's.
   * Everything else (gateways, interconnect, commitments, datasets) is the option's, shared.
   */
  workloads: z.record(id('a workload id'), z.strictObject({ ...placements, model: optional(modelPlacement) })).default({}),
  /**
   * NAT gateways and private endpoints the option's traffic goes through: each bills its hours
   * (`count` of them, e.g. endpoints × zones) and every byte of the traffic it `carries` that is
   * sent or received in its region, whatever else that byte costs.
   */
  gateways: z
    .array(
      z.strictObject({
        ...infrastructure,
        service: id('a service as services.csv names it, such as nat-gateway'),
        count: count('gateways', '1', { min: '1', integer: true }).default(dec('1')),
        carries: z.array(oneOf(TRAFFIC)).min(1, { error: `expected the traffic it carries: ${TRAFFIC.join(', ')}` }).default(['model']),
      }),
    )
    .default([])
    .superRefine((gateways, ctx) => {
      const seen = new Map<string, number>();
      gateways.forEach((g, i) => {
        const key = `${g.cloud}/${g.region} ${g.service}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else ctx.addIssue({ code: 'custom', path: [i, 'service'], message: `gateways[${first}] is already ${key}; list a gateway once, with its count` });
      });
    }),
  /**
   * Capacity bought by the unit for the option's model (Azure PTUs): `units` for each model's
   * deployment, or sized each month (each term) for the peak the workloads imply; calls beyond it
   * spill over to pay-as-you-go at the option's model prices unless `spillover` is false.
   */
  provisioned: optional(
    z.strictObject({
      deployment: optional(id('a provisioned deployment such as global or data-zone')),
      term: oneOf(TERMS).default('hour'),
      units: optional(count('units', '50', { min: '1', integer: true })),
      /** The busiest minute's tokens over the month's average minute, to size units for the peak. */
      peak_to_average: count('times the average', '3', { min: '1' }).default(dec('1')),
      spillover: flag().default(true),
    }),
  ),
  /** Support plans this option pays, instead of the scenario's. */
  support: optional(supportPlans),
  /** A private link: traffic between these clouds is billed at their interconnect rates. */
  interconnect: optional(
    z.strictObject({
      clouds: z
        .array(oneOf(INFRASTRUCTURE_CLOUDS, ' (model vendors hold no private links)'))
        .refine((clouds) => new Set(clouds).size >= 2, { error: 'expected at least two different clouds' }),
      ports: z
        .array(z.strictObject({ ...infrastructure, service, count: count('ports', '1', { min: '1', integer: true }).default(dec('1')) }))
        .min(1, { error: 'expected at least one port: a private link is billed per port-hour' }),
    }),
  ),
});

/** `aws/us-east-1` */
const locationText = matching('a place like aws/us-east-1', new RegExp(`^(${CLOUD_IDS.join('|')})/[A-Za-z0-9][A-Za-z0-9._-]*$`)).transform((text): Location => {
  const [cloud, region] = text.split('/') as [Location['cloud'], string];
  return { cloud, region };
});

const dataset = z.strictObject({
  id: id('a dataset id'),
  description: optional(text('a description')),
  size: bytes('200GB'),
  monthly_change: bytes('20GB').default(dec(ZERO_BYTES)),
  home: z.strictObject(infrastructure),
});

const party = id('a party such as microsoft, openai or amazon');
const take = () => optional(percent('30%'));

/** The spend a revenue-share term applies to; every filter given must match, none means all. */
const spendFilter = z.strictObject({
  clouds: optional(z.array(oneOf(CLOUD_IDS))),
  vendors: optional(z.array(id('a model vendor such as openai'))),
  models: optional(z.array(id('a model id such as gpt-5.5'))),
  categories: optional(z.array(oneOf(CATEGORIES))),
});

/**
 * A revenue-share term: `payer` pays `payee` `rate` of what the payer receives from the spend it
 * applies to, in the months of its window, until the cumulative `cap` (× `cap_share`) is paid.
 */
const contract = z
  .strictObject({
    id: id('a contract id'),
    description: optional(text('a description')),
    payer: party,
    payee: party,
    rate: percent('20%'),
    applies_to: spendFilter.prefault({}),
    from: optional(period()),
    until: optional(period('2030-12')),
    cap: optional(count('money', '38B', { min: '0' })),
    /** The cap's currency, converted at the scenario's fx rate; default: the reporting currency. */
    currency: optional(currency()),
    /** The part of a market-wide cap this scenario carries, e.g. its share of the payer's revenue. */
    cap_share: percent('0.01%').default(dec('1')),
  })
  .refine((c) => c.from === undefined || c.until === undefined || c.from <= c.until, { error: 'until must not come before from', path: ['until'] })
  .refine((c) => c.payer !== c.payee, { error: 'a party cannot pay itself', path: ['payee'] })
  .refine((c) => c.currency === undefined || c.cap !== undefined, { error: "currency is the cap's, and this term has no cap", path: ['currency'] });

/** Committed spend on a cloud per period (MACC, EDP): a discount on eligible spend, and a bill for any shortfall. */
const commitment = z.strictObject({
  id: id('a commitment id'),
  description: optional(text('a description')),
  cloud: oneOf(INFRASTRUCTURE_CLOUDS),
  amount: count('money per commitment period', '1M', { min: '0' }),
  /** The amount's currency, converted at the scenario's fx rate; default: the reporting currency. */
  currency: optional(currency()),
  period: oneOf(['month', 'quarter', 'year'] as const),
  from: optional(period()),
  discount: percent('5%').default(dec('0')),
  /** Spend that earns the discount and counts toward the commitment; default: all of it. */
  categories: optional(z.array(oneOf(CATEGORIES))),
});

/**
 * An expected change to token prices from a month on — the next price cut, a rise — on the
 * clouds, models and tiers it names (all, where it names none): the catalog's price × (1 + change).
 */
const priceChange = z.strictObject({
  id: id('a price change id'),
  description: optional(text('a description')),
  from: period(),
  change: percent('-20%', { min: '-1', max: '10' }),
  clouds: optional(z.array(oneOf(CLOUD_IDS))),
  models: optional(z.array(id('a model id such as gpt-5.5'))),
  tiers: optional(z.array(oneOf(TIERS))),
});

/**
 * What `cloudtco optimize` may combine and the rules a plan must keep. Candidates are the pieces
 * the options place (their models with fallbacks, runtimes, state stores, caches) and those listed
 * here; a rule applies to the workloads it names (all, where it names none).
 */
const optimizeRule = z.strictObject({
  workloads: optional(z.array(id('a workload id')).min(1, { error: 'name at least one workload, or leave workloads out for all of them' })),
  /** Every piece of the workload on these clouds (a model vendor's own API counts as its cloud). */
  clouds: optional(z.array(oneOf(CLOUD_IDS))),
  /** Every piece of the workload in these places, like aws/us-east-1 or openai/global. */
  regions: optional(z.array(locationText)),
  /** Data residency: the places the workload's state store and cache may be. */
  state_regions: optional(z.array(locationText)),
  /** The most round-trip time the workload's hops may add to a turn. */
  max_added_latency_ms: optional(count('milliseconds', '40')),
});

const optimize = z.strictObject({
  objective: oneOf(['total', 'npv'] as const).default('total'),
  models: z.array(modelPlacement.extend({ fallback: optional(modelPlacement) })).default([]),
  runtimes: z.array(runtimePlacement).default([]),
  states: z.array(statePlacement).default([]),
  caches: z.array(cachePlacement).default([]),
  rules: z.array(optimizeRule).default([]),
  /** Commitments a plan must meet: no shortfall in any of their periods. */
  must_meet: z.array(id('a commitment id')).default([]),
  /** One-time costs the plan carries (a migration it needs), by id; the others stay with their options. */
  one_time: z.array(id('a one-time cost id')).default([]),
});

/** Migration, dual running: a cost in one month of some options. */
const oneTime = z.strictObject({
  id: id('a cost id'),
  description: optional(text('a description')),
  options: z.array(id('an option id')).min(1, { error: 'expected the ids of the options it applies to' }),
  month: period(),
  amount: count('money', '250k', { min: '0' }),
  /** The amount's currency, converted at the scenario's fx rate; default: the reporting currency. */
  currency: optional(currency()),
  /** Who bills it: a cloud, or another party (an integrator); default: the option's model cloud. */
  cloud: optional(oneOf(CLOUD_IDS)),
  payee: optional(party),
});

/**
 * A spending limit `cloudtco check` holds each option to: per month, quarter, year or over the
 * horizon, on all spend or some categories, optionally one workload's.
 */
const budget = z.strictObject({
  name: text('a budget name, shown when it is breached'),
  /** The option it limits; default: each option on its own. */
  option: optional(id('an option id')),
  per: oneOf(['month', 'quarter', 'year', 'horizon'] as const),
  limit: count('money', '150k', { min: '0' }),
  currency: optional(currency()),
  categories: optional(z.array(oneOf(CATEGORIES))),
  /** One workload's spend, or `(shared)`: the costs no one workload owns (caches, ports, datasets, commitments). */
  workload: optional(id('a workload id', [SHARED])),
  severity: oneOf(['error', 'warning'] as const).default('error'),
});

export const scenarioSchema = z
  .strictObject({
    name: text('a scenario name'),
    description: optional(text('a description')),
    currency: currency().default('USD'),
    horizon: z
      .strictObject({
        start: period(),
        months: count('months', '12', { min: '1', max: String(LIMITS.months), integer: true }).transform((d) => d.toNumber()),
      })
      .superRefine(({ start, months }, ctx) => {
        const end = addMonths(start, months - 1);
        if (end > LAST_PERIOD) ctx.addIssue({ code: 'custom', path: ['months'], message: `the horizon would end in ${end}; it must end by ${LAST_PERIOD}` });
      }),
    /** Fixed exchange rates into the reporting currency, so results do not move with markets. */
    fx: z
      .array(
        z.strictObject({
          from: currency(),
          rate: count('units of the reporting currency', '1.08', { min: '0.000000001' }),
          as_of: isoDate(),
          source: optional(text('where the rate comes from')),
        }),
      )
      .default([]),
    network: z
      .strictObject({
        /** Whether the model's cloud bills its responses as data transfer out (on by default). */
        bill_model_responses: flag().default(true),
      })
      .prefault({}),
    /** Round-trip times for pairs latency.csv lacks, stated as assumptions. */
    latency: z
      .array(
        z
          .strictObject({ between: z.tuple([locationText, locationText]), rtt_ms: count('milliseconds', '12'), note: optional(text('a note')) })
          .refine(({ between: [a, b] }) => a.cloud !== b.cloud || a.region !== b.region, { error: 'a round trip needs two different places', path: ['between'] }),
      )
      .default([]),
    /** Data every option needs on each cloud it uses, kept at home and copied elsewhere. */
    datasets: z.array(dataset).default([]),
    workloads: z.array(workload).min(1, { error: 'expected at least one workload' }),
    options: z.array(option).min(1, { error: 'expected at least one option' }),
    /** What each cloud keeps of a third-party model's token revenue before passing it on; default 0%. */
    channel_take: z
      .strictObject({ azure: take(), aws: take(), gcp: take(), oci: take(), openai: take(), anthropic: take() } satisfies Record<Cloud, unknown>)
      .prefault({}),
    contracts: z.array(contract).default([]),
    commitments: z.array(commitment).default([]),
    /** Support plans every option pays on the clouds it spends on (an option's own list replaces them). */
    support: supportPlans.default([]),
    one_time: z.array(oneTime).default([]),
    /** Token prices expected to change within the horizon, a range where nobody knows by how much. */
    price_changes: z.array(priceChange).default([]),
    /** The option others are also measured against for break-even (besides the cheapest). */
    baseline: optional(id('an option id')),
    /** Yearly rate for the net present value of each option, e.g. 8%. */
    discount_rate: optional(percent('8%', { min: '0', max: '1' })),
    budgets: z.array(budget).default([]),
    optimize: optional(optimize),
  })
  // `when` runs the check even when other fields have problems, so duplicates show with them
  .superRefine((scenario, ctx) => checkUniqueIds(scenario, ctx), { when: () => true })
  .superRefine((scenario, ctx) => checkSize(scenario, ctx))
  .superRefine((scenario, ctx) => checkWorkloadPlacements(scenario, ctx))
  .superRefine((scenario, ctx) => checkOptimizeIds(scenario, ctx));

/** The ids `optimize:` names are the scenario's workloads, commitments and one-time costs. */
function checkOptimizeIds(scenario: { workloads: { id: string }[]; commitments: { id: string }[]; one_time: { id: string }[]; optimize?: { rules: { workloads?: string[] }[]; must_meet: string[]; one_time: string[] } }, ctx: z.RefinementCtx): void {
  if (scenario.optimize === undefined) return;
  const check = (ids: readonly string[], known: readonly { id: string }[], what: string, path: (i: number) => (string | number)[]) => {
    const names = known.map((k) => k.id);
    ids.forEach((value, i) => {
      if (!names.includes(value)) ctx.addIssue({ code: 'custom', path: ['optimize', ...path(i)], message: `"${value}" is not ${what} of this scenario${names.length === 0 ? '' : ` (${names.join(', ')})`}` });
    });
  };
  scenario.optimize.rules.forEach((rule, r) => check(rule.workloads ?? [], scenario.workloads, 'a workload', (i) => ['rules', r, 'workloads', i]));
  check(scenario.optimize.must_meet, scenario.commitments, 'a commitment', (i) => ['must_meet', i]);
  check(scenario.optimize.one_time, scenario.one_time, 'a one-time cost', (i) => ['one_time', i]);
}

/** An option's `workloads:` name workloads of the scenario, and cannot split a provisioned deployment. */
function checkWorkloadPlacements(scenario: { workloads: { id: string }[]; options: { workloads: Record<string, unknown>; provisioned?: unknown }[] }, ctx: z.RefinementCtx): void {
  const ids = new Set(scenario.workloads.map((w) => w.id));
  scenario.options.forEach((option, o) => {
    for (const key of Object.keys(option.workloads)) {
      if (!ids.has(key)) ctx.addIssue({ code: 'custom', path: ['options', o, 'workloads', key], message: `"${key}" is not a workload of this scenario (${[...ids].join(', ')})` });
    }
    if (option.provisioned !== undefined && Object.keys(option.workloads).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options', o, 'workloads'], message: 'a provisioned option serves every workload from its own deployment; place workloads apart in an option without provisioned' });
    }
  });
}

/** Each workload is priced on each option in each month; their product bounds the work and memory a run needs. */
function checkSize(scenario: { workloads: unknown[]; options: unknown[]; horizon: { months: number } }, ctx: z.RefinementCtx): void {
  const priced = scenario.workloads.length * scenario.options.length * scenario.horizon.months;
  if (priced <= LIMITS.pricedMonths) return;
  const product = `${countText(scenario.workloads.length)} workloads × ${countText(scenario.options.length)} options × ${countText(scenario.horizon.months)} months`;
  ctx.addIssue({ code: 'custom', path: ['workloads'], message: `${product} is ${countText(priced)} workload-months to price; cloudtco prices at most ${countText(LIMITS.pricedMonths)} in one run (docs/reliability.md): split the scenario, or shorten the horizon` });
}

/** Ids name workloads and options in reports, so each must be unique within its list. */
function checkUniqueIds(scenario: unknown, ctx: z.RefinementCtx): void {
  const rates = (scenario as { fx?: unknown } | null)?.fx;
  if (Array.isArray(rates)) {
    const seen = new Map<unknown, number>();
    rates.forEach((rate: { from?: unknown } | null, index) => {
      const first = seen.get(rate?.from);
      if (first === undefined) seen.set(rate?.from, index);
      else ctx.addIssue({ code: 'custom', path: ['fx', index, 'from'], message: `fx[${first}] already gives the rate from ${String(rate?.from)}; one rate per currency keeps results reproducible` });
    });
  }
  const keyed = [...(['workloads', 'options', 'datasets', 'contracts', 'commitments', 'one_time', 'price_changes'] as const).map((list) => [list, 'id'] as const), ['budgets', 'name'] as const];
  for (const [list, key] of keyed) {
    const entries = (scenario as Record<string, unknown> | null)?.[list];
    if (!Array.isArray(entries)) continue;
    const seen = new Map<unknown, number>();
    entries.forEach((entry: unknown, index) => {
      const value = (entry as Record<string, unknown> | null)?.[key];
      if (typeof value !== 'string') return;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else ctx.addIssue({ code: 'custom', path: [list, index, key], message: `"${value}" is already the ${key} of ${list}[${first}]; ${key}s must be unique` });
    });
  }
}

export type Scenario = z.output<typeof scenarioSchema>;
export type Workload = Scenario['workloads'][number];
export type Option = Scenario['options'][number];
export type ModelPlacement = Option['model'];
export type Dataset = Scenario['datasets'][number];
export type Contract = Scenario['contracts'][number];
export type Budget = Scenario['budgets'][number];
export type OptimizeSettings = NonNullable<Scenario['optimize']>;
export type OptimizeRule = OptimizeSettings['rules'][number];
