/**
 * The scenario `optimize --emit-scenario` writes: the given scenario's file with the plan added
 * as one more option (every workload placed apart, under `workloads:`), and the one-time costs
 * the plan carries (`optimize.one_time`) applied to it too; every other line and comment kept,
 * so compare, simulate and check can weigh the plan beside the options it was found among. A
 * JSON scenario is written as JSON.
 */
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { applyOverrides } from './overrides.js';
import type { Choice } from '../analysis/optimize-space.js';
import type { Decimal } from '../model/money.js';

export interface PlanForFile {
  id: string;
  /** The `--set` changes the plan was found with: written into the file, so it prices the same. */
  sets: readonly string[];
  description: string;
  workloads: { workload: string; choice: Choice }[];
  /** One-time costs the plan carries, by id. */
  oneTime: readonly string[];
}

export function optimizedScenarioText(baseText: string, plan: PlanForFile): string {
  // the failsafe schema keeps every scalar as written: 1000.00000000000000000001 is not a float
  const doc = parseDocument(baseText, { schema: 'failsafe', merge: true });
  applySets(doc, plan.sets);
  const options = doc.get('options');
  const first = plan.workloads[0]!.choice;
  const option = doc.createNode({
    id: plan.id,
    description: plan.description,
    model: placement(first.model),
    workloads: Object.fromEntries(plan.workloads.map(({ workload, choice }) => [workload, pieces(choice)])),
  }) as YAMLMap;
  // each piece on one line, as scenarios are written
  for (const piece of ['model']) (option.get(piece) as YAMLMap).flow = true;
  const own = option.get('workloads') as YAMLMap;
  for (const pair of own.items) for (const item of (pair.value as YAMLMap).items) (item.value as YAMLMap).flow = true;
  if (isSeq(options)) options.add(option);
  const costs = doc.get('one_time');
  if (isSeq(costs)) {
    for (const cost of costs.items) {
      if (!isMap(cost) || !plan.oneTime.includes(String(cost.get('id')))) continue;
      const applies = cost.get('options');
      if (isSeq(applies)) applies.add(plan.id);
    }
  }
  const changed = plan.sets.length === 0 ? [] : [` The --set changes it was found with are written in: ${plan.sets.join('; ')}`];
  doc.commentBefore = [` The option ${plan.id} was added by cloudtco optimize.`, ...changed, ...(doc.commentBefore === null || doc.commentBefore === undefined ? [] : ['', ...doc.commentBefore.split('\n')])].join('\n');
  // a JSON scenario stays JSON (without the comment JSON cannot hold); numbers stay text, as read
  if (baseText.trimStart().startsWith('{')) return `${JSON.stringify(doc.toJS(), null, 2)}\n`;
  return doc.toString({ lineWidth: 0 });
}

/** A decimal as the file writes it: its exact digits. */
const number = (d: Decimal) => d.toFixed();

function placement(m: Choice['model']) {
  return { cloud: m.cloud, region: m.region, deployment: m.deployment, tier: m.tier };
}

function pieces(c: Choice) {
  return {
    model: placement(c.model),
    ...(c.fallback === undefined ? {} : { fallback: { model: placement(c.fallback) } }),
    ...(c.runtime === undefined ? {} : { runtime: { cloud: c.runtime.cloud, region: c.runtime.region, service: c.runtime.service } }),
    ...(c.state === undefined ? {} : { state: { cloud: c.state.cloud, region: c.state.region, service: c.state.service, read_units: number(c.state.read_units), write_units: number(c.state.write_units) } }),
    ...(c.cache === undefined
      ? {}
      : { cache: { cloud: c.cache.cloud, region: c.cache.region, service: c.cache.service, ...(c.cache.size === undefined ? {} : { size: `${c.cache.size.toFixed()}B` }), ...(c.cache.nodes === undefined ? {} : { nodes: number(c.cache.nodes) }) } }),
  };
}

/** Each `--set` written where it applies, as the value the scenario was read with. */
function applySets(doc: Document, sets: readonly string[]): void {
  if (sets.length === 0) return;
  const data = doc.toJS() as Record<string, unknown>;
  const { applied } = applyOverrides(data, sets);
  for (const { path } of applied) {
    const value = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown> | undefined)?.[key], data);
    doc.setIn(path, doc.createNode(value));
  }
}
