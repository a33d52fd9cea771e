/**
 * The bundled example, `cloudtco compare scenarios/support-agents.yaml --format json`, checked
 * against totals worked out by hand (with a desk calculator, not with cloudtco's code).
 *
 * Tokens per month: sessions × (1 + growth)^m × turns × calls × tokens per call, whole tokens.
 *
 * support-agent: 250k sessions, +4 %/month, 6 turns × 2 calls, 8 000 in (60 % cached), 450 out
 *   month  sessions            input            cached        uncached         output
 *   01     250 000       24 000 000 000   14 400 000 000   9 600 000 000   1 350 000 000
 *   02     260 000       24 960 000 000   14 976 000 000   9 984 000 000   1 404 000 000
 *   03     270 400       25 958 400 000   15 575 040 000  10 383 360 000   1 460 160 000
 *   04     281 216       26 996 736 000   16 198 041 600  10 798 694 400   1 518 566 400
 *   05     292 464.64    28 076 605 440   16 845 963 264  11 230 642 176   1 579 309 056
 *   06     304 163.2256  29 199 669 658   17 519 801 795  11 679 867 863   1 642 481 418
 *   07     316 329.75…   30 367 656 444   18 220 593 866  12 147 062 578   1 708 180 675
 *   08     328 982.94…   31 582 362 702   18 949 417 621  12 632 945 081   1 776 507 902
 *   09     342 142.26…   32 845 657 210   19 707 394 326  13 138 262 884   1 847 568 218
 *   10     355 827.95…   34 159 483 498   20 495 690 099  13 663 793 399   1 921 470 947
 *   11     370 061.07…   35 525 862 838   21 315 517 703  14 210 345 135   1 998 329 785
 *   12     384 863.51…   36 946 897 352   22 168 138 411  14 778 758 941   2 078 262 976
 *   sum                                  216 371 598 685 144 247 732 457  20 284 837 377
 *
 * ticket-triage: 1.2M sessions, +2 %/month, 1 turn × 1 call, 1 500 in (30 % cached), 120 out
 *   sums: cached 7 242 528 453, uncached 16 899 233 059, output 1 931 340 920
 *   (month 01: 1 800 000 000 in, 540 000 000 cached, 1 260 000 000 uncached, 144 000 000 out)
 *
 * Global prices (Azure Global Standard = OpenAI direct): gpt-5.5 5 / 0.50 / 30, gpt-5.4 2.50 / 0.25 / 15 per 1M
 *   input   144 247 732 457 × 5    + 16 899 233 059 × 2.50 = 721 238.662285  + 42 248.0826475   = 763 486.7449325
 *   cached  216 371 598 685 × 0.50 +  7 242 528 453 × 0.25 = 108 185.7993425 +  1 810.63211325  = 109 996.43145575
 *   output   20 284 837 377 × 30   +  1 931 340 920 × 15   = 608 545.12131   + 28 970.1138      = 637 515.23511
 *   total                                                                                     = 1 510 998.41149825
 * Azure Data Zone and Bedrock both charge 1.1 × those prices (5.50 / 0.55 / 33, 2.75 / 0.275 / 16.50):
 *   total 1 510 998.41149825 × 1.1 = 1 662 098.252648075, 151 099.841149825 (10 %) more.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const GLOBAL = { total: '1510998.41149825', input: '763486.7449325', cached: '109996.43145575', output: '637515.23511' };
const PREMIUM = { total: '1662098.252648075', input: '839835.41942575', cached: '120996.074601325', output: '701266.758621' };

describe('scenarios/support-agents.yaml', () => {
  it('compares to totals worked out by hand', async () => {
    const result = await runCli(['compare', 'scenarios/support-agents.yaml', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const byId = Object.fromEntries(json.options.map((o: { id: string }) => [o.id, o]));
    for (const [id, expected] of [
      ['azure-global', GLOBAL],
      ['openai-direct', GLOBAL],
      ['azure-data-zone', PREMIUM],
      ['aws-bedrock', PREMIUM],
    ] as const) {
      expect(byId[id].total, id).toBe(expected.total);
      expect(byId[id].byCategory, id).toEqual({ 'tokens.input': expected.input, 'tokens.cached': expected.cached, 'tokens.output': expected.output });
    }
    expect(json.cheapest).toEqual(['azure-global', 'openai-direct']);
    expect(byId['aws-bedrock'].differenceFromCheapest).toEqual({ amount: '151099.841149825', percent: '10.00' });
  });

  it('prints the table the README shows', async () => {
    const result = await runCli(['compare', 'scenarios/support-agents.yaml']);
    await expect(result.stdout).toMatchFileSnapshot('golden/support-agents.txt');
  });
});
