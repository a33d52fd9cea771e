/**
 * What a replay read, said beside its figures: how many requests from which files over which
 * time, the models they were priced as, and the records left out (never silently).
 *
 *   Replayed 8,819 requests from 1 file, 2023-11-16 18:17:03 to 19:14:19 UTC; gpt-5.5
 */
import type { ReplayedUsage } from '../analysis/compare.js';
import { formatDiagnostic } from '../model/diagnostic.js';
import { countText } from '../model/limits.js';
import { visible } from '../model/safe-text.js';

const moment = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const bigCount = (n: bigint) => n.toLocaleString('en-US');

export function replayedLines(replayed: ReplayedUsage): { facts: string[]; warnings: string[] } {
  const files = replayed.files.length === 1 ? `1 file` : `${countText(replayed.files.length)} files`;
  const models = replayed.models.map(({ logged, priced }) => (logged === priced ? visible(logged) : `${visible(logged)} as ${visible(priced)}`)).join(', ');
  const facts = [`Replayed ${bigCount(replayed.requests)} requests from ${files}, ${moment(replayed.first)} to ${moment(replayed.last)} UTC; ${models}`];
  const skipped = [
    replayed.duplicates > 0 ? `${countText(replayed.duplicates)} logged twice, counted once` : '',
    replayed.passedOver > 0 ? `${countText(replayed.passedOver)} lines that are not requests passed over` : '',
  ].filter((s) => s !== '');
  if (skipped.length > 0) facts.push(skipped.join('; '));
  const warnings =
    replayed.bad === 0
      ? []
      : [`${countText(replayed.bad)} bad record${replayed.bad === 1 ? '' : 's'} left out (--strict makes them an error):`, ...replayed.firstBad.map((d) => `  ${formatDiagnostic(d)}`), ...(replayed.bad > replayed.firstBad.length ? [`  and ${countText(replayed.bad - replayed.firstBad.length)} more`] : [])];
  return { facts, warnings };
}

export function replayedJson(replayed: ReplayedUsage) {
  return {
    files: replayed.files,
    records: replayed.records,
    requests: replayed.requests.toString(),
    duplicates: replayed.duplicates,
    passedOver: replayed.passedOver,
    badRecords: replayed.bad,
    firstBadRecords: replayed.firstBad.map((d) => ({ file: d.file, line: d.line, message: d.message })),
    first: new Date(replayed.first).toISOString(),
    last: new Date(replayed.last).toISOString(),
    models: replayed.models,
  };
}
