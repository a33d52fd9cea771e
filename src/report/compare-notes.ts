/**
 * What the compare report says in words beside its figures, as plain lines every format of it
 * shares (a terminal styles them, HTML lists them): why the others cost more, when cumulative
 * costs cross, fallbacks, provisioned throughput, and what each option places where.
 */
import type { BreakEven } from '../analysis/break-even.js';
import type { Comparison } from '../analysis/compare.js';
import { formatLocation } from '../model/cloud.js';
import { describeMonths } from '../model/period.js';
import { describePieces } from '../model/placement-text.js';
import { visible } from '../model/safe-text.js';
import { formatSignedMoney, msText, percentText, signedPercentText } from './numbers.js';

export interface Note {
  heading: string;
  /** Each indented by two spaces, aligned for a terminal. */
  lines: string[];
}

export const ROUNDING_NOTE = 'Figures are rounded so that each column adds up to its total; differences are worked out exactly, then rounded.';

/** The notes that have something to say, in reading order. */
export function compareNotes(report: Comparison): Note[] {
  return [why(report), breakEvens(report), fallbacks(report), provisioned(report)].filter((n) => n.lines.length > 0);
}

/** What makes each option dearer than the cheapest: its largest differences by category. */
function why(report: Comparison): Note {
  const dearer = report.options.filter((o) => !o.cheapest && o.drivers.length > 0);
  const width = Math.max(0, ...dearer.map((o) => o.id.length));
  const lines = dearer.map((o) => {
    const reasons = o.drivers.map((d) => `${d.category} ${formatSignedMoney(d.amount, report.currency)}`).join(', ');
    return `  ${o.id.padEnd(width)}  ${formatSignedMoney(o.difference, report.currency)}: ${reasons}`;
  });
  return { heading: `Why the others cost more than ${report.reference}:`, lines };
}

/** Each option's break-evens against the cheapest and the baseline (one, when they are the same option). */
export function breakEvensOf(option: Comparison['options'][number]): BreakEven[] {
  return [option.breakEven.cheapest, option.breakEven.baseline].filter((b): b is BreakEven => b !== undefined).filter((b, i, all) => all.findIndex((x) => x.against === b.against) === i);
}

/** When each option's cumulative cost crosses the cheapest's and the baseline's. */
function breakEvens(report: Comparison): Note {
  return { heading: 'Break-even (cumulative cost):', lines: report.options.flatMap((o) => breakEvensOf(o).map((b) => `  ${o.id} vs ${b.against}: ${breakEvenText(b)}`)) };
}

export function breakEvenText(b: BreakEven): string {
  const month = b.month ?? '';
  const earlier = b.crossings.filter((c) => c.month < month);
  const before = earlier.length === 0 ? '' : ` (before that: ${earlier.map((c) => `${c.becomes} in ${c.month}`).join(', ')})`;
  const cheaperFrom = b.crossings.find((c) => c.month > month && c.becomes === 'cheaper')?.month;
  const levelFirst = b.crossings.some((c) => c.month === month && c.becomes === 'even');
  switch (b.outcome) {
    case 'becomes-cheaper':
      return `${levelFirst ? `breaks even in ${month}, cheaper from ${cheaperFrom}` : `cheaper from ${month}`}${before}`;
    case 'becomes-costlier':
      return `costlier from ${month}${before}`;
    case 'breaks-even':
      return `breaks even in ${month}, the same by the end${before}`;
    case 'cheaper-throughout':
      return 'not costlier at any point';
    case 'costlier-throughout':
      return 'no break-even within the horizon';
    case 'same-throughout':
      return 'the same cumulative cost throughout';
  }
}

function fallbacks(report: Comparison): Note {
  const lines = report.options.flatMap((o) => o.fallbacks).map((f) => `  ${f.option}: ${f.workload} ran on ${formatLocation(f.placement)} (${f.placement.deployment}) in ${describeMonths(f.months)}, when its model was not available at the option's own placement`);
  return { heading: 'Fallbacks:', lines };
}

function provisioned(report: Comparison): Note {
  const lines = report.options.flatMap((o) =>
    o.provisioned.map((p) => {
      const units = p.fewestUnits.eq(p.mostUnits) ? `${p.mostUnits.toFixed()} units` : `${p.fewestUnits.toFixed()} to ${p.mostUnits.toFixed()} units`;
      const used = p.capacity.isZero() ? 'no capacity' : `${percentText(p.served.div(p.capacity))}% of their capacity used`;
      const spilled = p.demand.isZero() ? 'no demand' : `${percentText(p.demand.minus(p.served).div(p.demand))}% of the demand spilled over to pay-as-you-go`;
      return `  ${o.id}: ${p.model}, ${units}, ${used}, ${spilled}`;
    }),
  );
  return { heading: 'Provisioned throughput:', lines };
}

/** Round trips the latency table lacks, said once; undefined when none are missing. */
export function latencyLine(report: Comparison): string | undefined {
  const pairs = [...new Set(report.options.flatMap((o) => o.latency.unknownPairs))];
  return pairs.length === 0 ? undefined : `Round trips unknown for ${pairs.join(', ')}: add them to latency.csv or as a latency: assumption in the scenario.`;
}

/** Where each option places the model, runtime, state, cache, interconnect and gateways. */
export function optionLines(report: Comparison): string[] {
  const width = Math.max(...report.options.map((o) => o.id.length));
  return report.options.flatMap((o) => {
    const about = o.description === undefined ? [] : [`  ${''.padEnd(width)}  ${visible(o.description)}`];
    return [`  ${o.id.padEnd(width)}  ${placementText(o)}`, ...about];
  });
}

export function placementText(o: Comparison['options'][number]): string {
  const { runtime, state, cache, interconnect, gateways } = o.option;
  const pieces = [describePieces({ model: o.placement, runtime, state, cache })];
  if (interconnect !== undefined) pieces.push(`interconnect ${interconnect.clouds.join('–')}`);
  for (const gateway of gateways) pieces.push(`${gateway.service} ${formatLocation(gateway)} (${gateway.carries.join(', ')})`);
  for (const [workload, own] of Object.entries(o.option.workloads)) pieces.push(`${workload} apart: ${describePieces({ model: own.model, runtime: own.runtime, state: own.state, cache: own.cache }, ', ')}`);
  return pieces.join('; ');
}

/** "cheapest", or the exact difference from the cheapest rounded once, and as a percentage. */
export function versusCheapestText(option: Comparison['options'][number], currency: string): string {
  if (option.cheapest) return 'cheapest';
  const percent = option.differenceRatio === undefined ? '' : ` (${signedPercentText(option.differenceRatio)})`;
  return `${formatSignedMoney(option.difference, currency)}${percent}`;
}

/** The round trip the option's hops add to a turn: "n/a" without a runtime, "unknown" without latencies. */
export function roundTripText(option: Comparison['options'][number]): string {
  if (!option.latency.applicable) return 'n/a';
  return option.latency.msPerTurn === undefined ? 'unknown' : `${msText(option.latency.msPerTurn)} ms`;
}
