/**
 * How a simulated total is spread: a box per option (the middle half of the trials in the box,
 * the median across it, whiskers out to the outer percentiles, the mean as a dot), and a
 * histogram per option on one shared axis, so the shapes can be compared as well as the ranges.
 */
import type { Box } from '../../analysis/simulation.js';
import { clip, esc, px } from './markup.js';
import { segmentFill, seriesLook } from './palette.js';
import { rangeScale } from './scale.js';
import { svgOpen, WIDTH, xAxis, RIGHT, type ChartText } from './frame.js';

export interface BoxRow extends Box {
  label: string;
  /** Every figure of the row, exactly, for the tooltip. */
  tip: string;
}

export interface BoxChartSpec extends ChartText {
  rows: readonly BoxRow[];
  /** What the whiskers and box span, in words: "whiskers P5–P95, box P25–P75". */
  key: string;
  xTitle: string;
  xFormat: (value: number) => string;
}

const LABELS = 170;
const ROW = 34;
const BOX = 18;

export function boxChart(spec: BoxChartSpec): string {
  const key = `<text class="note" x="${LABELS}" y="16">${esc(spec.key)}</text>`;
  const top = 30;
  const bottom = top + spec.rows.length * ROW;
  const x = rangeScale(Math.min(...spec.rows.map((r) => r.low)), Math.max(...spec.rows.map((r) => r.high)), LABELS + 10, WIDTH - RIGHT - 10);
  const rows = spec.rows.map((row, r) => {
    const { colour } = seriesLook(r);
    const mid = top + r * ROW + ROW / 2;
    return [
      `<g class="box-row" data-row="${esc(row.label)}"><title>${esc(row.tip)}</title>`,
      `<text class="row-label" x="${LABELS - 8}" y="${px(mid + 4)}" text-anchor="end">${esc(clip(row.label, 22))}</text>`,
      `<line x1="${px(x(row.low))}" x2="${px(x(row.high))}" y1="${px(mid)}" y2="${px(mid)}" stroke="${colour}" stroke-width="1.5"/>`,
      ...[row.low, row.high].map((v) => `<line x1="${px(x(v))}" x2="${px(x(v))}" y1="${px(mid - BOX / 3)}" y2="${px(mid + BOX / 3)}" stroke="${colour}" stroke-width="1.5"/>`),
      `<rect x="${px(x(row.q1))}" y="${px(mid - BOX / 2)}" width="${px(Math.max(x(row.q3) - x(row.q1), 1))}" height="${BOX}" fill="${colour}" fill-opacity="0.25" stroke="${colour}" stroke-width="1.5"/>`,
      `<line x1="${px(x(row.median))}" x2="${px(x(row.median))}" y1="${px(mid - BOX / 2)}" y2="${px(mid + BOX / 2)}" stroke="${colour}" stroke-width="3"/>`,
      `<circle cx="${px(x(row.mean))}" cy="${px(mid)}" r="3" fill="#fff" stroke="${colour}" stroke-width="1.5"/>`,
      '</g>',
    ].join('');
  });
  return [svgOpen(spec, bottom + 44, 'box'), key, xAxis(x.ticks, x, top, bottom, spec.xFormat, spec.xTitle), ...rows, '</svg>'].join('');
}

export interface HistogramSpec extends ChartText {
  /** Bin edges, ascending: bins + 1 of them. */
  edges: readonly number[];
  /** One panel per option: trials per bin. */
  rows: readonly { label: string; counts: readonly number[] }[];
  xTitle: string;
  xFormat: (value: number) => string;
  /** The tooltip of bin b of row r. */
  tip: (row: number, bin: number) => string;
}

const PANEL = 56;

export function histograms(spec: HistogramSpec): string {
  const top = 10;
  const bottom = top + spec.rows.length * PANEL;
  const x = rangeScale(spec.edges[0]!, spec.edges[spec.edges.length - 1]!, LABELS + 10, WIDTH - RIGHT - 10);
  const panels = spec.rows.map((row, r) => {
    const base = top + (r + 1) * PANEL - 4;
    const most = Math.max(1, ...row.counts);
    const { fill } = segmentFill(r);
    const bars = row.counts.map((count, b) => {
      if (count === 0) return '';
      const h = (count / most) * (PANEL - 12);
      return `<rect x="${px(x(spec.edges[b]!))}" y="${px(base - h)}" width="${px(Math.max(x(spec.edges[b + 1]!) - x(spec.edges[b]!) - 1, 0.5))}" height="${px(h)}" fill="${fill}"><title>${esc(spec.tip(r, b))}</title></rect>`;
    });
    return `<g class="series" data-series="${esc(row.label)}"><text class="row-label" x="${LABELS - 8}" y="${px(base - 4)}" text-anchor="end">${esc(clip(row.label, 22))}</text><line class="baseline" x1="${LABELS}" x2="${WIDTH - RIGHT}" y1="${px(base)}" y2="${px(base)}"/>${bars.join('')}</g>`;
  });
  return [svgOpen(spec, bottom + 44, 'histogram'), xAxis(x.ticks, x, top, bottom, spec.xFormat, spec.xTitle), ...panels, '</svg>'].join('');
}
