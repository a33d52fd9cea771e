/** A result made with `--set` says so in every format, so a what-if is never taken for the plan. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const EXAMPLE = 'scenarios/support-agents.yaml';
const SET = ['--set', 'workloads.0.growth=8%', '--set', 'budgets.0.limit=10M'];
const LINE = 'What-if: --set workloads.0.growth=8% --set budgets.0.limit=10M';

describe('a what-if leaves a trace', () => {
  it('compare: under the table heading, in JSON and on every CSV row', async () => {
    const table = await runCli(['compare', EXAMPLE, ...SET]);
    expect(table.stdout.split('\n').slice(0, 3)).toEqual(['Customer-support agent platform', '12 months, 2027-01 to 2027-12, USD · scenarios/support-agents.yaml', LINE]);
    const json = JSON.parse((await runCli(['compare', EXAMPLE, '--format', 'json', ...SET])).stdout) as { whatIf: string[] };
    expect(json.whatIf).toEqual(['workloads.0.growth=8%', 'budgets.0.limit=10M']);
    const rows = parse((await runCli(['compare', EXAMPLE, '--format', 'csv', ...SET])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.what_if)).toEqual(Array(4).fill('workloads.0.growth=8%; budgets.0.limit=10M'));
  });

  it('compare without --set says nothing of it', async () => {
    const table = await runCli(['compare', EXAMPLE]);
    expect(table.stdout).not.toContain('What-if');
    expect((JSON.parse((await runCli(['compare', EXAMPLE, '--format', 'json'])).stdout) as { whatIf: string[] }).whatIf).toEqual([]);
  });

  it('check: in every format, so a gate passed by a what-if cannot pass for the plan', async () => {
    const table = await runCli(['check', EXAMPLE, ...SET]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[2]).toBe(LINE);
    expect((JSON.parse((await runCli(['check', EXAMPLE, '--format', 'json', ...SET])).stdout) as { whatIf: string[] }).whatIf).toEqual(['workloads.0.growth=8%', 'budgets.0.limit=10M']);
    expect((await runCli(['check', EXAMPLE, '--format', 'markdown', ...SET])).stdout).toContain(`**${LINE}**`);
    expect((await runCli(['check', EXAMPLE, '--format', 'github', ...SET])).stdout).toContain('::notice title=What-if::scenarios/support-agents.yaml was checked with --set workloads.0.growth=8%25 --set budgets.0.limit=10M');
    const junit = (await runCli(['check', EXAMPLE, '--format', 'junit', ...SET])).stdout;
    expect(junit).toContain('<property name="cloudtco.set" value="workloads.0.growth=8%"/>');
    expect(junit).toContain('<property name="cloudtco.set" value="budgets.0.limit=10M"/>');
  });

  it('export: an x_WhatIf cell on every row, and the JSON field', async () => {
    const rows = parse((await runCli(['export', EXAMPLE, ...SET])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.x_WhatIf))).toEqual(new Set(['workloads.0.growth=8%; budgets.0.limit=10M']));
    const plain = parse((await runCli(['export', EXAMPLE])).stdout, { columns: true }) as Record<string, string>[];
    expect(new Set(plain.map((r) => r.x_WhatIf))).toEqual(new Set(['']));
    expect((JSON.parse((await runCli(['export', EXAMPLE, '--format', 'json', ...SET])).stdout) as { whatIf: string[] }).whatIf).toHaveLength(2);
  });

  it('flows: under the heading and in JSON', async () => {
    const table = await runCli(['flows', EXAMPLE, ...SET]);
    expect(table.stdout.split('\n')[2]).toBe(LINE);
    expect((JSON.parse((await runCli(['flows', EXAMPLE, '--format', 'json', ...SET])).stdout) as { whatIf: string[] }).whatIf).toHaveLength(2);
  });
});
