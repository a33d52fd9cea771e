/**
 * Builds case `index` of a seed: picks a command and output format, a bundled scenario, and
 * what to mutate — the scenario (as data or as text), the catalog, `--set` values, or a saved
 * result — so every case is a full command line with its files. Only the (seed, index) stream
 * is used, so a case can be rebuilt alone to reproduce it.
 */
import { deepCopy } from './data-tree.js';
import type { CaseFile, Command, FuzzCase } from './fuzz-case.js';
import { BUNDLED_CATALOG, TABLE_NAMES, type Corpus, type ScenarioSeed } from './corpus.js';
import { mutateCatalog } from './catalog-mutations.js';
import { GENERIC_MUTATIONS, mutateDocument, type DocumentMutation } from './document-mutations.js';
import { hostileNumberText, hostileQuantityText } from './hostile-values.js';
import { MutableDocument } from './mutable-document.js';
import { Random } from './random.js';
import { addSetting, addTemplateEntry, renameId } from './scenario-templates.js';
import { setArgument } from './set-mutations.js';
import { GENERIC_TEXT_MUTATIONS, mutateText } from './text-mutations.js';
import { YAML_TEXT_MUTATIONS } from './yaml-text-mutations.js';

const SCENARIO_MUTATIONS: readonly (readonly [number, DocumentMutation])[] = [...GENERIC_MUTATIONS, [5, addTemplateEntry], [1, addSetting], [1, renameId]];
const ALL_TEXT_MUTATIONS = [...GENERIC_TEXT_MUTATIONS, ...YAML_TEXT_MUTATIONS];

/** What a case attacks; the rest of its inputs stay as bundled. */
type Focus = 'scenario' | 'catalog' | 'set' | 'saved' | 'mixed';

const FORMATS: Record<Command, readonly string[]> = {
  compare: ['table', 'json', 'csv'],
  check: ['table', 'json', 'markdown', 'github', 'junit'],
  export: ['csv', 'json'],
  flows: ['table', 'json', 'csv'],
  diff: ['table', 'json', 'csv', 'markdown'],
  validate: ['text'],
  'catalog validate': ['text'],
  'catalog show': ['table', 'json', 'csv'],
};

const OUT_EXTENSION: Record<string, string> = { table: 'txt', json: 'json', csv: 'csv', markdown: 'md', github: 'txt', junit: 'xml' };

/** Collects a case's files and the names the CLI will show them by. */
class CaseBuilder {
  readonly files: CaseFile[] = [];
  readonly shownNames: string[] = [];
  readonly notes: string[] = [];
  readonly otherLocations: string[] = [];

  readonly seed: ScenarioSeed;

  /**
   * Most cases price a few months rather than the bundled horizon (up to 55 months): a run of
   * 100,000 cases stays within the hour, and what breaks rarely needs a long horizon. A share
   * keeps the scenarios exactly as bundled.
   */
  constructor(readonly random: Random, readonly corpus: Corpus, bundled: ScenarioSeed) {
    const months = random.chance(0.7) ? random.between(1, 6) : undefined;
    this.seed = months === undefined ? bundled : shortened(bundled, months);
    if (this.seed !== bundled) this.notes.push(`scenarios/${bundled.name}.yaml shortened to ${months} months`);
  }

  /**
   * The scenario, mutated as data, as text, both or not at all; returns its file name and its
   * data (for `--set` paths). `check` needs budgets, which most bundled scenarios lack: with
   * `budgets`, one is added where there are none, so the gate itself gets exercised.
   */
  scenario(name: string, mutate: boolean, options: { budgets?: boolean } = {}): { file: string; data: unknown } {
    const { random } = this;
    const doc = new MutableDocument(deepCopy(this.seed.data));
    const addBudget = options.budgets === true && !Array.isArray((doc.data as Record<string, unknown>).budgets) && random.chance(0.8);
    if (addBudget) {
      (doc.data as Record<string, unknown>).budgets = [{ name: 'monthly spend', per: random.pick(['month', 'quarter', 'year', 'horizon']), limit: random.pick(['1k', '100k', '10M']) }];
      doc.notes.push('a budget added');
    }
    const mode = mutate ? random.weighted([[55, 'data'], [25, 'text'], [15, 'both'], [5, 'clean']] as const) : 'clean';
    const fromData = mode === 'data' || mode === 'both' || addBudget;
    const json = fromData && random.chance(0.25);
    const file = `${name}.${json ? 'json' : 'yaml'}`;
    if (mode === 'data' || mode === 'both') mutateDocument(doc, random, random.weighted([[6, 1], [3, 2], [1, 3]] as const), SCENARIO_MUTATIONS);
    let bytes: Buffer = fromData ? Buffer.from(doc.serialize(json ? 'json' : 'yaml', random)) : Buffer.from(this.seed.text);
    if (mode === 'text' || mode === 'both') bytes = mutateText(bytes, random, random.weighted([[7, 1], [3, 2]] as const), json ? GENERIC_TEXT_MUTATIONS : ALL_TEXT_MUTATIONS, doc.notes);
    this.notes.push(...doc.notes.map((n) => `${file}: ${n}`));
    if (mode === 'clean' && !addBudget) this.notes.push(`${file}: scenarios/${this.seed.name}.yaml as bundled`);
    this.add(file, bytes);
    return { file, data: doc.data };
  }

  /** `--catalog` arguments: the bundled catalog, or a small or full copy of it in `cat/`, mutated or not, maybe layered over the bundled one. */
  catalog(mutate: boolean): string[] {
    const { random } = this;
    const full = random.chance(mutate ? 0.2 : 0.25);
    if (!mutate && full) {
      this.shownNames.push(BUNDLED_CATALOG);
      return random.chance(0.5) ? [] : ['--catalog', '@bundled'];
    }
    const base = full ? this.corpus.bundled : this.corpus.small[this.seed.name]!;
    const files = mutate ? mutateCatalog(base, random, this.notes) : Object.fromEntries(TABLE_NAMES.map((t) => [t, Buffer.from(base[t])]));
    if (!mutate) this.notes.push(`cat/: the ${full ? 'bundled' : 'small'} catalog`);
    else this.notes.push(`cat/: from the ${full ? 'bundled' : 'small'} catalog`);
    this.files.push({ path: 'cat', content: 'directory' });
    for (const [table, content] of Object.entries(files)) this.files.push({ path: `cat/${table}`, content: content! });
    this.shownNames.push('cat');
    if (mutate && random.chance(0.2)) {
      this.shownNames.push(BUNDLED_CATALOG);
      this.notes.push('cat/ layered over @bundled');
      return ['--catalog', '@bundled', '--catalog', 'cat'];
    }
    return ['--catalog', 'cat'];
  }

  sets(data: unknown, count: number): string[] {
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      const { arg, note } = setArgument(data, this.random);
      // `--set=…` keeps commander from reading a value that starts with "-" as an option
      args.push(`--set=${arg}`);
      this.notes.push(`${note}: ${JSON.stringify(arg.length > 80 ? `${arg.slice(0, 60)}… (${arg.length} chars)` : arg)}`);
    }
    return args;
  }

  /** A saved `compare --format json` result of the scenario, mutated or not. */
  savedResult(name: string, mutate: boolean): string {
    const { random } = this;
    const text = this.corpus.savedResults[this.seed.name]!;
    const file = `${name}.json`;
    let bytes: Buffer = Buffer.from(text);
    if (mutate) {
      const doc = new MutableDocument(JSON.parse(text) as unknown);
      const mode = random.weighted([[6, 'data'], [3, 'text'], [1, 'both']] as const);
      if (mode !== 'text') {
        mutateDocument(doc, random, random.weighted([[7, 1], [3, 2]] as const), GENERIC_MUTATIONS);
        bytes = Buffer.from(doc.serialize(random.chance(0.8) ? 'json' : 'yaml', random));
      }
      if (mode !== 'data') bytes = mutateText(bytes, random, 1, GENERIC_TEXT_MUTATIONS, doc.notes);
      this.notes.push(...doc.notes.map((n) => `${file}: ${n}`));
    } else {
      this.notes.push(`${file}: compare --format json of scenarios/${this.seed.name}.yaml`);
    }
    this.add(file, bytes);
    return file;
  }

  /** A value for --max-increase or --fail-on-increase: usually sane, sometimes not. */
  threshold(option: string): string {
    const { random } = this;
    if (random.chance(0.6)) return random.pick(['0', '5%', '0%', '1000', '2.5k', '100%']);
    this.otherLocations.push(`error: ${option}:`);
    const value = random.chance(0.5) ? hostileQuantityText(random) : hostileNumberText(random);
    this.notes.push(`${option} ${JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}… (${value.length} chars)` : value)}`);
    return value;
  }

  private add(file: string, content: Buffer): void {
    this.files.push({ path: file, content });
    this.shownNames.push(file);
  }
}

/** The scenario with a shorter horizon, in its text (comments and layout kept) and its data. */
function shortened(seed: ScenarioSeed, months: number): ScenarioSeed {
  const data = deepCopy(seed.data);
  const horizon = data.horizon as Record<string, unknown>;
  if (typeof horizon.months !== 'number' || horizon.months <= months) return seed;
  horizon.months = months;
  return { ...seed, text: seed.text.replace(/^(\s+months:\s*)\d+/m, `$1${months}`), data };
}

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

const BUILDERS: Record<Command, CommandBuilder> = {
  compare: scenarioCommand('compare'),
  check: scenarioCommand('check'),
  export: scenarioCommand('export'),
  flows: scenarioCommand('flows'),
  diff,
  validate,
  'catalog validate': catalogValidate,
  'catalog show': catalogShow,
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
