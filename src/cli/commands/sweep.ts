/**
 * `cloudtco sweep <scenario> --vary path=from..to:step`: every option's total at each value of
 * one input (paths as `--set` reads them), and where the cheapest option changes (analysis/sweep.ts).
 */
import { pointsOf, sweep } from '../../analysis/sweep.js';
import { written } from '../../io/uncertain-inputs.js';
import { InputError } from '../../model/diagnostic.js';
import { dec, type Decimal } from '../../model/money.js';
import { parseBytes, parseCount, parseDuration, parsePercent } from '../../model/quantity.js';
import { sweepRenderers } from '../../report/sweep.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import type { ReportFormat } from '../../report/renderer.js';
import type { ScenarioInputs } from '../run-scenario.js';
import { loadVariants, totalsByOption } from '../scenario-variants.js';

export interface SweepOptions extends OutputOptions<ReportFormat>, ScenarioInputs {
  vary: string[];
}

/** How far a sweep may go: each point is a whole pricing of the scenario. */
const MAX_POINTS = 1000;

/** The kinds of value a sweep reads: written, parsed, and the unit a crossover is found to. */
const KINDS = [
  { kind: 'percent', test: (t: string) => /%\s*$/.test(t), parse: parsePercent, unit: dec('0.0001') },
  { kind: 'bytes', test: (t: string) => /B\s*$/.test(t), parse: parseBytes, unit: dec('1') },
  { kind: 'duration', test: (t: string) => /\d\s*[hdw]\s*$/.test(t), parse: parseDuration, unit: dec('1') },
  { kind: 'count', test: () => true, parse: parseCount, unit: dec('1') },
] as const;

interface Varied {
  path: string;
  values: Decimal[];
  unit: Decimal;
  written: (value: Decimal) => string;
}

/** `path=from..to:step`, read in the kind of its values. */
function variedOf(arg: string): Varied {
  const spec = /^([^=]+)=([^.]+)\.\.([^:]+):(.+)$/.exec(arg.trim());
  if (spec === null) throw new InputError([{ message: `--vary: expected path=from..to:step, like workloads.0.growth=1%..10%:1%, got "${arg}"` }]);
  const [, inputPath, fromText, toText, stepText] = spec as unknown as [string, string, string, string, string];
  const kind = KINDS.find((k) => k.test(fromText))!;
  const [from, to, step] = [fromText, toText, stepText].map((t) => kind.parse(t.trim()));
  if (from === undefined || to === undefined || step === undefined) throw new InputError([{ message: `--vary: from, to and step must be values of one kind (5%, 250k, 24KiB), got "${fromText}", "${toText}", "${stepText}"` }]);
  if (step.lte(0) || to.lt(from)) throw new InputError([{ message: '--vary: expected from ≤ to and a step above 0' }]);
  if (to.minus(from).div(step).gte(MAX_POINTS)) throw new InputError([{ message: `--vary: ${to.minus(from).div(step).floor().plus(1).toFixed()} points; a sweep takes at most ${MAX_POINTS}` }]);
  return { path: inputPath.trim(), values: pointsOf(from, to, step), unit: kind.unit, written: (value) => written(kind, value) };
}

export async function sweepCommand(scenarioFile: string, options: SweepOptions, io: CliIo): Promise<number> {
  if (options.vary.length === 0 || options.vary.length > 2) throw new InputError([{ message: `--vary: give one or two inputs to sweep, got ${options.vary.length}` }]);
  const [first, second] = options.vary.map(variedOf) as [Varied, Varied | undefined];
  const count = first.values.length * (second?.values.length ?? 1);
  if (count > MAX_POINTS) throw new InputError([{ message: `--vary: ${count} points in all; a sweep takes at most ${MAX_POINTS}` }]);

  const variants = await loadVariants(scenarioFile, options, io);
  const evaluateWith = (fixed: string[]) => async (value: Decimal) => totalsByOption(await variants.price([...fixed, `${first.path}=${first.written(value)}`]));
  const series = [];
  for (const outer of second?.values ?? [undefined]) {
    const fixed = outer === undefined ? [] : [`${second!.path}=${second!.written(outer)}`];
    series.push({ outer: outer === undefined ? undefined : second!.written(outer), result: await sweep(first.values, first.unit, evaluateWith(fixed)) });
  }
  const { scenario, file } = variants.base.loaded;
  const report = { scenario: { name: scenario.name, file }, currency: scenario.currency, input: first.path, outerInput: second?.path, options: scenario.options.map((o) => o.id), written: first.written, series };
  await emit(sweepRenderers[options.format], report, options, io, variants.inputs);
  return EXIT.ok;
}
