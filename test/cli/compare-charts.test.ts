/** compare's charts: a bar per option and, by month, a sparkline per option — on a terminal only. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('compare charts', () => {
  it('draws a bar per option, the most expensive full width, and month sparklines with --by month', async () => {
    const result = await runCli(['compare', 'scenarios/support-agents.yaml', '--by', 'month', '--no-color'], { isTTY: true });
    expect(result.code).toBe(0);
    const bars = result.stdout.split('\n').filter((l) => /^\S+\s+█+ *\s+[\d,.]+$/.test(l));
    // totals 1 510 998.41 and 1 662 098.25: 1 510 998.41 ÷ 1 662 098.25 × 40 = 36.4 → 36 cells, the dearest 40
    expect(bars.map((l) => [l.split(/\s+/)[0], (l.match(/█/g) ?? []).length])).toEqual([
      ['azure-global', 36],
      ['azure-data-zone', 40],
      ['aws-bedrock', 40],
      ['openai-direct', 36],
    ]);
    expect(result.stdout).toMatch(/Month by month, 2027-01 to 2027-12, /);
    const sparks = result.stdout.split('\n').filter((l) => /^\S+\s+[▁▂▃▄▅▆▇█]{12}$/.test(l));
    expect(sparks).toHaveLength(4);
    // growth of 4 % and 2 % a month: each option's line rises
    for (const line of sparks) {
      const cells = [...line.trim().split(/\s+/)[1]!];
      expect(cells[11]! >= cells[0]!).toBe(true);
    }
  });

  it('draws nothing piped, in a file, or with --no-chart', async () => {
    const piped = await runCli(['compare', 'scenarios/support-agents.yaml', '--by', 'month']);
    expect(piped.stdout).not.toContain('█');
    expect(piped.stdout).not.toContain('Month by month');
    const off = await runCli(['compare', 'scenarios/support-agents.yaml', '--no-chart', '--no-color'], { isTTY: true });
    expect(off.stdout).not.toContain('█');
  });
});
