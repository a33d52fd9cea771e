/**
 * The command line: `run(argv, io)` parses arguments, runs one command and returns its exit
 * code; only bin/ calls process.exit. Each command's module is imported when that command
 * runs, so `cloudtco --version` loads commander and nothing else.
 */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { formatDiagnostic, InputError, type Diagnostic } from '../model/diagnostic.js';
import { visibleLines } from '../model/safe-text.js';
import { OutputError } from '../io/output-error.js';
import { workflowCommand } from '../report/workflow-commands.js';
import { BREAKDOWNS } from '../analysis/breakdown.js';
import { PERIOD_GROUPINGS } from '../model/period.js';
import { CHECK_FORMATS } from '../report/check-formats.js';
import { DIFF_FORMATS } from '../report/diff-formats.js';
import { COMPARE_FORMATS } from '../report/compare-formats.js';
import { PRESET_NAMES, SQL_DIALECTS } from '../io/usage-choices.js';
import { EXPORT_FORMATS } from '../report/export-formats.js';
import { OPTIMIZE_FORMATS } from '../report/optimize-formats.js';
import { FORMATS, REPORT_FORMATS } from '../report/renderer.js';
import { EXIT, type CliIo } from './cli-io.js';
import { examplesText } from './help-examples.js';

export { EXIT, type CliIo } from './cli-io.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // the version alone needs none of the commands built: answered before commander is set up
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const { Argument, Command, CommanderError, Option } = await import('commander');
  let exitCode: number = EXIT.ok;
  // `check --format github` reports bad input as error annotations too, so CI shows where it is
  let annotateProblems = false;
  const program = new Command('cloudtco')
    .description('Total cost of ownership of AI workloads across clouds: what an agent platform costs on each cloud, month by month, and why.')
    .version(version(), '-V, --version')
    .option('--no-color', 'plain text, no ANSI colour (also: NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      // commander quotes arguments back, and an argument may hold anything
      writeErr: (s) => io.stderr.write(visibleLines(s)),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => 80,
    });

  const catalogOption = () => new Option('--catalog <dir>', 'pricing catalog directory; repeat to layer catalogs, later over earlier (default, or @bundled: the shipped pricing-data/)').argParser(collect);
  const formatOption = () => new Option('--format <format>', 'output format').choices(FORMATS).default('table');
  const reportFormatOption = () => new Option('--format <format>', 'output format: html for a page of charts and tables').choices(REPORT_FORMATS).default('table');
  const outOption = () => new Option('--out <file>', 'write the report to a file (atomically) instead of stdout');
  const setOption = () => new Option('--set <path=value>', 'change a scenario value before it is checked, e.g. workloads.0.growth=6% (repeatable)').argParser(collect);
  // commander hands options over untyped; each command module declares the shape it reads
  // repeatable options start empty here rather than as commander defaults, which help would print as "[]"
  const withGlobals = <T>(options: object, command: Command) => ({ catalog: [], set: [], ...options, color: command.optsWithGlobals().color as boolean }) as T;
  const done = (code: number) => {
    exitCode = code;
  };

  program
    .command('compare')
    .description('compare the placement options of a scenario: totals, categories, the cheapest and the differences')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(new Option('--by <breakdown>', 'add a breakdown by period, cloud or workload').choices(BREAKDOWNS))
    .addOption(new Option('--format <format>', 'output format: markdown for pull requests, html for a page of charts and tables').choices(COMPARE_FORMATS).default('table'))
    .addOption(outOption())
    .option('--line-items', 'include every line item (JSON only)')
    .option('--no-chart', 'no bars or sparklines under the table (they are drawn only on a terminal)')
    .action(async (scenario: string, options, command: Command) => {
      const { compareCommand } = await import('./commands/compare.js');
      done(await compareCommand(scenario, withGlobals(options, command), io));
    });

  program
    .command('sweep')
    .description('every option\'s total as one input varies, and where the cheapest option changes')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption('--vary <path=from..to:step>', 'the input to vary, as --set names it: workloads.0.growth=1%..10%:1%', collect)
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(reportFormatOption())
    .addOption(outOption())
    .action(async (scenario: string, options, command: Command) => {
      const { sweepCommand } = await import('./commands/sweep.js');
      done(await sweepCommand(scenario, withGlobals(options, command), io));
    });

  program
    .command('simulate')
    .description('Monte Carlo: draw every input given as a range, trial after trial; percentiles of each option\'s cost and the odds each is the cheapest')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--trials <n>', 'how many trials', '10000')
    .option('--seed <n>', 'the random seed: the same seed gives the same numbers on any machine', '1')
    .option('--percentiles <list>', 'percentiles to report', '5,50,95')
    .option('--workers <n>', 'threads to run trials on (default: one per core)')
    .option('--exact', 'price every trial with the exact engine, not the fast path')
    .option('--raw', 'every trial\'s drawn inputs and totals, as CSV')
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(reportFormatOption())
    .addOption(outOption())
    .action(async (scenario: string, options, command: Command) => {
      const { simulateCommand } = await import('./commands/simulate.js');
      done(await simulateCommand(scenario, withGlobals(options, command), io));
    });

  program
    .command('sensitivity')
    .description('a tornado: each input given as a range at its low and high end, ranked by how far it moves the totals and the gap between the two cheapest options')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(formatOption())
    .addOption(outOption())
    .option('--no-chart', 'no tornado under the table (it is drawn only on a terminal)')
    .action(async (scenario: string, options, command: Command) => {
      const { sensitivityCommand } = await import('./commands/sensitivity.js');
      done(await sensitivityCommand(scenario, withGlobals(options, command), io));
    });

  program
    .command('optimize')
    .description('the cheapest placement of each workload under the scenario\'s rules, against the best predefined option')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(new Option('--objective <objective>', 'what to minimise (default: the scenario\'s optimize.objective, or total)').choices(['total', 'npv']))
    .addOption(new Option('--search <method>', `auto: every plan when there are at most 4,096, else local search; local: local search however few`).choices(['auto', 'local']).default('auto'))
    .option('--max-plans <n>', 'plans a local search prices at most (default: about 200 000 workload-months of pricing)')
    .option('--emit-scenario <file>', 'also write the scenario with the plan added as an option')
    .option('--plan-id <id>', 'the id of the plan\'s option in --emit-scenario', 'optimized')
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(new Option('--format <format>', 'output format').choices(OPTIMIZE_FORMATS).default('table'))
    .addOption(outOption())
    .action(async (scenario: string, options, command: Command) => {
      const { optimizeCommand } = await import('./commands/optimize.js');
      done(await optimizeCommand(scenario, withGlobals(options, command), io));
    });

  const replay = program
    .command('replay')
    .description('what observed requests (usage logs) would have cost at each option of a scenario')
    .argument('<usage...>', 'usage logs: CSV or JSONL files (gzipped too), or directories of them')
    .option('--scenario <file>', 'price the requests at this scenario\'s options')
    .option('--option <id=cloud/region/deployment[/tier]>', 'or at placements given here, e.g. bedrock=aws/us-east-1/in-region (repeatable)', collect)
    .addOption(new Option('--preset <layout>', 'the logs\' layout').choices(PRESET_NAMES))
    .option('--map <field=column>', 'where a field is: a CSV column or a JSON path, e.g. input_total=prompt_tokens (repeatable; see README)', collect)
    .option('--model <id>', 'the model of requests whose log names none')
    .option('--model-map <logged=catalog>', 'price a model the logs name as a catalog model (repeatable)', collect)
    .option('--prices-on <date>', 'price every request at the catalog\'s prices on this date (default: each on its own day)')
    .option('--strict', 'any bad record is an error (by default bad records are counted and shown)')
    .option('--emit-scenario <file>', 'also write the scenario with workloads calibrated from the logs, to project them forward')
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(new Option('--by <breakdown>', 'add a breakdown by period, model, cloud or category').choices(BREAKDOWNS))
    .addOption(reportFormatOption())
    .addOption(outOption())
    .option('--line-items', 'include every line item (JSON only)')
    .action(async (usage: string[], options, command: Command) => {
      const { replayCommand } = await import('./commands/replay.js');
      done(await replayCommand(usage, withGlobals({ option: [], map: [], modelMap: [], ...options }, command), io));
    });
  replay
    .command('sql')
    .description('print the SQL that adds up a table of raw requests into the aggregated usage replay reads (--preset aggregated)')
    .addOption(new Option('--dialect <dialect>', 'the SQL engine').choices(SQL_DIALECTS).makeOptionMandatory())
    .option('--table <name>', 'the table of requests, one row each', 'usage')
    .option('--map <field=column>', 'the table\'s column for a field (time, model, input or input_total, cached, cache_write, cache_write_1h, output, batch, requests); default: the field\'s name (repeatable)', collect)
    .addOption(catalogOption())
    .addOption(outOption())
    .action(async (_options, command: Command) => {
      const { replaySqlCommand } = await import('./commands/replay-sql.js');
      // --map, --catalog and --out are replay's own options too, and commander gives them to it
      done(await replaySqlCommand(withGlobals({ map: [], ...command.optsWithGlobals() }, command), io));
    });

  program
    .command('flows')
    .description('who receives the money: the spend split among clouds, model vendors and partners, after channel take and revenue shares')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(new Option('--by <period>', 'period columns').choices(PERIOD_GROUPINGS).default('year'))
    .addOption(reportFormatOption())
    .addOption(outOption())
    .action(async (scenario: string, options, command: Command) => {
      const { flowsCommand } = await import('./commands/flows.js');
      done(await flowsCommand(scenario, withGlobals(options, command), io));
    });

  program
    .command('check')
    .description('the CI gate: budgets, and the increase over a --baseline result; exit 1 if one is breached')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(catalogOption())
    .addOption(setOption())
    .option('--baseline <result.json>', 'a saved `cloudtco compare --format json` result to measure the increase from')
    .option('--max-increase <limit>', 'the increase over the baseline allowed per option: 5% or an amount like 1000 (default 0)')
    .addOption(new Option('--format <format>', 'output format: github annotates the budgets\' lines; junit for other CI systems').choices(CHECK_FORMATS).default('table'))
    .addOption(outOption())
    .action(async (scenario: string, options, command: Command) => {
      annotateProblems = options.format === 'github';
      const { checkCommand } = await import('./commands/check.js');
      done(await checkCommand(scenario, withGlobals(options, command), io));
    });

  program
    .command('diff')
    .description('what changed between two results or two scenarios (say main and a pull request), per option and category')
    .argument('<before>', 'a saved `compare --format json` result, or a scenario')
    .argument('<after>', 'a saved result, or a scenario (--set changes this one)')
    .addOption(catalogOption())
    .addOption(setOption())
    .option('--fail-on-increase <limit>', "exit 1 if an option's total grew by more: 5% or an amount like 1000")
    .addOption(new Option('--format <format>', 'output format: markdown for pull-request comments').choices(DIFF_FORMATS).default('table'))
    .addOption(outOption())
    .action(async (before: string, after: string, options, command: Command) => {
      const { diffCommand } = await import('./commands/diff.js');
      done(await diffCommand(before, after, withGlobals(options, command), io));
    });

  program
    .command('export')
    .description('every line item, long format: FOCUS-aligned CSV for spreadsheets and BI tools, or JSON')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(catalogOption())
    .addOption(setOption())
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('csv'))
    .addOption(outOption())
    .option('--bom', 'start the CSV with a UTF-8 byte order mark, for Excel')
    .action(async (scenario: string, options, command: Command) => {
      const { exportCommand } = await import('./commands/export.js');
      done(await exportCommand(scenario, withGlobals(options, command), io));
    });

  program
    .command('validate')
    .description('check scenarios and catalogs: every problem in every file, located (exit 2 if any); a scenario is also priced against --catalog')
    .argument('<files...>', 'scenario files (YAML or JSON) and catalog directories')
    .addOption(catalogOption())
    .addOption(setOption())
    .action(async (files: string[], options, command: Command) => {
      const { validateCommand } = await import('./commands/validate.js');
      done(await validateCommand(files, withGlobals(options, command), io));
    });

  program
    .command('schema')
    .description("the scenario format's JSON Schema, for editors (yaml-language-server) and other tools")
    .addOption(outOption())
    .action(async (options) => {
      const { schemaCommand } = await import('./commands/schema.js');
      done(await schemaCommand(options, io));
    });

  const catalog = program.command('catalog').description('look into, check and import pricing catalogs');
  catalog
    .command('list')
    .description('the models the catalog prices, and where each is sold')
    .addOption(catalogOption())
    .addOption(formatOption())
    .addOption(outOption())
    .action(async (options, command: Command) => {
      const { catalogList } = await import('./commands/catalog.js');
      done(await catalogList(withGlobals(options, command), io));
    });
  catalog
    .command('show')
    .description("one model's prices across clouds, deployments and tiers, the cheapest marked")
    .argument('<model>', 'model id, such as gpt-5.5')
    .addOption(catalogOption())
    .addOption(formatOption())
    .addOption(outOption())
    .action(async (model: string, options, command: Command) => {
      const { catalogShow } = await import('./commands/catalog.js');
      done(await catalogShow(model, withGlobals(options, command), io));
    });
  for (const [what, description] of [
    ['models', 'each model the catalog prices: its clouds, regions, deployments, tiers and long-context thresholds'],
    ['regions', "each cloud's regions the catalog knows, and what is priced in them"],
    ['services', "each cloud's services the catalog prices (runtimes, state stores, caches, gateways): meters and units"],
  ] as const) {
    catalog
      .command(what)
      .description(description)
      .option('--cloud <cloud>', 'only this cloud (aws, azure, gcp, oci, openai, anthropic, …)')
      .addOption(catalogOption())
      .addOption(formatOption())
      .addOption(outOption())
      .action(async (options, command: Command) => {
        const { catalogDiscover } = await import('./commands/catalog.js');
        done(await catalogDiscover(what, withGlobals(options, command), io));
      });
  }
  catalog
    .command('validate')
    .description('check catalog directories: every problem in every row, located (exit 2 if any)')
    .argument('[dirs...]', 'catalog directories (default: the bundled one)')
    .action(async (dirs: string[]) => {
      const { catalogValidate } = await import('./commands/catalog.js');
      done(await catalogValidate(dirs, io));
    });
  catalog
    .command('stale')
    .description('rows read longer ago than --max-age (exit 1 if any): for CI')
    .requiredOption('--max-age <age>', 'oldest acceptable as_of, like 120d or 16w')
    .option('--scenario <file>', 'check only the rows this scenario is priced with')
    .addOption(setOption())
    .addOption(catalogOption())
    .addOption(formatOption())
    .addOption(outOption())
    .action(async (options, command: Command) => {
      const { catalogStale } = await import('./commands/catalog.js');
      done(await catalogStale(withGlobals(options, command), io));
    });

  catalog
    .command('import')
    .description(
      "convert a price list to catalog tables: litellm (LiteLLM's model_prices_and_context_window.json, to a models.csv), azure-retail (Azure Retail Prices API pages) or aws-pricelist (AWS Price List offer files, get-products output), to a catalog directory",
    )
    .argument('<kind>', 'litellm, azure-retail or aws-pricelist')
    .argument('[files...]', 'the files to import')
    .requiredOption('--out <path>', 'litellm: the models.csv to write; azure-retail, aws-pricelist: the directory to write catalog tables into (atomically)')
    .option('--as-of <date>', "the date the prices were read (default: today)")
    .option('--unmapped <file.csv>', 'also write every entry that could not be mapped, with its reason')
    .option('--fetch', 'azure-retail, aws-pricelist: download the feed instead of reading files (needs a network)')
    .action(async (kind: string, files: string[], options) => {
      const { catalogImport } = await import('./commands/catalog-import.js');
      done(await catalogImport(kind, files, options, io));
    });

  program
    .command('init')
    .description('write a commented starter scenario for a model on the clouds you name, ready to compare')
    .argument('[file]', 'the scenario file to write', 'scenario.yaml')
    .option('--model <id>', 'the model, as `cloudtco catalog models` lists them', 'gpt-5.5')
    .option('--clouds <list>', 'where to buy it, comma-separated', 'azure,aws,openai')
    .option('--sessions <count>', 'sessions a month, like 100k', '100k')
    .option('--force', 'replace the file if it exists')
    .addOption(catalogOption())
    .action(async (file: string, options, command: Command) => {
      const { initCommand } = await import('./commands/init.js');
      // what the user gave is not asked for again on a terminal
      const given = new Set(['model', 'clouds', 'sessions'].filter((key) => command.getOptionValueSource(key) === 'cli')) as Set<'model' | 'clouds' | 'sessions'>;
      done(await initCommand(file, withGlobals(options, command), io, given));
    });

  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish (commands, options, choices, file names)')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('./completion.js');
      io.stdout.write(completionScript(shell, program));
      done(EXIT.ok);
    });

  // every command's help ends with its examples
  const withExamples = (command: Command, path: string) => {
    for (const sub of command.commands) {
      const name = path === '' ? sub.name() : `${path} ${sub.name()}`;
      const text = examplesText(name);
      if (text !== undefined) sub.addHelpText('after', text);
      withExamples(sub, name);
    }
  };
  withExamples(program, '');

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return failure(error, io, annotateProblems, error instanceof CommanderError);
  }
}

/** Gathers a repeatable option's values in order. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function failure(error: unknown, io: CliIo, annotate: boolean, fromCommander: boolean): number {
  if (fromCommander) {
    // commander has already printed its message (or the help, or the version)
    return (error as { exitCode: number }).exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof InputError) {
    io.stderr.write(problemLines(error.diagnostics, annotate));
    return EXIT.badInput;
  }
  if (error instanceof OutputError) {
    io.stderr.write(`cloudtco: ${error.message}\n`);
    return EXIT.internal;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  // the bundle's source maps cost every run time to load, so they are read only when asked for
  const sourceLines = /dist\/bundle\//.test(detail) && (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled !== true ? ' (run it with NODE_OPTIONS=--enable-source-maps to show source lines)' : '';
  io.stderr.write(`cloudtco: internal error: ${visibleLines(detail)}\nThis is a bug in cloudtco ${version()}. Please report it with the command you ran and this message${sourceLines}.\n`);
  return EXIT.internal;
}

/** How many problems are printed: enough to fix a file by, not a flood from a broken one. */
export const SHOWN_PROBLEMS = 100;

/** And in how much text at most: a hundred ordinary lines, fewer long ones. */
export const SHOWN_BYTES = 16_000;

/**
 * The problems, one line each in file order (the first SHOWN_PROBLEMS, then a count per file), as
 * plain lines or, for `--format github`, as error annotations at their lines.
 */
function problemLines(diagnostics: readonly Diagnostic[], annotate: boolean): string {
  const ordered = inFileOrder(diagnostics);
  const line = (d: Diagnostic) => {
    if (!annotate) return `${d.file === undefined ? 'error: ' : ''}${formatDiagnostic(d)}`;
    // an annotation points at a line; a problem with a file but no line (an unreadable file) says its file in the message
    if (d.line === undefined) return workflowCommand({ level: 'error', message: formatDiagnostic(d) });
    return workflowCommand({ level: 'error', file: d.file, line: d.line, col: d.col, message: formatDiagnostic({ ...d, file: undefined }) });
  };
  // the first SHOWN_PROBLEMS, or fewer when long lines would pass SHOWN_BYTES; always the first
  const lines: string[] = [];
  let bytes = 0;
  for (const d of ordered.slice(0, SHOWN_PROBLEMS)) {
    const text = line(d);
    if (lines.length > 0 && bytes + text.length > SHOWN_BYTES) break;
    lines.push(text);
    bytes += text.length + 1;
  }
  const shown = lines.length;
  const more = new Map<string | undefined, number>();
  for (const d of ordered.slice(shown)) more.set(d.file, (more.get(d.file) ?? 0) + 1);
  for (const [file, count] of more) lines.push(`${file === undefined ? 'error: ' : ''}${formatDiagnostic({ file, message: `${count} more problem${count === 1 ? '' : 's'} not shown (the first ${shown} are above)` })}`);
  return lines.map((text) => `${text}\n`).join('');
}

/** Problems grouped by file, then by position, the way an editor walks them. */
function inFileOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const files = [...new Set(diagnostics.map((d) => d.file))];
  const rank = (d: Diagnostic) => [files.indexOf(d.file), d.line ?? 0, d.col ?? 0];
  return [...diagnostics].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
  });
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
