/**
 * What every chart shares: the <svg> with its accessible name and description (a screen reader
 * reads the title and the summary; the table under the chart holds every figure), a legend that
 * names each series in words beside its colour and dash, and the axes' tick labels.
 */
import { clip, esc, px } from './markup.js';
import { seriesLook, segmentFill } from './palette.js';

export const WIDTH = 760;
/** Room for y tick labels on the left. */
export const LEFT = 76;
export const RIGHT = 20;
const LEGEND_ROW = 20;
/** An average character of the 12 px labels, to lay the legend out without measuring text. */
const CHAR = 7;

export interface ChartText {
  /** Unique on the page: the ids the title and description are referred to by. */
  id: string;
  title: string;
  /** A sentence or two a screen reader gives in place of the picture. */
  description: string;
}

export function svgOpen(chart: ChartText, height: number, kind: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="${kind}" viewBox="0 0 ${WIDTH} ${px(height)}" width="${WIDTH}" height="${px(height)}" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc">`,
    `<title id="${chart.id}-title">${esc(chart.title)}</title>`,
    `<desc id="${chart.id}-desc">${esc(chart.description)}</desc>`,
  ].join('');
}

export interface LegendEntry {
  name: string;
  /** The series' place in the palette. */
  look: number;
  /** A line sample (lines) or a filled square (bars). */
  mark: 'line' | 'box';
}

/** The legend, wrapped over as many rows as it needs, from `top`; returns its markup and height. */
export function legend(entries: readonly LegendEntry[], top: number): { markup: string; height: number } {
  if (entries.length === 0) return { markup: '', height: 0 };
  let x = LEFT;
  let y = top + 12;
  const items = entries.map((entry) => {
    const label = clip(entry.name, 40);
    const width = 22 + label.length * CHAR + 18;
    if (x + width > WIDTH - RIGHT && x > LEFT) {
      x = LEFT;
      y += LEGEND_ROW;
    }
    const item = `<g class="legend-item" transform="translate(${px(x)},${px(y)})">${swatch(entry)}<text x="22" y="4">${esc(label)}</text></g>`;
    x += width;
    return item;
  });
  return { markup: `<g class="legend">${items.join('')}</g>`, height: y - top + 14 };
}

function swatch(entry: LegendEntry): string {
  if (entry.mark === 'box') {
    const { fill, opacity } = segmentFill(entry.look);
    return `<rect x="0" y="-6" width="16" height="10" fill="${fill}" fill-opacity="${opacity}"/>`;
  }
  const { colour, dash } = seriesLook(entry.look);
  return `<line x1="0" x2="16" y1="0" y2="0" stroke="${colour}" stroke-width="2.5"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`;
}

/** Horizontal grid lines with their labels on the left: the money axis of line charts. */
export function yAxis(ticks: readonly number[], y: (v: number) => number, right: number, format: (v: number) => string, title: string, top: number): string {
  const lines = ticks.map((t) => `<line class="grid${t === 0 ? ' zero' : ''}" x1="${LEFT}" x2="${px(right)}" y1="${px(y(t))}" y2="${px(y(t))}"/><text class="tick" x="${LEFT - 6}" y="${px(y(t) + 4)}" text-anchor="end">${esc(format(t))}</text>`);
  return `<g class="axis y-axis">${lines.join('')}<text class="axis-title" x="${LEFT}" y="${px(top - 6)}">${esc(title)}</text></g>`;
}

/** Vertical grid lines with labels below: the money axis of bar charts, or a swept input. */
export function xAxis(ticks: readonly number[], x: (v: number) => number, top: number, bottom: number, format: (v: number) => string, title: string): string {
  const lines = ticks.map((t) => `<line class="grid${t === 0 ? ' zero' : ''}" x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(top)}" y2="${px(bottom)}"/><text class="tick" x="${px(x(t))}" y="${px(bottom + 16)}" text-anchor="middle">${esc(format(t))}</text>`);
  return `<g class="axis x-axis">${lines.join('')}<text class="axis-title" x="${WIDTH - RIGHT}" y="${px(bottom + 34)}" text-anchor="end">${esc(title)}</text></g>`;
}
