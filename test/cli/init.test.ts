/** `cloudtco init`: a starter scenario that validates and compares, placed where the catalog sells the model. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
});
