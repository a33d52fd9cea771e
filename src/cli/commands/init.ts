/** `cloudtco init [file]`: a commented starter scenario that validates and compares (analysis/starter-scenario.ts). */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { starterScenario } from '../../analysis/starter-scenario.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { catalogDirs, loadCatalogs } from '../../io/catalog-dir.js';
import { displayPath } from '../../io/read-text.js';
import { CLOUD_IDS, type Cloud } from '../../model/cloud.js';
import { InputError } from '../../model/diagnostic.js';
import { suggestion } from '../../model/did-you-mean.js';
import { parseCount } from '../../model/quantity.js';
import { EXIT, todayOf, type CliIo } from '../cli-io.js';

export interface InitOptions {
  model: string;
  clouds: string;
  sessions: string;
  force?: boolean;
  catalog: string[];
}

/**
 * On a terminal, the values not given as flags are asked for, each with its default; elsewhere
 * (a pipe, CI) the flags and defaults are used as they are.
 */
async function asked(options: InitOptions, given: ReadonlySet<keyof InitOptions>, io: CliIo): Promise<InitOptions> {
  if (io.stdin?.isTTY !== true || io.stdout.isTTY !== true) return options;
  const questions: [keyof InitOptions, string][] = [
    ['model', 'Model (`cloudtco catalog models` lists them)'],
    ['clouds', 'Clouds to buy it on, comma-separated'],
    ['sessions', 'Sessions a month'],
  ];
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: io.stdin, terminal: false });
  // lines are read as they come, kept until asked for: answers typed (or pasted) ahead are not lost
  const lines = rl[Symbol.asyncIterator]();
  const answers = { ...options };
  try {
    for (const [key, question] of questions) {
      if (given.has(key)) continue;
      io.stdout.write(`${question} [${String(options[key])}]: `);
      const line = await lines.next();
      const answer = line.done === true ? '' : String(line.value).trim();
      if (answer !== '') (answers as Record<string, unknown>)[key] = answer;
    }
  } finally {
    rl.close();
  }
  return answers;
}

export async function initCommand(file: string, flags: InitOptions, io: CliIo, given: ReadonlySet<keyof InitOptions> = new Set()): Promise<number> {
  const options = await asked(flags, given, io);
  const target = path.resolve(io.cwd, file);
  const shown = displayPath(file, io.cwd);
  const clouds = options.clouds.split(',').map((c) => c.trim()).filter((c) => c !== '');
  const problems = clouds.filter((c) => !(CLOUD_IDS as readonly string[]).includes(c)).map((c) => ({ message: `--clouds: no cloud "${c}"${suggestion(c, CLOUD_IDS)}; expected some of ${CLOUD_IDS.join(', ')}` }));
  if (clouds.length === 0) problems.push({ message: '--clouds: expected one or more clouds, like azure,aws,openai' });
  if (parseCount(options.sessions) === undefined) problems.push({ message: `--sessions: expected a count like 100k, got "${options.sessions}"` });
  if (problems.length > 0) throw new InputError(problems);
  if (!options.force && (await access(target).then(() => true, () => false))) throw new InputError([{ file: shown, message: 'exists already; give another file, or --force to replace it' }]);
  const catalog = await loadCatalogs(catalogDirs(options.catalog, io.cwd));
  const known = new Set(catalog.models.map((r) => r.model));
  if (!known.has(options.model)) throw new InputError([{ message: `--model: the catalog prices no "${options.model}"${suggestion(options.model, known)}; \`cloudtco catalog models\` lists them` }]);
  const { text, unsold } = starterScenario(catalog, { file: shown, model: options.model, clouds: clouds as Cloud[], sessionsPerMonth: options.sessions, today: todayOf(io) });
  if (unsold.length === clouds.length) throw new InputError([{ message: `--clouds: none of ${clouds.join(', ')} sells ${options.model} today; \`cloudtco catalog models\` shows where it is sold` }]);
  await writeFileAtomic(target, text, shown);
  const skipped = unsold.length === 0 ? '' : ` (${unsold.join(', ')} ${unsold.length === 1 ? 'does' : 'do'} not sell ${options.model} today: left out)`;
  io.stderr.write(`wrote ${shown}${skipped}; next: cloudtco compare ${shown}\n`);
  return EXIT.ok;
}
