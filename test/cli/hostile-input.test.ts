/**
 * Input an attacker (or a slip of the keyboard) writes: numbers no cost can be, values megabytes
 * long, names with terminal escapes and line breaks. Each is a located error or shown inert,
 * quickly, and never a figure a CI gate would compare.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const EXAMPLE = 'scenarios/support-agents.yaml';
// raw control characters a terminal or a CI log would act on
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Every line of the text: none may be a GitHub Actions workflow command, unless it is one of ours. */
function commandLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*(::|##\[)/.test(line));
}

async function scratchFile(name: string, content: string | Buffer): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-hostile-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return { dir, file };
}

describe('numbers no cost can be', () => {
  const huge = ['1e9000000000000000', '1e+9999999999', '1e400', '1000000000000000001'];

  it.each(huge)('check refuses sessions_per_month=%s with a located error, never "every check held" on NaN', async (value) => {
    const result = await runCli(['check', EXAMPLE, '--set', `workloads.0.sessions_per_month=${value}`]);
    expect(result.stderr).toBe(`--set workloads.0.sessions_per_month=${value} workloads[0].sessions_per_month: "${value}" is too large: numbers may be at most 1e18 in size\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['compare', '--format', 'json'],
    ['compare', '--format', 'table'],
    ['export', '--format', 'csv'],
  ])('%s %s %s refuses it too', async (command, ...format) => {
    const result = await runCli([command, EXAMPLE, ...format, '--set', 'workloads.0.sessions_per_month=1e9000000000000000']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/NaN|Infinity|internal error/);
  });

  it('diff refuses it in the what-if side', async () => {
    const result = await runCli(['diff', EXAMPLE, EXAMPLE, '--set', 'workloads.0.sessions_per_month=1e9000000000000000']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('refuses numbers too small, and too many digits, at their line', async () => {
    const text = (await readFile(path.join(REPO, EXAMPLE), 'utf8')).replace('growth: 4%', 'growth: 1e-19%').replace('sessions_per_month: 250k', 'sessions_per_month: 1.000000000000000000000000000001');
    const { file } = await scratchFile('tiny.yaml', text);
    const result = await runCli(['compare', file]);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\/.*tiny\.yaml:\d+:\d+ workloads\[0\]\.sessions_per_month: "1\.000000000000000000000000000001" has more than 30 significant digits$/);
    expect(lines[1]).toMatch(/^\/.*tiny\.yaml:\d+:\d+ workloads\[0\]\.growth: "1e-19%" is too small: numbers other than 0 must be at least 1e-18 in size$/);
    expect(result.code).toBe(2);
  });

  it('takes the largest number allowed and gives finite figures', async () => {
    // 1e18 sessions a month: absurd, but within the limits, so priced
    const result = await runCli(['compare', EXAMPLE, '--format', 'json', '--set', 'workloads.0.sessions_per_month=1e18']);
    expect(result.code).toBe(0);
    const totals = (JSON.parse(result.stdout) as { options: { total: string }[] }).options.map((o) => o.total);
    for (const total of totals) expect(total).toMatch(/^\d+(\.\d+)?$/);
  });
});

describe('values that would flood or hang the terminal', () => {
  it('quotes at most 80 characters of a bad value', async () => {
    const long = 'x'.repeat(1_000_000);
    const result = await runCli(['compare', EXAMPLE, '--set', `workloads.0.sessions_per_month=${long}`]);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(2_000 + 1_000);
    expect(result.stderr).toContain(`got "${'x'.repeat(80)}"… (1000000 characters)`);
  });

  it('names a long --set by its first 160 characters, and prints at most 16 KB of problems (a 2 000-entry list gave 43 KB)', async () => {
    // fuzz seed 20261203 case 68794: 2 000 vendors no option has, each a problem located at the override
    const arg = `contracts.openai-to-microsoft.applies_to.vendors=[${Array.from({ length: 2000 }, (_, i) => i).join(', ')}]`;
    const result = await runCli(['compare', 'scenarios/msft-openai-2026.yaml', '--set', arg]);
    expect(result.code).toBe(2);
    const at = `--set ${arg.slice(0, 160)}… (${arg.length} characters)`;
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${at} contracts[0].applies_to.vendors[0]: no option has spend with vendor "0"; present: openai`);
    // as many as fit in 16 KB, then how many more: together all 2 000
    const shown = lines.length - 1;
    expect(shown).toBeGreaterThan(50);
    expect(shown).toBeLessThan(100);
    expect(lines[shown]).toBe(`${at}: ${2000 - shown} more problems not shown (the first ${shown} are above)`);
    expect(result.stderr.length).toBeLessThan(16_000 + 300);
  });

  it.each(['1e9000000000000000%', '1e10000000%', '-1e9000000000000000%'])('says growth=%s is out of range in one short line', async (growth) => {
    const result = await runCli(['compare', EXAMPLE, '--set', `workloads.0.growth=${growth}`]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr.length).toBeLessThan(300);
  });

  it('a binary file as a scenario: located errors, no echo of the bytes, no raw control characters', async () => {
    const { file } = await scratchFile('binary.yaml', randomBytes(20_000));
    const result = await runCli(['compare', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(20_000);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    for (const line of result.stderr.trimEnd().split('\n')) expect(line.startsWith(file), line).toBe(true);
  });

  it('a document nested too deeply is one located error', async () => {
    const { file } = await scratchFile('deep.yaml', `name: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const result = await runCli(['compare', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^\/.*deep\.yaml:1:\d+: the document nests too deeply/);
  });
});

describe('files that are not what they seem', () => {
  it('a scenario saved as UTF-16: one line saying so, not the file echoed as garbage', async () => {
    const text = await readFile(path.join(REPO, EXAMPLE), 'utf8');
    const { file } = await scratchFile('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await runCli(['compare', file])).toEqual({ code: 2, stdout: '', stderr: `${file}: cannot read: it holds NUL bytes, so it is binary or UTF-16 text; cloudtco reads UTF-8 text\n` });
  });

  it('YAML tags that make no plain data (!!binary, !!set) and keys given twice are located errors', async () => {
    const { file } = await scratchFile('tags.yaml', 'name: x\nhorizon: !!binary aGVsbG8=\nworkloads: !!set {a, b}\nname: y\n');
    const result = await runCli(['compare', file]);
    expect(result.stderr).toBe(
      [
        `${file}:2:19: the tag "!!binary" is not read; write plain text, numbers, lists and mappings`,
        `${file}:3:18: the tag "!!set" is not read; write plain text, numbers, lists and mappings`,
        `${file}:4:1: the key "name" is given twice in this mapping; keys must be unique`,
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(2);
  });

  it("a mapping of 20 000 keys reads in one pass (yaml's own repeated-key check compared every pair: 10 s)", async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1`).join('\n');
    const { file } = await scratchFile('many-keys.yaml', `x-many:\n${keys}\n${await readFile(path.join(REPO, EXAMPLE), 'utf8')}`);
    expect((await runCli(['compare', file])).code).toBe(0);
  });

  it('a run of quotes in a catalog cell is one problem, not one per quote (20 000 ran out of memory)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-quotes-'));
    await cp(path.join(REPO, 'test/fixtures/worked-example/catalog'), dir, { recursive: true });
    const models = (await readFile(path.join(dir, 'models.csv'), 'utf8')).split('\n');
    models[1] = models[1]!.replace('https://', `https://${'"'.repeat(20_000)}`);
    await writeFile(path.join(dir, 'models.csv'), models.join('\n'));
    const result = await runCli(['catalog', 'validate', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('models.csv:2 source: expected an http(s) URL, got "https://\\"\\"\\"');
    expect(result.stderr).toContain('… (20033 characters)');
    expect(result.stderr.length).toBeLessThan(500);
  });

  it('a catalog header of 100 000 commas: problems counted, no stack overflow', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-commas-'));
    await writeFile(path.join(dir, 'models.csv'), `cloud${','.repeat(100_000)}\n`);
    const result = await runCli(['catalog', 'validate', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    // 100 000 columns without a name: said once, then the columns missing
    expect(result.stderr.trimEnd().split('\n').map((line) => line.replace(/^.*?models\.csv:1: /, ''))).toEqual([
      'a column has no name (a stray comma in the header?)',
      'missing columns region, deployment, tier, model, input, cached_input, output, currency, effective_from, source, as_of',
    ]);
  });
});

describe('names that would act on a terminal or a CI runner', () => {
  it('escapes control characters of a --set path and never starts a workflow command on stderr', async () => {
    const result = await runCli(['compare', EXAMPLE, '--set', 'x\n::warning::INJECTED=1']);
    expect(result.code).toBe(2);
    expect(commandLines(result.stderr)).toEqual([]);
    expect(result.stderr).toContain('\\n::warning::INJECTED');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  });

  it('escapes a file name with a line break in it', async () => {
    const { dir } = await scratchFile('x\n::warning::INJECTED.yaml', 'name: [');
    const result = await runCli(['compare', 'x\n::warning::INJECTED.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(commandLines(result.stderr)).toEqual([]);
    expect(result.stderr.startsWith('x\\n::warning::INJECTED.yaml:')).toBe(true);
  });

  it('neutralises a file name that starts like a workflow command', async () => {
    const { dir } = await scratchFile('::warning::INJECTED.yaml', 'name: [');
    const result = await runCli(['compare', '::warning::INJECTED.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(commandLines(result.stderr)).toEqual([]);
    expect(result.stderr.startsWith('\\::warning::INJECTED.yaml:')).toBe(true);
  });

  it('check --format github reports bad input as escaped error annotations at their lines', async () => {
    const result = await runCli(['check', 'test/fixtures/bad-scenarios/bad-quantity.yaml', '--format', 'github']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('::error file=test/fixtures/bad-scenarios/bad-quantity.yaml,line=8,col=25::workloads[0].sessions_per_month: expected a quantity like 2M, got "lots"\n');
    const injected = await runCli(['check', EXAMPLE, '--format', 'github', '--set', 'budgets.0.per=x\n::warning::INJECTED%0A']);
    expect(injected.code).toBe(2);
    // our own ::error lines only; the value's line break and % are escaped inside them
    expect(commandLines(injected.stderr).every((line) => line.startsWith('::error::') || line.startsWith('::error file='))).toBe(true);
    expect(injected.stderr.split('\n').filter((l) => l !== '').every((line) => line.startsWith('::error'))).toBe(true);
    expect(injected.stderr).toContain('%250A');
  });

  it('shows terminal escapes in names escaped, in every table', async () => {
    const text = (await readFile(path.join(REPO, EXAMPLE), 'utf8'))
      .replace(/^name: .*$/m, 'name: "Evil \\e[2J\\e]0;pwned\\a agents\\r::warning::x"')
      .replace('name: monthly model spend', 'name: "spend \\e[31mred"');
    const { file } = await scratchFile('evil.yaml', text);
    for (const args of [['compare', file], ['check', file], ['flows', file], ['compare', file, '--by', 'month']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).not.toBe(2);
      expect(result.stdout, args.join(' ')).not.toMatch(RAW_CONTROL);
      expect(commandLines(result.stdout), args.join(' ')).toEqual([]);
      expect(result.stdout, args.join(' ')).toContain('Evil \\x1b[2J\\x1b]0;pwned\\x07 agents\\r::warning::x');
    }
    const check = await runCli(['check', file]);
    expect(check.stdout).toContain('spend \\x1b[31mred');
    const markdown = await runCli(['check', file, '--format', 'markdown']);
    expect(markdown.stdout).not.toMatch(RAW_CONTROL);
  });

  it('a scenario named like a workflow command does not become one in a table', async () => {
    const text = (await readFile(path.join(REPO, EXAMPLE), 'utf8')).replace(/^name: .*$/m, 'name: "::warning::INJECTED"');
    const { file } = await scratchFile('named.yaml', text);
    const result = await runCli(['compare', file]);
    expect(commandLines(result.stdout)).toEqual([]);
    expect(result.stdout.startsWith('\\::warning::INJECTED\n')).toBe(true);
  });
});
