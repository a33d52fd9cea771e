/**
 * `cloudtco replay <usage-file|dir…> --scenario <scenario>` (or `--option id=cloud/region/deployment`):
 * what observed requests would have cost at each option. Reads the logs record by record
 * (io/usage-reader.ts), adds them up by day, model and prompt band (engine/usage-buckets.ts),
 * prices the sums at every option (engine/replay.ts) and reports them as compare does.
 */
import path from 'node:path';
import type { Breakdown } from '../../analysis/breakdown.js';
import { compare } from '../../analysis/compare.js';
import { replay } from '../../engine/replay.js';
import { UsageBuckets } from '../../engine/usage-buckets.js';
import { isIsoDate } from '../../model/period.js';
import { catalogDirs, catalogFiles, loadCatalogs } from '../../io/catalog-dir.js';
import { displayPath } from '../../io/read-text.js';
import { loadScenario, locateProblems, type LoadedScenario } from '../../io/scenario-file.js';
import { layoutOf } from '../../io/usage-layouts.js';
import { readUsage, type UsageSink } from '../../io/usage-reader.js';
import { calibratedScenarioText } from '../../io/calibrated-scenario.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { readText } from '../../io/read-text.js';
import { UsageCalibration } from '../../engine/calibration.js';
import { addMonths } from '../../model/period.js';
import type { Catalog } from '../../model/catalog.js';
import { formatDiagnostic, InputError, type Diagnostic } from '../../model/diagnostic.js';
import { catalogModelOf } from '../../model/model-id.js';
import { scenarioSchema } from '../../model/scenario.js';
import { schemaDiagnostics } from '../../io/schema-diagnostics.js';
import { DAY_MS, dayNumber, periodOf } from '../../model/timestamp.js';
import { compareRenderers } from '../../report/compare.js';
import { replayedLines } from '../../report/replayed.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit, type OutputOptions } from '../output.js';
import type { ReportFormat } from '../../report/renderer.js';
import { withCatalogHint } from '../run-scenario.js';

export interface ReplayOptions extends OutputOptions<ReportFormat> {
  scenario?: string;
  option: string[];
  preset?: string;
  map: string[];
  model?: string;
  modelMap: string[];
  strict?: boolean;
  catalog: string[];
  set: string[];
  by?: Breakdown;
  pricesOn?: string;
  emitScenario?: string;
}

export async function replayCommand(usage: readonly string[], options: ReplayOptions, io: CliIo): Promise<number> {
  if (options.lineItems && options.format !== 'json') throw new InputError([{ message: `--line-items needs --format json (got --format ${options.format})` }]);
  if ((options.scenario === undefined) === (options.option.length === 0)) {
    throw new InputError([{ message: 'give the options to price the usage at: --scenario <file>, or one --option id=cloud/region/deployment[/tier] each' }]);
  }
  const { layout, problems } = layoutOf(options.preset, options.map);
  const maps = modelMaps(options.modelMap);
  if (problems.length > 0 || maps.problems.length > 0) throw new InputError([...problems, ...maps.problems]);

  const pricesOn = options.pricesOn === undefined ? undefined : dayOf(options.pricesOn);
  const dirs = catalogDirs(options.catalog, io.cwd);
  const catalog = await loadCatalogs(dirs);
  const known = new Set(catalog.models.map((row) => row.model));
  const modelOf = (logged: string) => catalogModelOf(logged, known, maps.map);
  const thresholdsOf = thresholdsIn(catalog);
  const buckets = new UsageBuckets({ modelOf, thresholdsOf });
  const calibration = options.emitScenario === undefined ? undefined : new UsageCalibration(modelOf, thresholdsOf);
  const sink: UsageSink =
    calibration === undefined
      ? buckets
      : {
          add: (record) => (buckets.add(record), calibration.add(record)),
          addTotals: (...row) => (buckets.addTotals(...row), calibration.addTotals(...row)),
        };
  const summary = await readUsage(usage, { layout, model: options.model, strict: options.strict === true, cwd: io.cwd }, sink);
  if (summary.records === 0) {
    const why = summary.bad === 0 ? 'they hold no requests' : `every record was bad; the first: ${formatDiagnostic(summary.firstBad[0]!)}`;
    throw new InputError([{ message: `no requests read from ${summary.files.length === 1 ? summary.files[0] : `${summary.files.length} files`}: ${why}` }]);
  }
  const loaded = options.scenario === undefined ? scenarioOfOptions(options.option, periodOf(buckets.first!)) : await loadScenario(path.resolve(io.cwd, options.scenario), displayPath(options.scenario, io.cwd), options.set);
  let priced;
  try {
    priced = withCatalogHint(dirs, catalog, () => replay(loaded.scenario, catalog, buckets.buckets(), pricesOn));
  } catch (error) {
    // problems of the logs (a model no catalog prices) have no place in the scenario
    if (error instanceof InputError) throw new InputError(error.diagnostics.flatMap((d) => (d.path === undefined ? [d] : locateProblems(loaded, [d]))));
    throw error;
  }
  const report = compare({
    scenario: loaded.scenario,
    scenarioFile: loaded.file,
    catalog,
    periods: priced.periods,
    lineItems: priced.lineItems,
    fallbacks: priced.fallbacks,
    by: options.by,
    whatIf: loaded.overrides,
    replayed: {
      files: summary.files,
      records: summary.records,
      requests: buckets.requests,
      duplicates: summary.duplicates,
      passedOver: summary.passedOver,
      bad: summary.bad,
      firstBad: summary.firstBad,
      first: buckets.first!,
      last: buckets.last!,
      models: [...buckets.recordedModels].map(([logged, priced]) => ({ logged, priced })),
    },
  });
  const inputs = [...(options.scenario === undefined ? [] : [path.resolve(io.cwd, options.scenario)]), ...catalogFiles(dirs), ...usage.map((u) => path.resolve(io.cwd, u))];
  if (calibration !== undefined) {
    const workloads = calibration.workloads();
    const text = calibratedScenarioText({
      baseText: options.scenario === undefined ? undefined : await readText(path.resolve(io.cwd, options.scenario), displayPath(options.scenario, io.cwd)),
      options: loaded.scenario.options.map((o) => ({ id: o.id, model: { cloud: o.model.cloud, region: o.model.region, deployment: o.model.deployment, tier: o.model.tier } })),
      workloads,
      // the month after the logs; or, priced on a later day, that day's month
      start: pricesOn === undefined ? addMonths(periodOf(buckets.last!), 1) : periodOf(pricesOn * DAY_MS),
      source: `${buckets.requests.toLocaleString('en-US')} requests in ${summary.files.length === 1 ? summary.files[0] : `${summary.files.length} files`}, ${new Date(buckets.first!).toISOString()} to ${new Date(buckets.last!).toISOString()}`,
    });
    await writeFileAtomic(path.resolve(io.cwd, options.emitScenario!), text, displayPath(options.emitScenario!, io.cwd), inputs);
    io.stderr.write(`wrote ${displayPath(options.emitScenario!, io.cwd)}: ${workloads.length} workload${workloads.length === 1 ? '' : 's'} calibrated\n`);
  }
  // a CSV holds figures only: what was passed over is said beside it
  if (options.format === 'csv' && summary.bad > 0) io.stderr.write(`${replayedLines(report.replayed!).warnings.join('\n')}\n`);
  await emit(compareRenderers[options.format], report, options, io, inputs);
  return EXIT.ok;
}

/** `--prices-on 2026-12-01`: the day, counted from 1970. */
function dayOf(text: string): number {
  if (!isIsoDate(text)) throw new InputError([{ message: `--prices-on: expected a date like 2026-12-01, got "${text}"` }]);
  return dayNumber(text);
}

/** `--model-map logged=catalog`, each. */
function modelMaps(args: readonly string[]): { map: Map<string, string>; problems: Diagnostic[] } {
  const map = new Map<string, string>();
  const problems: Diagnostic[] = [];
  for (const arg of args) {
    const at = arg.lastIndexOf('=');
    if (at <= 0 || at === arg.length - 1) problems.push({ message: `--model-map: expected logged=catalog, like claude-3-7-sonnet-latest=claude-sonnet-4-6, got "${arg}"` });
    else map.set(arg.slice(0, at).trim(), arg.slice(at + 1).trim());
  }
  return { map, problems };
}

/** Each model's long-context thresholds, at any placement, ascending. */
function thresholdsIn(catalog: Catalog): (model: string) => number[] {
  const byModel = new Map<string, Set<number>>();
  for (const row of catalog.models) {
    if (row.promptOver === undefined) continue;
    const set = byModel.get(row.model) ?? new Set<number>();
    byModel.set(row.model, set.add(row.promptOver.toNumber()));
  }
  return (model) => [...(byModel.get(model) ?? [])].sort((a, b) => a - b);
}

/**
 * A scenario of the options given on the command line, `id=cloud/region/deployment[/tier]`,
 * checked by the scenario's own schema; its one workload is a placeholder replay never prices.
 */
function scenarioOfOptions(args: readonly string[], start: string): LoadedScenario {
  const problems: Diagnostic[] = [];
  const options = args.map((arg) => {
    const match = /^([^=]+)=([^/]+)\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(arg.trim());
    if (match === null) {
      problems.push({ file: `--option ${arg}`, message: 'expected id=cloud/region/deployment or id=cloud/region/deployment/tier, like bedrock=aws/us-east-1/in-region' });
      return undefined;
    }
    const [, id, cloud, region, deployment, tier] = match as unknown as string[];
    return { id: id!.trim(), model: { cloud, region, deployment, ...(tier === undefined ? {} : { tier }) } };
  });
  if (problems.length > 0) throw new InputError(problems);
  const data = {
    name: 'replayed usage',
    // scalars as the YAML reader gives them: text, for the schema to parse exactly
    horizon: { start, months: '1' },
    workloads: [{ id: 'replayed', model: 'replayed', sessions_per_month: '0', turns_per_session: '1', tokens_per_call: { input: '0', output: '0' } }],
    options,
  };
  const where = (p: readonly (string | number)[]) => ({ file: p[0] === 'options' && typeof p[1] === 'number' ? `--option ${args[p[1]]}` : '--option' });
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new InputError(schemaDiagnostics(result.error.issues, scenarioSchema, where));
  return { scenario: result.data, file: '--option', where, overrides: [], uncertain: [] };
}
