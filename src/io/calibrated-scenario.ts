/**
 * The scenario `replay --emit-scenario` writes: the given scenario's file with its workloads
 * replaced by the ones calibrated from the logs (engine/calibration.ts) and its horizon starting
 * the month after them, every other line and comment kept; or, for `--option`, a new scenario of
 * those options. Budgets naming a workload that is gone are dropped, said in a comment.
 */
import { Document, isMap, isSeq, parseDocument, visit } from 'yaml';
import type { CalibratedWorkload, TokenEstimate } from '../engine/calibration.js';
import type { Period } from '../model/period.js';

export interface CalibratedScenarioInput {
  /** The scenario file's text, when replay was given one. */
  baseText: string | undefined;
  /** `--option` placements, when it was not: id → { cloud, region, deployment, tier? }. */
  options: { id: string; model: Record<string, string> }[];
  workloads: readonly CalibratedWorkload[];
  start: Period;
  /** Where the numbers come from, for the file's first comment. */
  source: string;
}

const HORIZON_MONTHS = 12;

export function calibratedScenarioText(input: CalibratedScenarioInput): string {
  const doc = input.baseText === undefined ? new Document({ name: 'calibrated from replayed usage', currency: 'USD' }) : parseDocument(input.baseText);
  const workloads = input.workloads.map(workloadData);
  const months = input.baseText === undefined ? HORIZON_MONTHS : (doc.getIn(['horizon', 'months']) ?? HORIZON_MONTHS);
  doc.set('horizon', doc.createNode({ start: input.start, months }));
  const list = doc.createNode(workloads);
  // ranges and long-context calls on one line each, as people write them
  visit(list, { Pair: (_, pair) => void (isMap(pair.value) && ['input', 'output', 'long_context'].includes(String(pair.key)) && (pair.value.flow = true)) });
  doc.set('workloads', list);
  if (input.baseText === undefined) doc.set('options', doc.createNode(input.options));
  const dropped = dropBudgetsOfOldWorkloads(doc, new Set(workloads.map((w) => w.id)));
  const notes = [
    ` Workloads calibrated by cloudtco replay from ${input.source}.`,
    ' Each request is one session of one turn and one call; token ranges are the spread of the',
    ' mean between windows of time (docs/cost-model.md, "Replay").',
    ...(dropped.length === 0 ? [] : [` Budgets for workloads no longer here were left out: ${dropped.join(', ')}.`]),
  ];
  doc.commentBefore = [...notes, ...(doc.commentBefore === null || doc.commentBefore === undefined ? [] : ['', ...doc.commentBefore.split('\n')])].join('\n');
  return doc.toString({ lineWidth: 0 });
}

function workloadData(w: CalibratedWorkload) {
  return {
    id: w.model,
    description: `calibrated: ${w.basis}`,
    model: w.model,
    sessions_per_month: Math.max(0, Math.round(w.sessionsPerMonth)),
    ...(w.growth === undefined ? {} : { growth: percent(w.growth) }),
    turns_per_session: 1,
    calls_per_turn: 1,
    tokens_per_call: {
      input: tokens(w.input),
      ...(w.cachedShare > 0 ? { cached_share: percent(w.cachedShare) } : {}),
      ...(w.cacheWriteShare > 0 ? { cache_write_share: percent(w.cacheWriteShare), cache_ttl: w.cacheTtl } : {}),
      output: tokens(w.output),
    },
    ...(w.longContext === undefined ? {} : { long_context: { share: percent(w.longContext.share), input: Math.round(w.longContext.input), output: Math.round(w.longContext.output) } }),
    ...(w.batchShare > 0 ? { batch_share: percent(w.batchShare) } : {}),
  };
}

/** A share as a percent to four decimals, rounded down so shares that add up to 100 % still do. */
function percent(share: number): string {
  const hundredths = Math.floor(share * 1_000_000) / 10_000;
  return `${Number(hundredths.toFixed(4))}%`;
}

/** Whole tokens, or a lognormal range where the mean varies between windows. */
function tokens(estimate: TokenEstimate): number | { lognormal: { mean: number; sd: number } } {
  const mean = Math.round(estimate.mean);
  const sd = estimate.sd === undefined ? 0 : Math.round(estimate.sd);
  return sd === 0 || mean === 0 ? mean : { lognormal: { mean, sd } };
}

function dropBudgetsOfOldWorkloads(doc: Document, workloads: ReadonlySet<string>): string[] {
  const budgets = doc.get('budgets');
  if (!isSeq(budgets)) return [];
  const dropped: string[] = [];
  budgets.items = budgets.items.filter((item) => {
    if (!isMap(item)) return true;
    const workload = item.get('workload');
    if (typeof workload !== 'string' || workloads.has(workload)) return true;
    dropped.push(String(item.get('name') ?? workload));
    return false;
  });
  return dropped;
}
