/**
 * Sensitivity as a table with a tornado under it (each factor's bar spans the gap, or the total,
 * between its two ends, drawn around the value at the mode), JSON or CSV.
 */
import Table from 'cli-table3';
import type { RankedFactor, Sensitivity } from '../analysis/sensitivity.js';
import { plain, type Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { formatMoney, formatSignedMoney } from './numbers.js';
import { whatIfLine } from './provenance.js';
import type { Format, Renderer } from './renderer.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';
import { csvText, jsonText, spreadsheetSafe } from './text-formats.js';

export interface SensitivityReport {
  scenario: { name: string; file: string };
  currency: string;
  result: Sensitivity;
  /** `--set` overrides the scenario was read with. */
  whatIf: readonly string[];
  /** The uncertain inputs, named as reports name them. */
  pointValues: readonly string[];
}

/** Width of a tornado bar, in characters. */
const BAR = 40;

export const sensitivityRenderers: Record<Format, Renderer<SensitivityReport>> = {
  table: (report, options) => {
    const style = createStyle(options.color);
    const { result, currency } = report;
    const money = (v: Decimal) => formatMoney(v, currency);
    const measured = measureOf(result);
    const head = ['input', 'low … high', ...(result.pair === undefined ? [] : ['gap at low', 'gap at high']), ...result.options.map((o) => `${visible(o)} moves`)];
    const t = new Table({ head: head.map(style.bold), style: { head: [], border: [] }, chars: ROWS_WITHOUT_RULES, colAligns: head.map((_, i) => (i === 0 ? 'left' : 'right')) });
    for (const f of result.factors) {
      const gap = f.gap === undefined ? [] : [formatSignedMoney(f.gap.low, currency), formatSignedMoney(f.gap.high, currency)];
      t.push([visible(f.factor.name), `${endsText(f, 'low')} … ${endsText(f, 'high')}`, ...gap, ...result.options.map((o) => money(f.swings.get(o)!))]);
    }
    const point = result.options.map((o) => `${visible(o)} ${money(result.point.get(o)!)}`).join(', ');
    const lines = [
      `${style.bold(visible(report.scenario.name))}: what moves the totals over the horizon most, ${currency}; each input at its low and high end (min and max, or 5th and 95th percentile), the others at their mode or mean`,
      whatIfLine(report.whatIf),
      `At the mode: ${point}.`,
      measured.caption,
      t.toString(),
      ...(options.charts === true ? [`Tornado of ${measured.what}: ▒ from the mode to the low end, █ to the high end, │ at the mode.`, ...tornado(result, measured, style, currency)] : []),
    ];
    return `${lines.filter((l) => l !== undefined).join('\n')}\n`;
  },
  json: (report) => {
    const totals = (m: Map<string, Decimal>) => Object.fromEntries([...m].map(([o, v]) => [o, plain(v)]));
    const { result } = report;
    return jsonText({
      schemaVersion: 1,
      scenario: report.scenario,
      currency: report.currency,
      ...(report.whatIf.length === 0 ? {} : { whatIf: report.whatIf }),
      pointValues: report.pointValues,
      point: totals(result.point),
      pair: result.pair ?? null,
      factors: result.factors.map((f) => ({
        name: f.factor.name,
        inputs: f.factor.inputs,
        low: totals(f.low),
        high: totals(f.high),
        swings: totals(f.swings),
        gap: f.gap === undefined ? null : { low: plain(f.gap.low), high: plain(f.gap.high), swing: plain(f.gap.swing) },
      })),
    });
  },
  csv: (report, options) => {
    const { result } = report;
    const rows = result.factors.flatMap((f, rank) =>
      (['low', 'high'] as const).map((end) => [
        String(rank + 1),
        spreadsheetSafe(f.factor.name),
        end,
        spreadsheetSafe(f.factor.inputs.map((i) => `${i.path}=${i[end]}`).join(' ')),
        ...result.options.map((o) => plain(f[end].get(o)!)),
        f.gap === undefined ? null : plain(f.gap[end]),
        report.currency,
      ]),
    );
    return csvText(['rank', 'factor', 'end', 'values', ...result.options.map(spreadsheetSafe), 'gap', 'currency'], rows, { bom: options.bom });
  },
};

function endsText(f: RankedFactor, end: 'low' | 'high'): string {
  return f.factor.inputs.length === 1 ? visible(f.factor.inputs[0]![end]) : f.factor.inputs.map((i) => visible(i[end])).join(', ');
}

interface Measured {
  what: string;
  caption: string | undefined;
  at: (totals: Map<string, Decimal>) => Decimal;
}

/** The gap between the two cheapest at the mode, or with one option its total. */
function measureOf(result: Sensitivity): Measured {
  if (result.pair === undefined) return { what: `the total of ${visible(result.options[0]!)}`, caption: undefined, at: (t) => t.get(result.options[0]!)! };
  const { cheapest, runnerUp } = result.pair;
  return {
    what: `the gap ${visible(runnerUp)} − ${visible(cheapest)}`,
    caption: `Gap: ${visible(runnerUp)} − ${visible(cheapest)}, the two cheapest at the mode; below zero, ${visible(runnerUp)} is the cheaper. Ranked by how far each input moves it.`,
    at: (t) => t.get(runnerUp)!.minus(t.get(cheapest)!),
  };
}

function tornado(result: Sensitivity, measured: Measured, style: ReturnType<typeof createStyle>, currency: string): string[] {
  const center = measured.at(result.point);
  const ends = result.factors.map((f) => ({ name: visible(f.factor.name), low: measured.at(f.low), high: measured.at(f.high) }));
  const values = [center, ...ends.flatMap((e) => [e.low, e.high])];
  const lo = values.reduce((a, b) => (b.lt(a) ? b : a));
  const hi = values.reduce((a, b) => (b.gt(a) ? b : a));
  const cell = (v: Decimal) => (hi.eq(lo) ? Math.floor(BAR / 2) : Math.min(BAR - 1, Math.floor(v.minus(lo).div(hi.minus(lo)).times(BAR).toNumber())));
  const width = Math.max(...ends.map((e) => e.name.length));
  const mid = cell(center);
  return ends.map((e) => {
    const bar = Array.from({ length: BAR }, () => ' ');
    const paint = (to: Decimal, mark: string) => {
      const [a, b] = [Math.min(mid, cell(to)), Math.max(mid, cell(to))];
      for (let i = a; i <= b; i++) bar[i] = mark;
    };
    paint(e.low, '▒');
    paint(e.high, '█');
    bar[mid] = '│';
    return `${e.name.padEnd(width)}  ${style.bold(bar.join(''))}  ${formatSignedMoney(e.low, currency)} … ${formatSignedMoney(e.high, currency)}`;
  });
}
