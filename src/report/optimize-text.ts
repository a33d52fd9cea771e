/** What the optimize report says in words, the same in every format of it. */
import type { Optimization } from '../analysis/optimization.js';
import type { Decimal } from '../model/money.js';
import { formatMoney, msText, percentText, signedPercentText } from './numbers.js';

export const objectiveName = (r: Optimization) => (r.objective === 'npv' ? 'net present value' : 'total over the horizon');

/** How the plan was found, in a sentence. */
export function methodLine(r: Optimization): string {
  const count = (n: number) => (Number.isFinite(n) && n < 1e15 ? Math.round(n).toLocaleString('en') : n.toExponential(2));
  if (r.method === 'exhaustive') return `Exhaustive: all ${count(r.spaceSize)} plans of the space priced (at most ${count(r.exhaustiveBound)} are); this is the cheapest of them.`;
  return `Local search from the best predefined option and the per-workload bests: ${count(r.evaluated)} of ${count(r.spaceSize)} plans priced; lower bound ${formatMoney(r.lowerBound, r.currency)}, gap ${percentText(r.gap)}% at most.`;
}

export function versus(r: Optimization): string {
  const ratio = r.savingRatio === undefined ? '' : ` (${signedPercentText(r.savingRatio.neg())})`;
  if (r.saving.gt(0)) return `saves ${formatMoney(r.saving, r.currency)} against ${r.best.id}${ratio}`;
  if (r.saving.isZero()) return `costs the same as ${r.best.id}`;
  const why = r.bestHas.length > 0 ? `${r.best.id} has what a plan does not carry (${r.bestHas.join(', ')})` : `${r.best.id}'s placements break a rule or cannot be priced as a plan`;
  return `costs ${formatMoney(r.saving.neg(), r.currency)} more than ${r.best.id}${ratio}: ${why}`;
}

export function bindingLines(r: Optimization): string[] {
  return r.binding.map((b) => `${b.constraint}${b.workload === undefined ? '' : ` (${b.workload})`}: rules out ${b.excluded}, ${b.why}; ${formatMoney(b.forgone, r.currency)} cheaper without it`);
}

export function addedText(ms: Decimal | undefined): string {
  return ms === undefined ? 'n/a' : `${msText(ms)} ms`;
}

