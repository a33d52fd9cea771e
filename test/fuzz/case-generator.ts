/**
 * Builds case `index` of a seed: picks a command and output format, a bundled scenario, and
 * what to mutate — the scenario (as data or as text), the catalog, `--set` values, or a saved
 * result — so every case is a full command line with its files. Only the (seed, index) stream
 * is used, so a case can be rebuilt alone to reproduce it.
 */
import { CaseBuilder } from './case-builder.js';
import type { Corpus } from './corpus.js';
import type { Command, FuzzCase } from './fuzz-case.js';
import { Random } from './random.js';

/** What a case attacks; the rest of its inputs stay as bundled. */
type Focus = 'scenario' | 'catalog' | 'set' | 'saved' | 'mixed';

const FORMATS: Record<Command, readonly string[]> = {
  compare: ['table', 'json', 'csv', 'html'],
  check: ['table', 'json', 'markdown', 'github', 'junit'],
  export: ['csv', 'json'],
  flows: ['table', 'json', 'csv', 'html'],
  diff: ['table', 'json', 'csv', 'markdown'],
  validate: ['text'],
  'catalog validate': ['text'],
  'catalog show': ['table', 'json', 'csv'],
  simulate: ['table', 'json', 'csv', 'html', 'raw'],
  sensitivity: ['table', 'json', 'csv'],
  sweep: ['table', 'json', 'csv', 'html'],
  optimize: ['table', 'json', 'csv', 'markdown', 'html'],
};

const OUT_EXTENSION: Record<string, string> = { table: 'txt', json: 'json', csv: 'csv', markdown: 'md', github: 'txt', junit: 'xml', html: 'html' };

/** What a command's builder adds to a case besides its files: the command line and what it may exit with. */
interface CommandLine {
  argv: string[];
  exitCodes?: number[];
  env?: Record<string, string>;
  figuresFromFiles?: boolean;
}

/** The part of the inputs a case attacks, and whether `part` is mutated under it. */
type Mutates = (part: Focus) => boolean;

type CommandBuilder = (b: CaseBuilder, mutates: Mutates, format: string) => CommandLine;

const catalogValidate: CommandBuilder = (b) => ({ argv: ['catalog', 'validate', ...b.catalog(true).filter((a) => a !== '--catalog')] });

const catalogShow: CommandBuilder = (b, _, format) => {
  const catalog = b.catalog(true);
  const model = b.random.pick([...b.seed.models, 'gpt-5.5']);
  // a mutated catalog may no longer price the model asked for: the message names the argument
  b.otherLocations.push(`error: no catalog row prices model ${JSON.stringify(model)}`);
  return { argv: ['catalog', 'show', model, ...catalog, '--format', format] };
};

/** A scenario, and sometimes its catalog directory or one of its tables, which validate checks too. */
const validate: CommandBuilder = (b, mutates) => {
  const { file, data } = b.scenario('scen', mutates('scenario'));
  const catalog = b.catalog(mutates('catalog'));
  const sets = b.sets(data, mutates('set') ? b.random.between(1, 3) : 0);
  const checked = catalog.includes('cat') && b.random.chance(0.5) ? [b.random.pick(['cat', 'cat/models.csv'])] : [];
  return { argv: ['validate', file, ...checked, ...catalog, ...sets] };
};

/** Each side a saved result or a scenario; `--set` changes only the second, so it goes with a scenario there. */
const diff: CommandBuilder = (b, mutates, format) => {
  const shape = b.random.pick(['saved-scenario', 'scenario-scenario', 'saved-saved', 'scenario-saved'] as const);
  const before = shape.startsWith('saved') ? b.savedResult('before', mutates('saved')) : b.scenario('before', false).file;
  let after: string;
  let catalog: string[] = [];
  let sets: string[] = [];
  if (shape.endsWith('scenario')) {
    const scenario = b.scenario('after', mutates('scenario'));
    after = scenario.file;
    catalog = b.catalog(mutates('catalog'));
    sets = b.sets(scenario.data, mutates('set') ? b.random.between(1, 3) : 0);
  } else {
    // two results: the second one mutated whatever the focus, or nothing would be
    after = b.savedResult('after', true);
    if (shape === 'scenario-saved') catalog = b.catalog(false);
  }
  const gate = b.random.chance(0.4) ? ['--fail-on-increase', b.threshold('--fail-on-increase')] : [];
  return { argv: ['diff', before, after, ...catalog, ...sets, ...gate, '--format', format], exitCodes: gate.length > 0 ? [0, 1, 2] : [0, 2], figuresFromFiles: shape !== 'scenario-scenario' };
};

/** compare, check, export and flows: a scenario, its catalog, `--set`s, and the command's own options. */
const scenarioCommand =
  (command: 'compare' | 'check' | 'export' | 'flows'): CommandBuilder =>
  (b, mutates, format) => {
    const { random } = b;
    const { file, data } = b.scenario('scen', mutates('scenario'), { budgets: command === 'check' });
    const catalog = b.catalog(mutates('catalog'));
    const sets = b.sets(data, mutates('set') ? random.between(1, 3) : random.chance(0.1) ? 1 : 0);
    const argv = [command, file, ...catalog, ...sets, '--format', format];
    if (command === 'compare') {
      if (random.chance(0.4)) argv.push('--by', random.pick(['month', 'quarter', 'year', 'category', 'cloud', 'workload']));
      if (format === 'json' && random.chance(0.5)) argv.push('--line-items');
    } else if (command === 'flows') {
      if (random.chance(0.6)) argv.push('--by', random.pick(['month', 'quarter', 'year']));
    } else if (command === 'export') {
      if (format === 'csv' && random.chance(0.3)) argv.push('--bom');
    } else {
      const baseline = mutates('saved') || random.chance(0.3);
      if (baseline) {
        argv.push('--baseline', b.savedResult('base', mutates('saved')));
        if (random.chance(0.6)) argv.push('--max-increase', b.threshold('--max-increase'));
      }
      const env: Record<string, string> = format === 'github' && random.chance(0.3) ? { GITHUB_STEP_SUMMARY: 'summary.md' } : {};
      return { argv, exitCodes: [0, 1, 2], env, figuresFromFiles: baseline };
    }
    return { argv };
  };

/** Inputs a sweep varies, in their own terms; now and then a malformed one. */
const VARIED = [
  'workloads.0.sessions_per_month=0..2M:500k',
  'workloads.0.growth=0%..10%:2.5%',
  'workloads.0.tokens_per_call.cached_share=0%..90%:30%',
  'workloads.0.tokens_per_call.input=1k..20k:9.5k',
  'workloads.1.sessions_per_month=1..1e6:250000',
  'workloads.0.growth=10%..0%:1%',
  'workloads.0.growth=0%..5:1',
  'nothing.here=1..2:1',
];

/** simulate, sensitivity and sweep: a scenario (with ranges, when it has them), and each command's own flags. */
const uncertainCommand =
  (command: 'simulate' | 'sensitivity' | 'sweep'): CommandBuilder =>
  (b, mutates, format) => {
    const { random } = b;
    const { file, data } = b.scenario('scen', mutates('scenario'));
    const catalog = b.catalog(mutates('catalog'));
    const sets = b.sets(data, mutates('set') ? random.between(1, 3) : 0);
    const argv = [command, file, ...catalog, ...sets];
    // a malformed --percentiles or --vary is named by its flag
    b.otherLocations.push('error: --percentiles', 'error: --vary');
    if (command === 'simulate') {
      argv.push('--trials', String(random.between(1, 60)), '--seed', String(random.between(0, 2 ** 32 - 1)), '--workers', String(random.between(1, 2)));
      if (random.chance(0.2)) argv.push('--percentiles', random.pick(['0,100', '50', '2.5,97.5', '5,50,95,99.9', '101', 'x']));
      if (random.chance(0.15)) argv.push('--exact');
      argv.push(...(format === 'raw' ? ['--raw'] : ['--format', format]));
    } else {
      if (command === 'sweep') argv.push('--vary', random.pick(VARIED), ...(random.chance(0.2) ? ['--vary', random.pick(VARIED)] : []));
      argv.push('--format', format);
    }
    return { argv };
  };

/** optimize: a scenario (whose options are its space), now and then a local search on a small budget. */
const optimize: CommandBuilder = (b, mutates, format) => {
  const { random } = b;
  const { file, data } = b.scenario('scen', mutates('scenario'));
  const catalog = b.catalog(mutates('catalog'));
  const sets = b.sets(data, mutates('set') ? random.between(1, 3) : 0);
  const argv = ['optimize', file, ...catalog, ...sets, '--format', format];
  if (random.chance(0.3)) argv.push('--search', 'local', '--max-plans', String(random.between(1, 30)));
  if (random.chance(0.1)) argv.push('--objective', 'npv');
  // npv without a discount rate is refused at the scenario's first line
  b.otherLocations.push('error: --max-plans');
  return { argv };
};

const BUILDERS: Record<Command, CommandBuilder> = {
  compare: scenarioCommand('compare'),
  check: scenarioCommand('check'),
  export: scenarioCommand('export'),
  flows: scenarioCommand('flows'),
  diff,
  validate,
  'catalog validate': catalogValidate,
  'catalog show': catalogShow,
  simulate: uncertainCommand('simulate'),
  sensitivity: uncertainCommand('sensitivity'),
  sweep: uncertainCommand('sweep'),
  optimize,
};

/** `--out` now and then: to a file, or (rarely) into a directory that does not exist, which is bad input at that name. */
function outFile(b: CaseBuilder, format: string): string {
  const file = b.random.chance(0.9) ? `out.${OUT_EXTENSION[format] ?? 'txt'}` : 'no-such-dir/out.txt';
  b.shownNames.push(file);
  b.notes.push(`--out ${file}`);
  return file;
}

export function generateCase(corpus: Corpus, seed: number, index: number): FuzzCase {
  const random = Random.forCase(seed, index);
  const command = random.weighted<Command>([
    [26, 'compare'],
    [14, 'check'],
    [10, 'export'],
    [10, 'flows'],
    [12, 'diff'],
    [12, 'validate'],
    [10, 'catalog validate'],
    [3, 'catalog show'],
    [6, 'simulate'],
    [4, 'sensitivity'],
    [3, 'sweep'],
    [4, 'optimize'],
  ]);
  const format = random.pick(FORMATS[command]);
  const b = new CaseBuilder(random, corpus, random.pick(corpus.scenarios));
  const focus = random.weighted<Focus>(
    command.startsWith('catalog')
      ? [[1, 'catalog']]
      : [
          [45, 'scenario'],
          [20, 'catalog'],
          [15, 'set'],
          [command === 'diff' || command === 'check' ? 12 : 0, 'saved'],
          [8, 'mixed'],
        ],
  );
  const mutates: Mutates = (part) => focus === part || (focus === 'mixed' && random.chance(0.6));
  const line = BUILDERS[command](b, mutates, format);
  const out = !command.includes('validate') && random.chance(0.1) ? outFile(b, format) : undefined;
  return {
    seed,
    index,
    command,
    format,
    argv: out === undefined ? line.argv : [...line.argv, '--out', out],
    env: line.env ?? {},
    files: b.files,
    shownNames: b.shownNames,
    otherLocations: b.otherLocations,
    exitCodes: line.exitCodes ?? [0, 2],
    outFile: out,
    figuresFromFiles: line.figuresFromFiles ?? false,
    notes: b.notes,
  };
}
