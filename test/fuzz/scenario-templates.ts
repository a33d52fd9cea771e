/**
 * Scenario-only mutations: entries the bundled examples lack (budgets, commitments, one-time
 * costs, exchange rates, contracts, latency assumptions, datasets), built from the scenario's
 * own ids so they are mostly valid and reach the engine, with an edge value here and there;
 * and ids renamed so references (baseline, budgets, one-time costs) dangle.
 */
import { isMapping } from './data-tree.js';
import type { DocumentMutation } from './document-mutations.js';
import { extremeValueFor } from './extreme-values.js';
import { hostileString } from './hostile-values.js';
import type { MutableDocument } from './mutable-document.js';
import type { Random } from './random.js';

const CATEGORIES = ['tokens.input', 'tokens.cached', 'tokens.cache-write', 'tokens.output', 'egress', 'interconnect', 'gateway', 'runtime', 'state.storage', 'state.ops', 'cache', 'data.storage', 'commitment.discount', 'commitment.shortfall', 'one-time'];
const CLOUDS = ['azure', 'aws', 'gcp', 'oci'];

function idsOf(doc: MutableDocument, list: string): string[] {
  const entries = isMapping(doc.data) ? doc.data[list] : undefined;
  return Array.isArray(entries) ? entries.flatMap((e) => (isMapping(e) && typeof e.id === 'string' ? [e.id] : [])) : [];
}

function horizonStart(doc: MutableDocument): string {
  const horizon = isMapping(doc.data) ? doc.data.horizon : undefined;
  return isMapping(horizon) && typeof horizon.start === 'string' ? horizon.start : '2027-01';
}

/** Usually an ordinary value, sometimes the field's edge value. */
function plausible(doc: MutableDocument, random: Random, key: string, ordinary: unknown): unknown {
  return random.chance(0.3) ? doc.value(extremeValueFor(key, random) ?? ordinary) : ordinary;
}

type Template = (doc: MutableDocument, random: Random, n: number) => [list: string, entry: Record<string, unknown>];

const TEMPLATES: Record<string, Template> = {
  budget: (doc, random, n) => {
    const options = idsOf(doc, 'options');
    const entry: Record<string, unknown> = { name: random.chance(0.2) ? hostileString(random) : `budget ${n}`, per: random.pick(['month', 'quarter', 'year', 'horizon']), limit: plausible(doc, random, 'limit', random.pick(['1k', '150k', '2M'])) };
    if (random.chance(0.3) && options.length > 0) entry.option = random.pick(options);
    if (random.chance(0.3)) entry.categories = random.sample(CATEGORIES, random.between(1, 3));
    if (random.chance(0.2)) entry.workload = random.pick([...idsOf(doc, 'workloads'), 'no-such-workload']);
    if (random.chance(0.2)) entry.severity = 'warning';
    if (random.chance(0.1)) entry.currency = 'EUR';
    return ['budgets', entry];
  },
  commitment: (doc, random, n) => {
    const entry: Record<string, unknown> = { id: `commit-${n}`, cloud: random.pick(CLOUDS), amount: plausible(doc, random, 'amount', random.pick(['100k', '1M', '0'])), period: random.pick(['month', 'quarter', 'year']), discount: plausible(doc, random, 'discount', '5%') };
    if (random.chance(0.3)) entry.from = plausible(doc, random, 'from', horizonStart(doc));
    if (random.chance(0.3)) entry.categories = random.sample(CATEGORIES, random.between(1, 3));
    return ['commitments', entry];
  },
  oneTime: (doc, random, n) => {
    const entry: Record<string, unknown> = { id: `cost-${n}`, options: random.sample(idsOf(doc, 'options'), 1), month: plausible(doc, random, 'month', horizonStart(doc)), amount: plausible(doc, random, 'amount', '45k') };
    if (random.chance(0.5)) entry.payee = random.pick(['systems-integrator', 'microsoft', 'openai']);
    else if (random.chance(0.5)) entry.cloud = random.pick(CLOUDS);
    return ['one_time', entry];
  },
  fx: (doc, random) => {
    if (isMapping(doc.data) && random.chance(0.5)) doc.data.currency = random.pick(['EUR', 'JPY', 'KWD', 'GBP']);
    return ['fx', { from: random.pick(['USD', 'EUR']), rate: plausible(doc, random, 'rate', '1.08'), as_of: '2026-11-02' }];
  },
  contract: (doc, random, n) => {
    const entry: Record<string, unknown> = { id: `share-${n}`, payer: 'openai', payee: 'microsoft', rate: plausible(doc, random, 'rate', '20%'), applies_to: { vendors: ['openai'] } };
    if (random.chance(0.5)) entry.cap = plausible(doc, random, 'cap', '38B');
    if (random.chance(0.5)) entry.cap_share = plausible(doc, random, 'cap_share', '0.002%');
    if (random.chance(0.3)) entry.from = horizonStart(doc);
    if (isMapping(doc.data) && random.chance(0.5)) doc.data.channel_take = { aws: plausible(doc, random, 'rate', '0%'), azure: '100%' };
    return ['contracts', entry];
  },
  latency: (doc, random) => ['latency', { between: ['aws/us-east-1', random.pick(['azure/eastus2', 'gcp/us-central1', 'aws/us-east-1'])], rtt_ms: plausible(doc, random, 'rtt_ms', 10) }],
  support: (_doc, random) => ['support', { cloud: random.pick(CLOUDS), plan: random.pick(['business-support-plus', 'enterprise', 'business-legacy', 'standard', 'enhanced', 'premium', 'no-such-plan']) }],
  dataset: (doc, random, n) => ['datasets', { id: `data-${n}`, size: plausible(doc, random, 'size', '50GB'), monthly_change: plausible(doc, random, 'monthly_change', '5GB'), home: { cloud: random.pick(CLOUDS), region: random.pick(['eastus', 'us-east-1', 'us-central1']) } }],
};

/** One more entry in one of the scenario's lists. */
export const addTemplateEntry: DocumentMutation = (doc, random) => {
  if (!isMapping(doc.data)) return undefined;
  const name = random.pick(Object.keys(TEMPLATES));
  const n = random.int(1000);
  const [list, entry] = TEMPLATES[name]!(doc, random, n);
  const existing = doc.data[list];
  doc.data[list] = [...(Array.isArray(existing) ? existing : []), entry];
  return `added a ${name} entry to ${list}`;
};

/**
 * What an option or a workload can add: provisioned units, gateways, its own support plans;
 * prompt-cache writes, calls with long prompts, and inputs given as ranges.
 */
export const addFeature: DocumentMutation = (doc, random) => {
  if (!isMapping(doc.data)) return undefined;
  const options = doc.data.options;
  const workloads = doc.data.workloads;
  const option = Array.isArray(options) && options.length > 0 ? random.pick(options) : undefined;
  const workload = Array.isArray(workloads) && workloads.length > 0 ? random.pick(workloads) : undefined;
  switch (random.pick(['provisioned', 'gateways', 'support', 'long_context', 'cache_write', 'range'])) {
    case 'range': {
      if (!isMapping(workload)) return undefined;
      const field = random.pick(['growth', 'sessions_per_month', 'turns_per_session', 'batch_share', 'calls_per_turn']);
      const ordinary = field === 'growth' || field === 'batch_share' ? ['1%', '4%', '8%'] : ['1', '6', '20'];
      const value = () => plausible(doc, random, field, random.pick(ordinary));
      workload[field] = random.pick([
        () => ({ triangular: [value(), value(), value()], ...(random.chance(0.3) ? { driver: 'demand' } : {}) }),
        () => ({ pert: [value(), value(), value()] }),
        () => ({ uniform: [value(), value()] }),
        () => ({ normal: { mean: value(), sd: value() } }),
        () => ({ lognormal: { mean: value(), sd: value() }, driver: random.chance(0.2) ? hostileString(random) : 'demand' }),
        () => ({ triangular: value() }),
      ])();
      return `a range for ${field}`;
    }
    case 'provisioned':
      if (!isMapping(option)) return undefined;
      option.provisioned = { term: random.pick(['hour', 'month', 'year']), peak_to_average: plausible(doc, random, 'peak_to_average', '3'), ...(random.chance(0.5) ? { units: plausible(doc, random, 'units', '50') } : {}), ...(random.chance(0.2) ? { spillover: false } : {}) };
      return 'provisioned units on an option';
    case 'gateways':
      if (!isMapping(option)) return undefined;
      option.gateways = [{ cloud: random.pick(CLOUDS), region: random.pick(['us-east-1', 'eastus2', 'us-central1']), service: random.pick(['nat-gateway', 'privatelink-endpoint', 'cloud-nat', 'no-such-gateway']), count: plausible(doc, random, 'count', '1'), carries: random.sample(['model', 'state', 'cache', 'datasets'], random.between(1, 4)) }];
      return 'a gateway on an option';
    case 'support':
      if (!isMapping(option)) return undefined;
      option.support = random.chance(0.3) ? [] : [{ cloud: random.pick(CLOUDS), plan: random.pick(['enterprise', 'enhanced', 'no-such-plan']) }];
      return "an option's own support plans";
    case 'long_context':
      if (!isMapping(workload)) return undefined;
      workload.long_context = { share: plausible(doc, random, 'share', '5%'), input: plausible(doc, random, 'input', '400k'), output: plausible(doc, random, 'output', '2k') };
      return 'long prompts on a workload';
    default: {
      if (!isMapping(workload) || !isMapping(workload.tokens_per_call)) return undefined;
      workload.tokens_per_call.cache_write_share = plausible(doc, random, 'cache_write_share', '10%');
      if (random.chance(0.5)) workload.tokens_per_call.cache_ttl = random.pick(['5m', '1h', '2h']);
      return 'prompt-cache writes on a workload';
    }
  }
};

/** Scenario-level settings that change what the engine computes: a baseline, a discount rate. */
export const addSetting: DocumentMutation = (doc, random) => {
  if (!isMapping(doc.data)) return undefined;
  if (random.chance(0.5)) {
    doc.data.baseline = random.pick([...idsOf(doc, 'options'), 'no-such-option']);
    return `baseline: ${String(doc.data.baseline)}`;
  }
  doc.data.discount_rate = doc.value(extremeValueFor('discount_rate', random));
  return 'an edge discount_rate';
};

/** An option or workload renamed: what named it (baseline, budgets, one-time costs) now names nothing. */
export const renameId: DocumentMutation = (doc, random) => {
  if (!isMapping(doc.data)) return undefined;
  const list = random.pick(['options', 'workloads']);
  const entries = doc.data[list];
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const entry = random.pick(entries);
  if (!isMapping(entry)) return undefined;
  entry.id = random.chance(0.5) ? `renamed-${random.int(100)}` : random.pick(['NaN', 'Infinity', '0', '1e400', 'a'.repeat(300), '-leading-dash', 'has space']);
  return `renamed an entry of ${list} to ${JSON.stringify(entry.id)}`;
};
