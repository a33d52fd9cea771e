/**
 * Problems the engine finds while pricing, one per cause, said at its first month with the
 * other months it recurs in: "…; also in 2027-02 to 2027-12".
 */
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { describeMonths, type Period } from '../model/period.js';

export class Problems {
  private readonly byCause = new Map<string, { path: readonly PathSegment[]; message: string; months: Period[] }>();

  add(path: readonly PathSegment[], cause: string, period: Period, message: string): void {
    const key = `${path.join('.')} ${cause}`;
    const seen = this.byCause.get(key) ?? { path, message, months: [] };
    this.byCause.set(key, seen);
    if (!seen.months.includes(period)) seen.months.push(period);
  }

  list(): Diagnostic[] {
    return [...this.byCause.values()].map(({ path, message, months }) => {
      const more = months.slice(1);
      const also = more.length === 0 ? '' : `; also in ${describeMonths(more)}`;
      return { path, message: message + also };
    });
  }
}
