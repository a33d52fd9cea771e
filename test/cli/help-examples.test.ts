/** Every command's --help ends with examples that work as written; the completion scripts know every command. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_EXAMPLES, YOUR_FILES } from '../../src/cli/help-examples.js';
import { runCli } from '../helpers/run-cli.js';

describe('help examples', () => {
  it.each(Object.keys(HELP_EXAMPLES))('cloudtco %s --help ends with its examples', async (command) => {
    const result = await runCli([...command.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().endsWith(HELP_EXAMPLES[command]!.map((e) => `  $ ${e}`).join('\n'))).toBe(true);
  });

  const runnable = Object.values(HELP_EXAMPLES)
    .flat()
    .filter((e) => !e.includes(YOUR_FILES));
  it.each(runnable)('runs: %s', async (example) => {
    const out = mkdtempSync(path.join(tmpdir(), 'cloudtco-example-'));
    // a shell's redirection is the shell's; --out goes to a scratch folder, not the repository
    const words = example.split(' > ')[0]!.split(/\s+/).slice(1);
    for (const flag of ['--out', '--emit-scenario']) {
      const at = words.indexOf(flag);
      if (at !== -1) words[at + 1] = path.join(out, path.basename(words[at + 1]!));
    }
    // init writes its file where it runs: in the scratch folder
    const result = await runCli(words, words[0] === 'init' ? { cwd: out } : {});
    // init and --emit-scenario say what they wrote, on stderr; the others say nothing there
    if (words[0] === 'init' || words.includes('--emit-scenario')) expect(result.stderr, example).toMatch(/^wrote /);
    else expect(result.stderr, example).toBe('');
    expect([0, 1], example).toContain(result.code); // check exits 1 when a budget is breached
  });
});

describe('completion', () => {
  it('completes commands, subcommands, options and choices in bash', async () => {
    const { stdout: script } = await runCli(['completion', 'bash']);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cloudtco-completion-')), 'c.bash');
    writeFileSync(file, script);
    const complete = (...line: string[]) =>
      execFileSync('bash', ['-c', `source ${file}; COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _cloudtco; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).trim().split('\n');
    expect(complete('cloudtco', 're')).toEqual(['replay']);
    expect(complete('cloudtco', 'catalog', 'm')).toEqual(['models']);
    expect(complete('cloudtco', 'replay', '--pr')).toEqual(['--preset', '--prices-on']);
    expect(complete('cloudtco', 'replay', '--preset', 'c')).toEqual(['claude-code']);
    expect(complete('cloudtco', 'compare', 'x.yaml', '--by', 'q')).toEqual(['quarter']);
    expect(complete('cloudtco', 'replay', 'sql', '--dialect', '')).toEqual(['duckdb', 'bigquery', 'spark']);
  });

  it('prints zsh and fish scripts naming every command', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout).toContain('bashcompinit');
    const fish = await runCli(['completion', 'fish']);
    for (const command of ['compare', 'replay', 'catalog', 'completion']) expect(fish.stdout).toContain(command);
    expect(fish.stdout).toContain("-l format -xa 'table json csv'");
    const bad = await runCli(['completion', 'powershell']);
    expect(bad.code).toBe(2);
  });
});
