/**
 * The parts of a case a command line is made of: the scenario (mutated as data, as text, both
 * or not at all), the catalog directory, `--set` arguments, saved results and option values,
 * each file added under the name the CLI will show it by, with a note of what was done to it.
 */
import { BUNDLED_CATALOG, TABLE_NAMES, type Corpus, type ScenarioSeed } from './corpus.js';
import { mutateCatalog } from './catalog-mutations.js';
import { deepCopy } from './data-tree.js';
import { GENERIC_MUTATIONS, mutateDocument, type DocumentMutation } from './document-mutations.js';
import type { CaseFile } from './fuzz-case.js';
import { hostileNumberText, hostileQuantityText } from './hostile-values.js';
import { MutableDocument } from './mutable-document.js';
import type { Random } from './random.js';
import { addFeature, addSetting, addTemplateEntry, renameId } from './scenario-templates.js';
import { setArgument } from './set-mutations.js';
import { GENERIC_TEXT_MUTATIONS, mutateText } from './text-mutations.js';
import { YAML_TEXT_MUTATIONS } from './yaml-text-mutations.js';

const SCENARIO_MUTATIONS: readonly (readonly [number, DocumentMutation])[] = [...GENERIC_MUTATIONS, [5, addTemplateEntry], [3, addFeature], [1, addSetting], [1, renameId]];
const ALL_TEXT_MUTATIONS = [...GENERIC_TEXT_MUTATIONS, ...YAML_TEXT_MUTATIONS];

/** Collects a case's files and the names the CLI will show them by. */
export class CaseBuilder {
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
