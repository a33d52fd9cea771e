/**
 * `cloudtco check`: every exit code, each CI format. The bundled example's budgets, by hand
 * (monthly totals from `compare scenarios/support-agents.yaml --by month`):
 *   monthly model spend, 160 000 a month: Azure Global and OpenAI peak at 154 095.93 (2027-12);
 *     Data Zone and Bedrock reach 163 126.48 in 2027-11 (3 126.48 over) and 169 505.52 in 2027-12
 *   first-year plan, 1 600 000 (warning): Data Zone and Bedrock total 1 662 098.25, 62 098.25 over;
 *     through November they stand at 1 662 098.25 − 169 505.52 = 1 492 592.73, so December passes it
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { runCli } from '../helpers/run-cli.js';

const EXAMPLE = 'scenarios/support-agents.yaml';
const AWKWARD = 'test/fixtures/check/awkward-names.yaml';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'cloudtco-check-'));
}

describe('cloudtco check', () => {
  it('exits 1 when a budget of severity error is breached, naming limit, the worst month, its excess, and the first month over', async () => {
    const result = await runCli(['check', EXAMPLE, '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ passed: false, errors: 2, warnings: 2 });
    const dataZone = json.budgets.filter((b: { option: string }) => b.option === 'azure-data-zone');
    const cents = (b: { actual: string; excess: string }) => ({ ...b, actual: dec(b.actual).toFixed(2), excess: dec(b.excess).toFixed(2) });
    expect(dataZone.map(cents)).toEqual([
      // the worst month, December: 169 505.52, 9 505.52 over; the first over, November
      { name: 'monthly model spend', option: 'azure-data-zone', severity: 'error', per: 'month', limit: '160000', breached: true, worstPeriod: '2027-12', actual: '169505.52', excess: '9505.52', firstBreachedPeriod: '2027-11', firstBreachedMonth: '2027-11', periodsBreached: 2, file: EXAMPLE, line: 56 },
      { name: 'first-year plan', option: 'azure-data-zone', severity: 'warning', per: 'horizon', limit: '1600000', breached: true, worstPeriod: null, actual: '1662098.25', excess: '62098.25', firstBreachedPeriod: '2027-12', firstBreachedMonth: '2027-12', periodsBreached: 1, file: EXAMPLE, line: 59 },
    ]);
    const global = json.budgets.find((b: { option: string; per: string }) => b.option === 'azure-global' && b.per === 'month');
    expect(cents(global)).toMatchObject({ breached: false, worstPeriod: '2027-12', actual: '154095.93', excess: '0.00', firstBreachedPeriod: null });
  });

  it('exits 0 when every budget holds; warnings alone do not fail', async () => {
    const result = await runCli(['check', EXAMPLE, '--set', 'budgets.0.limit=170k']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('every check held, 2 warnings (8 checks)');
  });

  it('prints the table people read', async () => {
    const result = await runCli(['check', EXAMPLE]);
    await expect(result.stdout).toMatchFileSnapshot('golden/check-table.txt');
  });

  it('annotates each breach at its budget’s line for GitHub Actions, escaping %, line breaks, : and ,', async () => {
    const result = await runCli(['check', AWKWARD, '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        // 1 000 sessions × 1M tokens × 5.00/1M = 5 000 a month against 4 000: 1 000 over, both months
        '::error file=test/fixtures/check/awkward-names.yaml,line=10,title=Budget 100%25%3A all of it%2C%0Aand more [azure]::100%25: all of it,%0Aand more [azure]: 5,000.00 in 2027-01, the worst month, is 1,000.00 over the limit of 4,000.00 a month; first over: 2027-01 (2 months over)',
        'cloudtco check: 1 breached (2 checks)',
        '',
      ].join('\n'),
    );
  });

  it('appends a markdown summary to GITHUB_STEP_SUMMARY', async () => {
    const summary = path.join(await tempDir(), 'summary.md');
    await writeFile(summary, '# earlier step\n');
    await runCli(['check', EXAMPLE, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('# earlier step\n### cloudtco check: Customer-support agent platform\n')).toBe(true);
    expect(text).toContain('| ❌ | monthly model spend | azure-data-zone | month | 160,000.00 | 169,505.52 | 9,505.52 | worst: 2027-12; first over: 2027-11 (2 months over) |');
  });

  it('writes JUnit XML, one test case per budget and option, escaped', async () => {
    const result = await runCli(['check', AWKWARD, '--format', 'junit']);
    await expect(result.stdout).toMatchFileSnapshot('golden/check-junit.xml');
    expect(result.stdout).toContain('name="budget 100%: all of it,&#10;and more [azure]"');
  });

  it('measures the increase over a baseline result: exit 1 over --max-increase, 0 within', async () => {
    const dir = await tempDir();
    const baseline = path.join(dir, 'main.json');
    await runCli(['compare', EXAMPLE, '--format', 'json', '--out', baseline]);
    // a tenth more sessions in the first month: every month's tokens grow by 10 %, so each total
    // grows by 10 % (to the token: whole-token rounding moves it by well under a cent)
    const more = ['--set', 'workloads.0.sessions_per_month=275k', '--set', 'workloads.1.sessions_per_month=1.32M', '--set', 'budgets=[]'];
    const over = await runCli(['check', EXAMPLE, ...more, '--baseline', baseline, '--max-increase', '5%', '--format', 'json']);
    expect(over.code).toBe(1);
    const results = JSON.parse(over.stdout).baseline.results;
    expect(results.map((r: { option: string; percent: string; breached: boolean }) => [r.option, r.percent, r.breached])).toEqual([
      ['azure-global', '10.00', true],
      ['azure-data-zone', '10.00', true],
      ['aws-bedrock', '10.00', true],
      ['openai-direct', '10.00', true],
    ]);
    expect((await runCli(['check', EXAMPLE, ...more, '--baseline', baseline, '--max-increase', '10.01%'])).code).toBe(0);
    // an amount: 10 % of azure-global's 1 510 998.41 is about 151 100
    expect((await runCli(['check', EXAMPLE, ...more, '--baseline', baseline, '--max-increase', '152k'])).code).toBe(1);
    expect((await runCli(['check', EXAMPLE, ...more, '--baseline', baseline, '--max-increase', '170k'])).code).toBe(0);
  });

  it('says which options a baseline could not speak for, and refuses one that shares none', async () => {
    const dir = await tempDir();
    const baseline = path.join(dir, 'main.json');
    await runCli(['compare', EXAMPLE, '--format', 'json', '--out', baseline, '--set', 'options.azure-global.id=azure-old']);
    const github = await runCli(['check', EXAMPLE, '--baseline', baseline, '--max-increase', '1%', '--format', 'github', '--set', 'budgets=[]']);
    expect(github.code).toBe(0);
    expect(github.stdout).toContain('::notice title=Not compared with the baseline::azure-old: only in the baseline\n');
    expect(github.stdout).toContain('::notice title=Not compared with the baseline::azure-global: new since the baseline\n');
    const markdown = await runCli(['check', EXAMPLE, '--baseline', baseline, '--format', 'markdown', '--set', 'budgets=[]']);
    expect(markdown.stdout).toContain('Not compared: azure-old: only in the baseline; azure-global: new since the baseline.');

    const none = await runCli(['check', 'test/fixtures/worked-example/scenario.yaml', '--catalog', 'test/fixtures/worked-example/catalog', '--baseline', baseline]);
    expect(none.stderr).toMatch(/shares no option with the scenario \(it has azure-old, azure-data-zone, aws-bedrock, openai-direct; the scenario vendor, cloud\), so nothing can be compared\n$/);
    expect(none.code).toBe(2);
  });

  it('annotates a budget a --set added at the scenario file, with no line to point at', async () => {
    const result = await runCli(['check', EXAMPLE, '--set', 'budgets.2={name: tiny, per: month, limit: 1, option: azure-global}', '--format', 'github']);
    expect(result.stdout).toContain('::error file=scenarios/support-agents.yaml,title=Budget tiny [azure-global]::');
  });

  it('refuses a budget whose filters select no spend, saying where that spend is filed', async () => {
    const MULTI = 'scenarios/multi-cloud-agent.yaml';
    const cacheOf = (workload: string) => ['--set', `budgets=[{name: cache spend, per: month, limit: 1k, workload: ${JSON.stringify(workload)}, categories: [cache]}]`];
    // caches serve every workload of an option, so they are filed under the workload (shared), not support-agent
    const workload = await runCli(['check', MULTI, ...cacheOf('support-agent')]);
    expect(workload.stderr).toBe(
      `--set ${cacheOf('support-agent')[1]} budgets[0]: selects no spend in any option: workload "support-agent" has no cache spend (it has tokens.input, tokens.cached, tokens.output, runtime, state.storage, state.ops, egress); cache spend is filed under the workload "(shared)"\n`,
    );
    expect(workload.code).toBe(2);
    // (shared) reaches it: the all-azure cache is 2 Managed Redis B0 nodes, which the bundled example prices under 1k
    const shared = await runCli(['check', MULTI, ...cacheOf('(shared)'), '--format', 'json']);
    expect(shared.code).toBe(0);
    expect((JSON.parse(shared.stdout) as { budgets: { actual: string }[] }).budgets.every((b) => dec(b.actual).gt(0))).toBe(true);
    // a category no option has
    const egress = await runCli(['check', EXAMPLE, '--set', 'budgets.0.categories=[egress]']);
    expect(egress.stderr).toBe('--set budgets.0.categories=[egress] budgets[0]: selects no spend in any option: there is no egress spend; the spend is in tokens.input, tokens.cached, tokens.output\n');
    expect(egress.code).toBe(2);
    // validate finds it too, at the budget's line
    const text = (await readFile(EXAMPLE, 'utf8')).replace('    per: month\n', '    per: month\n    categories: [runtime]\n');
    const file = path.join(await tempDir(), 'runtime-budget.yaml');
    await writeFile(file, text);
    const validated = await runCli(['validate', file]);
    expect(validated.stderr).toBe(`${file}:56:5 budgets[0]: selects no spend in any option: there is no runtime spend; the spend is in tokens.input, tokens.cached, tokens.output\n`);
    expect(validated.code).toBe(2);
  });

  it('exits 2 for bad input: an unknown option in a budget, a bad threshold, a baseline that is not a result, nothing to check', async () => {
    const unknown = await runCli(['check', EXAMPLE, '--set', 'budgets.0.option=azure-globl']);
    expect(unknown.stderr).toBe('--set budgets.0.option=azure-globl budgets[0].option: no option "azure-globl" (did you mean "azure-global"?)\n');
    expect(unknown.code).toBe(2);

    const threshold = await runCli(['check', EXAMPLE, '--baseline', 'x.json', '--max-increase', 'lots']);
    expect(threshold.stderr).toBe('error: --max-increase: expected a percentage like 5% or an amount like 1000 (or 2.5k), not negative; got "lots"\n');
    expect(threshold.code).toBe(2);

    const notResult = await runCli(['check', EXAMPLE, '--baseline', 'schema/scenario.schema.json']);
    expect(notResult.stderr.split('\n')[0]).toBe('schema/scenario.schema.json:1:1 schemaVersion: required; expected 1, as in a result of `cloudtco compare --format json`');
    expect(notResult.code).toBe(2);

    const summary = await runCli(['check', EXAMPLE, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: '/nonexistent/dir/summary.md' } });
    // with --format github, bad input is an error annotation too
    expect(summary.stderr).toBe('::error::GITHUB_STEP_SUMMARY=/nonexistent/dir/summary.md: cannot append the summary: ENOENT\n');
    expect(summary.code).toBe(2);

    const nothing = await runCli(['check', EXAMPLE, '--set', 'budgets=[]']);
    expect(nothing.stderr).toBe('scenarios/support-agents.yaml: nothing to check: the scenario has no budgets: and no --baseline was given\n');
    expect(nothing.code).toBe(2);
  });
});
