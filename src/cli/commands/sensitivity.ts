/**
 * `cloudtco sensitivity <scenario>`: each uncertain input (or each driver's inputs together) at
 * its low and high end, the others at their mode or mean; ranked as a tornado (analysis/sensitivity.ts).
 */
import { sensitivity, type Factor, type FactorOutcome } from '../../analysis/sensitivity.js';
import { pointValuesOf, settablePath, writtenNumber, type UncertainInput } from '../../io/uncertain-inputs.js';
import { formatPath, InputError } from '../../model/diagnostic.js';
import { endsOf } from '../../model/distribution.js';
import { sensitivityRenderers } from '../../report/sensitivity.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import type { ScenarioInputs } from '../run-scenario.js';
import { loadVariants, totalsByOption } from '../scenario-variants.js';

export interface SensitivityOptions extends OutputOptions, ScenarioInputs {}

export async function sensitivityCommand(scenarioFile: string, options: SensitivityOptions, io: CliIo): Promise<number> {
  const variants = await loadVariants(scenarioFile, options, io);
  const { loaded } = variants.base;
  if (loaded.uncertain.length === 0) throw new InputError([{ file: loaded.file, line: 1, col: 1, message: 'no input is given as a range (triangular, pert, uniform, normal or lognormal), so there is nothing to move; see the README, "What-if with ranges"' }]);
  const outcomes: FactorOutcome[] = [];
  for (const factor of factorsOf(loaded.uncertain)) {
    const at = async (end: 'low' | 'high') => totalsByOption(await variants.price(factor.inputs.map((i) => `${i.path}=${i[end]}`)));
    outcomes.push({ factor, low: await at('low'), high: await at('high') });
  }
  const report = {
    scenario: { name: loaded.scenario.name, file: loaded.file },
    currency: loaded.scenario.currency,
    result: sensitivity(totalsByOption(variants.base), outcomes),
    whatIf: loaded.overrides,
    pointValues: pointValuesOf(loaded.uncertain),
  };
  await emit(sensitivityRenderers[options.format], report, options, io, variants.inputs);
  return EXIT.ok;
}

/** What sensitivity moves: each input alone, or each driver's inputs together, in the scenario's order. */
function factorsOf(inputs: readonly UncertainInput[]): Factor[] {
  const factors: Factor[] = [];
  const byDriver = new Map<string, Factor>();
  for (const input of inputs) {
    const { low, high } = endsOf(input.distribution, input.bounds);
    const moved = { path: settablePath(input), low: writtenNumber(input, low), high: writtenNumber(input, high) };
    if (input.driver === undefined) {
      factors.push({ name: formatPath(input.path), inputs: [moved] });
      continue;
    }
    const shared = byDriver.get(input.driver);
    if (shared !== undefined) shared.inputs.push(moved);
    else {
      const factor = { name: `driver ${input.driver}`, inputs: [moved] };
      byDriver.set(input.driver, factor);
      factors.push(factor);
    }
  }
  return factors;
}
