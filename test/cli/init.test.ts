/** `cloudtco init`: a starter scenario that validates and compares, placed where the catalog sells the model. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('cloudtco init', () => {
  it('writes a scenario that compares, with options where the catalog sells the model', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'cloudtco-init-'));
    const init = await runCli(['init'], { cwd });
    expect(init.code).toBe(0);
    expect(init.stderr).toBe('wrote scenario.yaml; next: cloudtco compare scenario.yaml\n');
    const text = await readFile(path.join(cwd, 'scenario.yaml'), 'utf8');
    expect(text).toContain('  start: 2027-01'); // the month after today (2026-12-03 in tests)
    expect(text).toContain('model: { cloud: azure, region: eastus2, deployment: global }');
    expect(text).toContain('model: { cloud: aws, region: us-east-2, deployment: in-region }');
    const validate = await runCli(['validate', 'scenario.yaml'], { cwd });
    expect(validate.code).toBe(0);
    const compare = await runCli(['compare', 'scenario.yaml', '--format', 'json'], { cwd });
    expect(compare.stderr).toBe('');
    expect(JSON.parse(compare.stdout).options.map((o: { id: string }) => o.id)).toEqual(['azure', 'aws', 'openai']);
  });

  it('leaves out a cloud that does not sell the model, and says so', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'cloudtco-init-'));
    const init = await runCli(['init', 'claude.yaml', '--model', 'claude-sonnet-4-6', '--clouds', 'anthropic,oci', '--sessions', '20k'], { cwd });
    expect(init.stderr).toBe('wrote claude.yaml (oci does not sell claude-sonnet-4-6 today: left out); next: cloudtco compare claude.yaml\n');
    const compare = await runCli(['compare', 'claude.yaml'], { cwd });
    expect(compare.code).toBe(0);
  });

  it('refuses to replace a file without --force, an unknown model or cloud, and clouds that sell nothing of it', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'cloudtco-init-'));
    await writeFile(path.join(cwd, 'scenario.yaml'), 'mine');
    const exists = await runCli(['init'], { cwd });
    expect(exists.stderr).toBe('scenario.yaml: exists already; give another file, or --force to replace it\n');
    expect(await readFile(path.join(cwd, 'scenario.yaml'), 'utf8')).toBe('mine');
    expect((await runCli(['init', '--force'], { cwd })).code).toBe(0);
    const model = await runCli(['init', 'x.yaml', '--model', 'gpt-5.55'], { cwd });
    expect(model.stderr).toBe('error: --model: the catalog prices no "gpt-5.55" (did you mean "gpt-5.5"?); `cloudtco catalog models` lists them\n');
    const cloud = await runCli(['init', 'x.yaml', '--clouds', 'azure,amazon'], { cwd });
    expect(cloud.stderr).toContain('--clouds: no cloud "amazon"');
    const none = await runCli(['init', 'x.yaml', '--model', 'claude-sonnet-4-6', '--clouds', 'openai'], { cwd });
    expect(none.stderr).toBe('error: --clouds: none of openai sells claude-sonnet-4-6 today; `cloudtco catalog models` shows where it is sold\n');
    const sessions = await runCli(['init', 'x.yaml', '--sessions', 'lots'], { cwd });
    expect(sessions.stderr).toBe('error: --sessions: expected a count like 100k, got "lots"\n');
  });

  it('asks on a terminal for what the flags did not give, each with its default', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'cloudtco-init-'));
    const terminal = (answers: string) => Object.assign(Readable.from([answers]), { isTTY: true });
    // model and clouds answered, sessions left at its default
    const init = await runCli(['init', 'asked.yaml'], { cwd, isTTY: true, stdin: terminal('claude-sonnet-4-6\nanthropic,gcp\n\n') });
    expect(init.code).toBe(0);
    expect(init.stdout).toBe('Model (`cloudtco catalog models` lists them) [gpt-5.5]: Clouds to buy it on, comma-separated [azure,aws,openai]: Sessions a month [100k]: ');
    const text = await readFile(path.join(cwd, 'asked.yaml'), 'utf8');
    expect(text).toContain('model: claude-sonnet-4-6');
    expect(text).toContain('sessions_per_month: 100k');
    expect(text).toContain('  - id: anthropic');
    expect(text).toContain('  - id: gcp');
    // a flag given is not asked for
    const flagged = await runCli(['init', 'flagged.yaml', '--model', 'gpt-5.4', '--clouds', 'openai'], { cwd, isTTY: true, stdin: terminal('20k\n') });
    expect(flagged.stdout).toBe('Sessions a month [100k]: ');
    expect(await readFile(path.join(cwd, 'flagged.yaml'), 'utf8')).toContain('sessions_per_month: 20k');
    // not a terminal: nothing asked
    const piped = await runCli(['init', 'piped.yaml'], { cwd, stdin: Object.assign(Readable.from(['x\n']), { isTTY: false }) });
    expect(piped.stdout).toBe('');
  });
});
