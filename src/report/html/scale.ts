/**
 * Axes: a linear map from values to pixels, and "nice" tick values (1, 2, 2.5 or 5 times a power
 * of ten) that cover the data. Pixels are floats; money never passes through here except as a
 * position, and every amount a reader sees is formatted from its exact decimal elsewhere.
 */
export interface Scale {
  (value: number): number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** Ticks from at or below `low` to at or above `high`, about `count` of them. Zero is always in range. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  let [min, max] = [Math.min(low, 0), Math.max(high, 0)];
  if (min === max) max = min + 1;
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = STEPS.find((s) => s * power >= rough)! * power;
  // amounts too small for a float's exponent (denormals) get the range itself as their ticks
  if (!(step > 0) || !Number.isFinite(step)) return [min, max];
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  // a step of 2.5 × 10^k written as a multiple, so 0.1 + 0.2 never shows as 0.30000000000000004
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** Maps [ticks[0], last tick] onto [from, to] (to may be less than from: a y axis grows upwards). */
export function linearScale(low: number, high: number, from: number, to: number, count?: number): Scale {
  const ticks = niceTicks(low, high, count);
  const d0 = ticks[0]!;
  const d1 = ticks[ticks.length - 1]!;
  const scale = ((value: number) => from + ((value - d0) / (d1 - d0)) * (to - from)) as Scale;
  scale.ticks = ticks;
  return scale;
}

/** Ticks for a range that need not include zero (a swept input from 50 000 to 150 000 sessions). */
export function rangeScale(low: number, high: number, from: number, to: number, count = 6): Scale {
  if (low === high) return linearScale(low - 1, high + 1, from, to, count);
  const step = niceTicks(0, high - low, count)[1]!;
  const ticks: number[] = [];
  for (let i = Math.ceil(low / step); i * step <= high + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  const scale = ((value: number) => from + ((value - low) / (high - low)) * (to - from)) as Scale;
  scale.ticks = ticks;
  return scale;
}

/** The lowest and highest of many values, zero included (a spread of arguments overflows the stack). */
export function extentWithZero(values: Iterable<number>): [number, number] {
  let [low, high] = [0, 0];
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}
