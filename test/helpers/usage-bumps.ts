/**
 * More usage for one workload: one of the figures that drive its cost, raised by a positive
 * amount. Every other input stays as it was, so any change in cost is this figure's doing.
 */
import fc from 'fast-check';
import type { WorkloadData } from './scenario-arbitraries.js';
import { Decimal } from '../../src/model/money.js';
import { decimalText, plus } from './property.js';

/** The usage figures of a workload, by path; growth (a percentage) raises every later month. */
export const USAGE_FIELDS = [
  ['sessions_per_month'],
  ['growth'],
  ['turns_per_session'],
  ['calls_per_turn'],
  ['tokens_per_call', 'input'],
  ['tokens_per_call', 'output'],
  ['payload', 'request'],
  ['payload', 'request_growth'],
  ['payload', 'response'],
  ['state', 'read_per_turn'],
  ['state', 'write_per_turn'],
  ['state', 'reads_per_turn'],
  ['state', 'writes_per_turn'],
  ['state', 'stored_per_session'],
  ['runtime', 'active_seconds_per_turn'],
  ['runtime', 'vcpus'],
  ['runtime', 'memory'],
  ['runtime', 'session_hours'],
] as const;

export interface Bump {
  workload: number;
  field: number;
  /** Small increments find rounding edges, large ones tier boundaries. */
  by: string;
}

export const bump: fc.Arbitrary<Bump> = fc.record({
  workload: fc.nat(),
  field: fc.nat(),
  by: fc.oneof(decimalText(1, 9, 1), decimalText(1, 20), decimalText(1, 1_000_000)),
});

/**
 * The workloads with one usage figure raised: the bump's field, or the next one the workload
 * has (fields are optional), so every bump changes something. Returns what it raised.
 */
export function raised(workloads: readonly WorkloadData[], { workload, field, by }: Bump): { workloads: WorkloadData[]; raised: string } {
  const copy = structuredClone(workloads) as WorkloadData[];
  const target = copy[workload % copy.length]! as unknown as Record<string, Record<string, string> | string | undefined>;
  for (let k = 0; k < USAGE_FIELDS.length; k++) {
    const path = USAGE_FIELDS[(field + k) % USAGE_FIELDS.length]!;
    if (path.length === 1) {
      const text = target[path[0]] as string;
      // growth is a percentage, which the schema caps at 1000 %: raised by at most 100 points
      target[path[0]] = text.endsWith('%') ? `${plus(text.slice(0, -1), Decimal.min(by, 100).toFixed())}%` : plus(text, by);
      return { workloads: copy, raised: `${workload % copy.length}.${path[0]} by ${by}` };
    }
    const parent = target[path[0]] as Record<string, string> | undefined;
    if (parent?.[path[1]] === undefined) continue;
    parent[path[1]] = plus(parent[path[1]]!, by);
    return { workloads: copy, raised: `${workload % copy.length}.${path.join('.')} by ${by}` };
  }
  throw new Error('unreachable: sessions_per_month is always there');
}
