/** What a report's figures leave out, said the same way by every report and format. */
import type { UnassessedPeriod } from '../engine/commitments.js';

/** A table line for commitment periods the horizon cuts, or none. */
export function unassessedLine(unassessed: readonly UnassessedPeriod[]): string | undefined {
  if (unassessed.length === 0) return undefined;
  const periods = unassessed.map((u) => `${u.commitment} ${u.first} to ${u.last}`).join(', ');
  return `Commitment periods the horizon cuts (${periods}): discounted, but their shortfall is not assessed, since spend outside the horizon is unknown.`;
}

/** The JSON field `unassessedCommitmentPeriods`. */
export function unassessedJson(unassessed: readonly UnassessedPeriod[]) {
  return unassessed.map((u) => ({ commitment: u.commitment, from: u.first, to: u.last }));
}
