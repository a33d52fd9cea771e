import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
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
    expect(compare.stdout).toMatch(/--format <format>\s+output format: markdown for pull requests, html for a page\s+of charts and tables \(choices: "table", "json", "csv",\s+"markdown", "html", default: "table"\)/);
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
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      get cwd(): string {
        throw new Error('the working directory went away');
      },
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/^cloudtco: internal error: Error: the working directory went away\n/);
    expect(stderr).toContain(`This is a bug in cloudtco ${version}. Please report it with the command you ran and this message.`);
  });
});

describe('standard output that fails', () => {
  /** Runs the CLI with a stdout whose writes fail with `code`, as a full disk or a closed pipe does. */
  async function withFailingStdout(args: string[], code: string) {
    let stderr = '';
    const exit = await run(args, {
      stdout: {
        write: (_text: string, written?: (error?: Error | null) => void) => {
          written?.(Object.assign(new Error(`write ${code}`), { code }));
          return false;
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      cwd: REPO,
    });
    return { exit, stderr };
  }

  it('a full disk is one line and exit 3, not a stack', async () => {
    expect(await withFailingStdout(['compare', 'scenarios/support-agents.yaml'], 'ENOSPC')).toEqual({
      exit: 3,
      stderr: 'cloudtco: cannot write to standard output: no space left on the device\n',
    });
  });

  it('a reader that stopped reading is quiet, and the command keeps its own exit code', async () => {
    // the bundled example breaks its 160k monthly budget in 2027-11 (exit 1); a 10M one holds (exit 0)
    expect(await withFailingStdout(['check', 'scenarios/support-agents.yaml'], 'EPIPE')).toEqual({ exit: 1, stderr: '' });
    expect(await withFailingStdout(['check', 'scenarios/support-agents.yaml', '--set', 'budgets.0.limit=10M'], 'EPIPE')).toEqual({ exit: 0, stderr: '' });
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

  it('reports a full disk on stdout in one line, exit 3', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [bin, 'compare', 'scenarios/support-agents.yaml'], { cwd: REPO, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(stderr).toBe('cloudtco: cannot write to standard output: no space left on the device\n');
      expect(code).toBe(3);
    } finally {
      closeSync(full);
    }
  });

  it('finds its bundled catalog from any working directory', async () => {
    const scenario = path.join(REPO, 'scenarios/support-agents.yaml');
    const { stdout } = await exec(process.execPath, [bin, 'compare', scenario, '--format', 'csv'], { cwd: '/' });
    expect(stdout.split('\r\n')[0]).toBe('option,total,monthly_average,tokens.input,tokens.cached,tokens.output,cheapest,difference,difference_percent,added_rtt_ms_per_turn,npv,break_even_vs_cheapest,break_even_vs_cheapest_month,break_even_vs_baseline,break_even_vs_baseline_month,currency,catalog_sha256,prices_as_of_oldest,prices_as_of_newest,what_if,point_values');
  });
});
