import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };

describe('cloudtco', () => {
  it('prints its version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints help on stdout', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cloudtco \[options\] \[command\]/);
    expect(result.stdout).toContain('compare [options] <scenario>');
    const compare = await runCli(['compare', '--help']);
    expect(compare.stdout).toContain('--by <breakdown>');
    expect(compare.stdout).toMatch(/--format <format>\s+output format \(choices: "table", "json", "csv", default:\s+"table"\)/);
    expect(compare.stdout).toMatch(/--set <path=value>\s+change a scenario value/);
    expect(compare.stdout).not.toContain('(default: [])');
  });

  it('shows usage and exits 2 when no command is given', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: cloudtco/);
  });

  it('exits 3 on an internal error, asking for a report', async () => {
    let stderr = '';
    const code = await run(['compare', 'test/fixtures/worked-example/scenario.yaml', '--catalog', 'test/fixtures/worked-example/catalog'], {
      stdout: {
        write: () => {
          throw new Error('stdout went away');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      cwd: REPO,
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/^cloudtco: internal error: Error: stdout went away\n/);
    expect(stderr).toContain(`This is a bug in cloudtco ${version}. Please report it with the command you ran and this message.`);
  });
});

describe('bin/cloudtco.js (built)', () => {
  const exec = promisify(execFile);
  const bin = path.join(REPO, 'bin/cloudtco.js');

  it('runs the bundled example from a clean shell and sets the exit code', async () => {
    const { stdout } = await exec(process.execPath, [bin, 'compare', 'scenarios/support-agents.yaml', '--format', 'json'], { cwd: REPO, env: { PATH: process.env.PATH } });
    expect(JSON.parse(stdout).options).toHaveLength(4);
    await expect(exec(process.execPath, [bin, 'compare', 'test/fixtures/bad-scenarios/bad-quantity.yaml'], { cwd: REPO })).rejects.toMatchObject({ code: 2 });
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [bin, 'compare', 'scenarios/support-agents.yaml', '--format', 'json', '--line-items'], { cwd: REPO });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('finds its bundled catalog from any working directory', async () => {
    const scenario = path.join(REPO, 'scenarios/support-agents.yaml');
    const { stdout } = await exec(process.execPath, [bin, 'compare', scenario, '--format', 'csv'], { cwd: '/' });
    expect(stdout.split('\r\n')[0]).toBe('option,total,monthly_average,tokens.input,tokens.cached,tokens.output,cheapest,difference,difference_percent,added_rtt_ms_per_turn,npv,break_even_vs_cheapest,break_even_vs_cheapest_month,break_even_vs_baseline,break_even_vs_baseline_month,currency,catalog_sha256,prices_as_of_oldest,prices_as_of_newest');
  });
});
