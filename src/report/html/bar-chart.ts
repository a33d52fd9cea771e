/**
 * Horizontal stacked bars, one row per option (or period), one segment per key (a category, a
 * party): the parts of a total side by side. Negative parts (a credit, a party that passes on
 * more than it is billed) stack leftwards from zero, so every segment keeps its true length.
 */
import { clip, esc, px } from './markup.js';
import { segmentFill } from './palette.js';
import { extentWithZero, linearScale } from './scale.js';
import { legend, svgOpen, WIDTH, xAxis, type ChartText } from './frame.js';

export interface BarRow {
  label: string;
  /** One per key. */
  values: readonly number[];
  /** The tooltip of each segment: its key and exact amount. */
  tips: readonly string[];
  /** Written after the bar: the row's exact total. */
  total: string;
}

export interface StackedBarSpec extends ChartText {
  keys: readonly { name: string; look: number }[];
  rows: readonly BarRow[];
  xTitle: string;
  xFormat: (value: number) => string;
}

/** Room for the row labels, and for the totals written after the longest bar. */
const LABELS = 170;
const TOTALS = 96;
const ROW = 28;
const BAR = 18;

export function stackedBars(spec: StackedBarSpec): string {
  const key = legend(spec.keys.map((k) => ({ name: k.name, look: k.look, mark: 'box' as const })), 4);
  const top = 4 + key.height + 12;
  const bottom = top + spec.rows.length * ROW;
  const height = bottom + 44;
  const [low, high] = extentWithZero(spec.rows.flatMap((row) => [negativeSum(row.values), positiveSum(row.values)]));
  const x = linearScale(low, high, LABELS, WIDTH - TOTALS);
  const rows = spec.rows.map((row, r) => {
    const y = top + r * ROW + (ROW - BAR) / 2;
    let [up, down] = [0, 0];
    const segments = row.values.map((value, k) => {
      if (value === 0) return '';
      const from = value > 0 ? up : down + value;
      if (value > 0) up += value;
      else down += value;
      const { fill, opacity } = segmentFill(spec.keys[k]!.look);
      return `<rect x="${px(x(from))}" y="${px(y)}" width="${px(Math.max(x(from + Math.abs(value)) - x(from), 0.5))}" height="${BAR}" fill="${fill}" fill-opacity="${opacity}" stroke="#fff" stroke-width="0.5"><title>${esc(row.tips[k] ?? '')}</title></rect>`;
    });
    const label = `<text class="row-label" x="${LABELS - 8}" y="${px(y + BAR / 2 + 4)}" text-anchor="end">${esc(clip(row.label, 22))}<title>${esc(row.label)}</title></text>`;
    const total = `<text class="bar-total" x="${px(x(up) + 6)}" y="${px(y + BAR / 2 + 4)}">${esc(row.total)}</text>`;
    return `<g class="bar-row" data-row="${esc(row.label)}">${label}${segments.join('')}${total}</g>`;
  });
  return [svgOpen(spec, height, 'bars'), key.markup, xAxis(x.ticks, x, top, bottom, spec.xFormat, spec.xTitle), ...rows, '</svg>'].join('');
}

function positiveSum(values: readonly number[]): number {
  return values.reduce((a, v) => (v > 0 ? a + v : a), 0);
}

function negativeSum(values: readonly number[]): number {
  return values.reduce((a, v) => (v < 0 ? a + v : a), 0);
}
