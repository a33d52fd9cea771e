import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { mermaidChart } from '../../src/report/mermaid.js';
import { runCli } from '../helpers/run-cli.js';

describe('mermaid charts in markdown', () => {
  it('writes an xychart with quoted labels (their quotes and brackets dropped) and money to the currency', () => {
    expect(mermaidChart('Total "now", USD', 'USD', ['a"b', 'c[d]'], [{ kind: 'bar', values: [dec('1.005'), dec('2')] }, { kind: 'line', values: [dec('3.333'), dec('0')] }])).toBe(
      ['```mermaid', 'xychart-beta', '  title "Total  now , USD"', '  x-axis ["a b", "c d "]', '  y-axis "USD"', '  bar [1, 2]', '  line [3.33, 0]', '```'].join('\n'),
    );
    // JPY has no minor unit: 1 234.5 rounds half-even to 1 234
    expect(mermaidChart('t', 'JPY', ['x'], [{ kind: 'bar', values: [dec('1234.5')] }])).toContain('bar [1234]');
  });

  it('puts a chart under compare, diff and check in markdown', async () => {
    const compare = await runCli(['compare', 'scenarios/support-agents.yaml', '--format', 'markdown', '--by', 'month']);
    expect(compare.stdout).toContain('  x-axis ["azure-global", "azure-data-zone", "aws-bedrock", "openai-direct"]\n  y-axis "USD"\n  bar [1510998.41, 1662098.25, 1662098.25, 1510998.41]');
    expect(compare.stdout.match(/^ {2}line \[/gm)).toHaveLength(4); // a line per option across the twelve months
    const diff = await runCli(['diff', 'scenarios/support-agents.yaml', 'scenarios/support-agents.yaml', '--set', 'workloads.0.growth=6%', '--format', 'markdown']);
    expect(diff.stdout.match(/^ {2}bar \[/gm)).toHaveLength(2); // before and after
    const check = await runCli(['check', 'scenarios/support-agents.yaml', '--format', 'markdown']);
    expect(check.stdout).toContain('```mermaid');
    expect(check.stdout).toMatch(/^ {2}line \[/m); // the limits
  });
});
