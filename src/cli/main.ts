/**
 * The command line: `run(argv, io)` parses arguments, runs one command and returns its exit
 * code; only bin/ calls process.exit. Each command's module is imported when that command
 * runs, so `cloudtco --version` loads commander and nothing else.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { formatDiagnostic, InputError, type Diagnostic } from '../model/diagnostic.js';
import { BREAKDOWNS } from '../analysis/breakdown.js';
import { FORMATS } from '../report/renderer.js';
import { EXIT, type CliIo } from './cli-io.js';

export { EXIT, type CliIo } from './cli-io.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('cloudtco')
    .description('Total cost of ownership of AI workloads across clouds: what an agent platform costs on each cloud, month by month, and why.')
    .version(version(), '-V, --version')
    .option('--no-color', 'plain text, no ANSI colour (also: NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => 80,
    });

  program
    .command('compare')
    .description('compare the placement options of a scenario: totals, categories, the cheapest and the differences')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--catalog <dir>', 'pricing catalog directory; repeat to layer catalogs, later over earlier (default and @bundled: the shipped pricing-data/)', collect, [])
    .addOption(new Option('--by <breakdown>', 'add a breakdown by period, cloud or workload').choices(BREAKDOWNS))
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--line-items', 'include every line item (JSON only)')
    .action(async (scenario: string, options, command: Command) => {
      const { compareCommand } = await import('./commands/compare.js');
      exitCode = await compareCommand(scenario, { ...options, color: command.optsWithGlobals().color }, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return failure(error, io);
  }
}

/** Gathers a repeatable option's values in order. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function failure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help, or the version)
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof InputError) {
    for (const diagnostic of inFileOrder(error.diagnostics)) {
      io.stderr.write(`${diagnostic.file === undefined ? 'error: ' : ''}${formatDiagnostic(diagnostic)}\n`);
    }
    return EXIT.badInput;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`cloudtco: internal error: ${detail}\nThis is a bug in cloudtco ${version()}. Please report it with the command you ran and this message.\n`);
  return EXIT.internal;
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
