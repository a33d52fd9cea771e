/**
 * Failing cases saved so each can be re-run by hand: the input files as the CLI read them,
 * the exact argv and environment, what the oracle found, and a repro.sh that runs the built
 * CLI on them. `npm run fuzz -- --seed S --replay I` rebuilds the same case from its numbers.
 */
import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './corpus.js';
import type { FuzzCase } from './fuzz-case.js';
import type { Failure } from './oracle.js';

export interface SavedFailure {
  seed: number;
  index: number;
  command: string;
  argv: string[];
  failures: Failure[];
  dir: string;
}

/** POSIX shell single quotes: the argument exactly, whatever it holds. */
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

export function saveFailure(root: string, c: FuzzCase, failures: Failure[], result: { code?: number; stdout?: string; stderr?: string; ms: number }): SavedFailure {
  const dir = path.join(root, `seed-${c.seed}`, `case-${c.index}`);
  const input = path.join(dir, 'input');
  mkdirSync(input, { recursive: true });
  for (const file of c.files) {
    const target = path.join(input, file.path);
    if (file.content === 'directory') mkdirSync(target, { recursive: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  const env = Object.entries(c.env).map(([k, v]) => `${k}=${quote(v)} `).join('');
  writeFileSync(
    path.join(dir, 'repro.sh'),
    `#!/bin/sh\n# cloudtco fuzz case ${c.index} of seed ${c.seed}: ${[...new Set(failures.map((f) => f.kind))].join(', ')}\n# exact replay (same date and in-process io): npm run fuzz -- --seed ${c.seed} --replay ${c.index}\ncd "$(dirname "$0")/input" && ${env}TZ=UTC node ${quote(path.join(REPO, 'bin/cloudtco.js'))} ${c.argv.map(quote).join(' ')}\necho "exit $?" >&2\n`,
  );
  chmodSync(path.join(dir, 'repro.sh'), 0o755);
  const clip = (text: string | undefined) => (text === undefined || text.length <= 8000 ? text : `${text.slice(0, 8000)}… (${text.length} characters)`);
  writeFileSync(
    path.join(dir, 'case.json'),
    `${JSON.stringify({ seed: c.seed, index: c.index, command: c.command, format: c.format, argv: c.argv, env: c.env, notes: c.notes, failures, exitCode: result.code ?? null, ms: Math.round(result.ms), stderr: clip(result.stderr), stdout: clip(result.stdout) }, null, 2)}\n`,
  );
  return { seed: c.seed, index: c.index, command: c.command, argv: c.argv, failures, dir };
}

/**
 * A failure's kind and the line at fault with its particulars blanked — where it is (file,
 * position, `--set` argument), quoted values, numbers, runs of one character, bytes outside
 * printable ASCII — so a thousand cases hitting one bug count as one distinct failure.
 */
export function signature(failure: Failure): string {
  // failures without a line of output at fault (a hang, a crash, a figure) are told apart by their detail
  if (failure.line === undefined || failure.kind.endsWith('figure') || failure.kind === 'negative-zero') {
    return `${failure.kind}: ${failure.detail.replace(/"(?:[^"\\]|\\.)*"/g, '"..."').replace(/\d+/g, 'N').slice(0, 130)}`;
  }
  const template = failure.line
    .replace(/^--set .*?(?= [A-Za-z_]+(\[\d+\]|\.[A-Za-z_ -]+)*: | ?: |$)/, '--set ARG')
    .replace(/^(?!--set ARG)[^\s:]+(:\d+)*/, 'FILE')
    .replace(/^(FILE|--set ARG) \S+?: /, '$1 PATH: ')
    .replace(/"(?:[^"\\]|\\.)*"?/g, '"..."')
    .replace(/(.)\1{9,}/g, '$1...')
    .replace(/[^\x20-\x7e]+/g, '?')
    .replace(/\d+/g, 'N')
    .slice(0, 130);
  return `${failure.kind}: ${template}`;
}
