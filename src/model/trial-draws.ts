/**
 * What one trial of a simulation draws: a uniform number for each driver, and for each input
 * that names none, from the trial's own stream (random.ts), in the order the inputs appear;
 * each input's value is its distribution's inverse at its uniform number (distribution.ts).
 * Inputs naming one driver read one number, so they move together: all high or all low in the
 * same trial. The stream depends only on the seed and the trial's number, so a trial draws the
 * same values in any worker.
 */
import { drawAt, type Bounds, type Distribution } from './distribution.js';
import { RandomStream } from './random.js';

export interface Drawable {
  distribution: Distribution;
  bounds: Bounds;
  driver: string | undefined;
}

export interface TrialDraws {
  inputs: readonly Drawable[];
  /** For each input, which of the trial's uniform numbers it reads. */
  slots: number[];
  /** How many uniform numbers a trial takes. */
  count: number;
}

export function trialDraws(inputs: readonly Drawable[]): TrialDraws {
  const drivers = new Map<string, number>();
  let count = 0;
  const slots = inputs.map((input) => {
    if (input.driver === undefined) return count++;
    const slot = drivers.get(input.driver) ?? count++;
    drivers.set(input.driver, slot);
    return slot;
  });
  return { inputs, slots, count };
}

/** The trial's value of every input, into `values`. */
export function drawTrial(draws: TrialDraws, seed: number, trial: number, values: Float64Array, uniforms = new Float64Array(draws.count)): void {
  const stream = new RandomStream(seed, trial);
  for (let i = 0; i < draws.count; i++) uniforms[i] = stream.next();
  for (let i = 0; i < draws.inputs.length; i++) {
    const input = draws.inputs[i]!;
    values[i] = drawAt(input.distribution, uniforms[draws.slots[i]!]!, input.bounds);
  }
}
