/**
 * Lines across a shared x axis: months (evenly spaced, labelled by period) or a swept input (on a
 * linear scale). Optional: a shaded band per series (a simulation's P5–P95), numbered markers on
 * a line (break-even months) and labelled vertical rules (where the cheapest option changes).
 * Every point carries its exact amount as a tooltip, without any script.
 */
import { clip, esc, px } from './markup.js';
import { seriesLook } from './palette.js';
import { extentWithZero, linearScale } from './scale.js';
import { legend, LEFT, RIGHT, svgOpen, WIDTH, yAxis, type ChartText } from './frame.js';

export interface LineSeries {
  name: string;
  /** One per x. */
  values: readonly number[];
  /** The tooltip of each point: the exact amount, formatted. */
  tips: readonly string[];
  band?: { low: readonly number[]; high: readonly number[] };
}

export interface LineChartSpec extends ChartText {
  /** In ascending order. */
  xs: readonly number[];
  xTicks: readonly { at: number; label: string }[];
  xTitle: string;
  yTitle: string;
  yFormat: (value: number) => string;
  series: readonly LineSeries[];
  /** A numbered ring on series `series` at (x, y); `label` says what happened there. */
  markers?: readonly { series: number; x: number; y: number; label: string }[];
  rules?: readonly { x: number; label: string }[];
}

const PLOT_HEIGHT = 260;
/** Dots on every point while they stay apart; past this many points the line alone. */
const MOST_DOTS = 60;

export function lineChart(spec: LineChartSpec): string {
  const key = legend(spec.series.map((s, i) => ({ name: s.name, look: i, mark: 'line' as const })), 4);
  const top = 4 + key.height + 22;
  const bottom = top + PLOT_HEIGHT;
  const height = bottom + 44;
  const [low, high] = extentWithZero(spec.series.flatMap((s) => [...s.values, ...(s.band?.low ?? []), ...(s.band?.high ?? [])]));
  const y = linearScale(low, high, bottom, top);
  const x0 = spec.xs[0] ?? 0;
  const x1 = spec.xs[spec.xs.length - 1] ?? 0;
  const [left, right] = [LEFT + 10, WIDTH - RIGHT - 10];
  const x = (v: number) => (x1 === x0 ? (left + right) / 2 : left + ((v - x0) / (x1 - x0)) * (right - left));
  const xTicks = spec.xTicks.map((t) => `<line class="tick-mark" x1="${px(x(t.at))}" x2="${px(x(t.at))}" y1="${px(bottom)}" y2="${px(bottom + 4)}"/><text class="tick" x="${px(x(t.at))}" y="${px(bottom + 16)}" text-anchor="middle">${esc(t.label)}</text>`);
  const series = spec.series.map((s, i) => seriesMarkup(s, i, spec.xs, x, y, spec.xs.length <= MOST_DOTS));
  const rules = (spec.rules ?? []).map((r, i) => `<g class="rule"><line x1="${px(x(r.x))}" x2="${px(x(r.x))}" y1="${px(top)}" y2="${px(bottom)}" stroke-dasharray="4 3"/><text x="${px(x(r.x) + 4)}" y="${px(top + 12 + (i % 3) * 14)}">${esc(clip(r.label, 48))}</text><title>${esc(r.label)}</title></g>`);
  const markers = (spec.markers ?? []).map((m, i) => {
    const { colour } = seriesLook(m.series);
    return `<g class="marker"><circle cx="${px(x(m.x))}" cy="${px(y(m.y))}" r="6" fill="#fff" stroke="${colour}" stroke-width="2.5"/><text x="${px(x(m.x))}" y="${px(y(m.y) - 10)}" text-anchor="middle">${i + 1}</text><title>${esc(`${i + 1}: ${m.label}`)}</title></g>`;
  });
  return [
    svgOpen(spec, height, 'line'),
    key.markup,
    yAxis(y.ticks, y, WIDTH - RIGHT, spec.yFormat, spec.yTitle, top),
    `<g class="axis x-axis"><line class="baseline" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(bottom)}" y2="${px(bottom)}"/>${xTicks.join('')}<text class="axis-title" x="${WIDTH - RIGHT}" y="${px(bottom + 34)}" text-anchor="end">${esc(spec.xTitle)}</text></g>`,
    ...rules,
    ...series,
    ...markers,
    '</svg>',
  ].join('');
}

function seriesMarkup(s: LineSeries, index: number, xs: readonly number[], x: (v: number) => number, y: (v: number) => number, dots: boolean): string {
  const { colour, dash } = seriesLook(index);
  const points = xs.map((v, i) => `${px(x(v))},${px(y(s.values[i]!))}`).join(' ');
  const band = s.band === undefined ? '' : `<polygon class="band" fill="${colour}" fill-opacity="0.15" points="${[...xs.map((v, i) => `${px(x(v))},${px(y(s.band!.high[i]!))}`), ...xs.map((v, i) => `${px(x(v))},${px(y(s.band!.low[i]!))}`).reverse()].join(' ')}"/>`;
  const line = `<polyline fill="none" stroke="${colour}" stroke-width="2.5"${dash === '' ? '' : ` stroke-dasharray="${dash}"`} points="${points}"><title>${esc(s.name)}</title></polyline>`;
  // a single point has no line to show: it always gets its dot
  const dotted = dots || xs.length === 1 ? xs.map((v, i) => `<circle cx="${px(x(v))}" cy="${px(y(s.values[i]!))}" r="3" fill="${colour}"><title>${esc(s.tips[i] ?? '')}</title></circle>`).join('') : '';
  return `<g class="series" data-series="${esc(s.name)}">${band}${line}${dotted}</g>`;
}
