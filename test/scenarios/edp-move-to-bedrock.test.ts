/**
 * The commitment example: moving GPT-5.5 from Azure to Bedrock costs 10 % more per token, but
 * staying leaves the AWS commitment unfilled. Worked by hand:
 *
 * Each month m (0 = 2027-01) has 100 000 × 1.03^m sessions × 6 turns × 2 calls = 1.2M × 1.03^m
 * calls, 9.6B × 1.03^m input tokens (60 % cached) and 540M × 1.03^m output tokens. On Azure:
 *   uncached 3.84B × 5.00/1M = 19 200, cached 5.76B × 0.50/1M = 2 880, output 540M × 30/1M = 16 200
 *   = 38 280 × 1.03^m a month; 2027: 38 280 × (1.03^12 − 1) / 0.03 = 38 280 × 14.192029546 = 543 270.89
 * Bedrock's prices (5.50, 0.55, 33.00) are Azure's × 1.1: 2027 = 597 597.98.
 *
 * The AWS commitment is 500 000 a year at 6 % off:
 *   stay-on-azure spends nothing on AWS: 500 000 short in 2027-12 and again in 2028-12
 *   move-to-bedrock consumes 597 597.98 × 0.94 = 561 742.10 ≥ 500 000 in 2027: no shortfall
 * So move-to-bedrock, 165 000 up front (migration 120 000 + dual running 45 000), stays costlier
 * month by month until December 2027, when stay-on-azure's first shortfall lands:
 *   through 2027-12: stay 543 270.89 + 500 000 = 1 043 270.89; move 561 742.10 + 165 000 = 726 742.10
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { runCli } from '../helpers/run-cli.js';

const SCENARIO = 'scenarios/edp-move-to-bedrock.yaml';

describe(SCENARIO, () => {
  it('prints the comparison with the break-even month', async () => {
    const result = await runCli(['compare', SCENARIO]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/edp-move-to-bedrock.txt');
  });

  it('bills the shortfall where spend left the committed cloud, and breaks even when it lands', async () => {
    const json = JSON.parse((await runCli(['compare', SCENARIO, '--format', 'json', '--by', 'year'])).stdout);
    const [stay, move] = json.options;
    const tokens = (o: { byPeriod: { byCategory: Record<string, string> }[] }, year: number) =>
      ['tokens.input', 'tokens.cached', 'tokens.output'].reduce((total, c) => total.plus(o.byPeriod[year]!.byCategory[c]!), dec('0'));

    expect(tokens(stay, 0).toFixed(2)).toBe('543270.89');
    expect(tokens(move, 0).toFixed(2)).toBe('597597.98');
    expect(stay.byCategory['commitment.shortfall']).toBe('1000000');
    expect(move.byCategory['commitment.shortfall']).toBeUndefined();
    expect(move.byCategory['one-time']).toBe('165000');
    // 6 % of every token Bedrock bills, exactly
    const moveTokens = tokens(move, 0).plus(tokens(move, 1));
    expect(dec(move.byCategory['commitment.discount']).eq(moveTokens.times('-0.06'))).toBe(true);
    expect(dec(move.byPeriod[0].total).toFixed(2)).toBe('726742.10');
    expect(dec(stay.byPeriod[0].total).toFixed(2)).toBe('1043270.89');
    expect(move.breakEven.baseline).toMatchObject({ against: 'stay-on-azure', outcome: 'becomes-cheaper', month: '2027-12' });
  });

  it('shows who receives the money: Microsoft keeps Azure’s, OpenAI receives Bedrock’s', async () => {
    const result = await runCli(['flows', SCENARIO]);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/edp-move-to-bedrock-flows.txt');
  });
});
