/**
 * Colours a reader with any kind of colour vision can tell apart: Okabe and Ito's palette
 * (https://jfly.uni-koeln.de/color/), in an order that puts the colours with the most contrast
 * on white first, its yellow left out (it vanishes on white paper). Past seven series the colours
 * come round again with a dash pattern, so no two lines look alike; legends, tooltips and the
 * tables under each chart name every series in words as well.
 */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
const DASHES = ['', '6 3', '2 3', '8 3 2 3'] as const;

export interface SeriesLook {
  colour: string;
  /** stroke-dasharray for lines; empty for solid */
  dash: string;
}

export function seriesLook(index: number): SeriesLook {
  return { colour: COLOURS[index % COLOURS.length]!, dash: DASHES[Math.floor(index / COLOURS.length) % DASHES.length]! };
}

/** Fills for stacked segments: the same colours, with a hatch-free lighter second round. */
export function segmentFill(index: number): { fill: string; opacity: string } {
  return { fill: COLOURS[index % COLOURS.length]!, opacity: Math.floor(index / COLOURS.length) % 2 === 0 ? '1' : '0.55' };
}
