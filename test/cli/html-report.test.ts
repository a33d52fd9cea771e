/**
 * `--format html` on every command that draws charts: one page that stands alone, with the
 * charts and tables the figures call for. The hand-worked scenario is two-prices' catalog over
 * three months, 500 000 sessions of 1 000 input tokens a month (500M tokens):
 *
 *   a: 3 per 1M            → 1 500 a month;              cumulative 1 500, 3 000, 4 500
 *   b: 2 per 1M + 1 000 once in the first month → 2 000, 1 000, 1 000; cumulative 2 000, 3 000, 4 000
 *
 * b is the cheapest (4 000 < 4 500); a is level with it in 2027-02 and costlier from 2027-03.
 */
import path from 'node:path';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/money.js';
import { runCli } from '../helpers/run-cli.js';
import { TWO_OPTIONS, twoPrices } from '../helpers/two-prices.js';

const SCENARIO = `name: three months
horizon: { start: 2027-01, months: 3 }
workloads:
  - { id: w, model: m, sessions_per_month: 500k, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
${TWO_OPTIONS}one_time:
  - { id: setup, options: [b], month: 2027-01, amount: 1000 }
`;

/** What a page may hold: nothing that would fetch, run or leave the file. */
function expectSelfContained(html: string): void {
  expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|image|use|foreignObject)\b/i);
  // no attribute that loads or runs anything, in any tag (names in the text are escaped: no raw < there)
  expect(html).not.toMatch(/<[^>]*\s(src|href|xlink:href|on[a-z]+)=/i);
  expect(html).not.toMatch(/url\(|@import/i);
  // the only address is SVG's namespace, which is a name, not a request
  expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
}

const charts = (html: string) => [...html.matchAll(/data-chart="([a-z]+)"/g)].map((m) => m[1]);
const seriesOf = (svg: string) => [...svg.matchAll(/<g class="series" data-series="([^"]*)"/g)].map((m) => m[1]);
const svgs = (html: string) => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

describe('--format html', () => {
  it('compare: stacked categories, monthly lines, cumulative lines with the break-even months marked', async () => {
    const { dir, scenario } = await twoPrices('html', SCENARIO);
    const result = await runCli(['compare', scenario, '--catalog', dir, '--format', 'html']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = result.stdout;
    expectSelfContained(html);
    expect(charts(html)).toEqual(['bars', 'line', 'line']);
    const [totals, monthly, cumulative] = svgs(html) as [string, string, string];
    expect(totals).toContain('<g class="bar-row" data-row="a">');
    expect(totals).toContain('<title>b · one-time: 1,000.00 USD</title>');
    expect(seriesOf(monthly)).toEqual(['a', 'b']);
    expect(monthly).toContain('<title>b · 2027-01: 2,000.00 USD</title>');
    expect(seriesOf(cumulative)).toEqual(['a', 'b']);
    expect(cumulative).toContain('<title>b · 2027-03: 4,000.00 USD</title>');
    // a vs b: -500, 0, +500 → level in 2027-02, costlier from 2027-03; marked once each
    expect(cumulative.match(/<g class="marker">/g)).toHaveLength(2);
    expect(html).toContain('<li>a breaks even with b in 2027-02 (cumulative 3,000.00 USD)</li><li>a becomes costlier than b in 2027-03 (cumulative 4,500.00 USD)</li>');
    // the tables under the charts: totals by category, each month
    expect(html).toMatch(/<tr class="total"><th scope="row">Total<\/th><td class="num">4,500.00<\/td><td class="num cheapest">4,000.00<\/td><\/tr>/);
    expect(html).toContain('<tr><th scope="row">2027-01</th><td class="num">1,500.00</td><td class="num">2,000.00</td></tr>');
  });

  it('compare: the rounded cells of each column add up to its total, to the cent', async () => {
    const html = (await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--format', 'html'])).stdout;
    const table = html.slice(html.indexOf('<caption class="facts">By category, USD</caption>'), html.indexOf('<tr class="total">'));
    const rows = [...table.matchAll(/<tr><th scope="row">[a-z.-]+<\/th>((?:<td class="num">[-\d,.]+<\/td>)+)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/>([-\d,.]+)</g)].map((c) => new Decimal(c[1]!.replaceAll(',', ''))));
    const total = html.slice(html.indexOf('<tr class="total">')).match(/<tr class="total">.*?<\/tr>/)![0];
    const totals = [...total.matchAll(/>([-\d,.]+)</g)].map((c) => new Decimal(c[1]!.replaceAll(',', '')));
    expect(rows.length).toBeGreaterThan(5);
    expect(totals).toHaveLength(4);
    totals.forEach((t, column) => expect(rows.reduce((sum, row) => sum.plus(row[column]!), new Decimal(0)).toFixed(2)).toBe(t.toFixed(2)));
  });

  it('compare: the bundled example, as a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-html-'));
    const out = path.join(dir, 'r.html');
    const result = await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--format', 'html', '--out', out]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = await readFile(out, 'utf8');
    expectSelfContained(html);
    await expect(html).toMatchFileSnapshot('golden/compare-multi-cloud-agent.html');
  });

  it('sweep: a line per option and a rule where the cheapest changes', async () => {
    const { dir, scenario } = await twoPrices('html', SCENARIO.replace('months: 3', 'months: 1'));
    const html = (await runCli(['sweep', scenario, '--catalog', dir, '--vary', 'workloads.0.sessions_per_month=0..2M:500k', '--format', 'html'])).stdout;
    expectSelfContained(html);
    expect(charts(html)).toEqual(['line']);
    expect(seriesOf(html)).toEqual(['a', 'b']);
    // a 0.003 a session, b 1 000 + 0.002: b cheapest from 1 000 001 (sweep.test.ts)
    expect(html.match(/<g class="rule">/g)).toHaveLength(1);
    expect(html).toContain('<title>b cheapest from 1000001</title>');
    expect(html).toContain('<title>b at 1500000: 4,000.00 USD</title>');
  });

  it('simulate: a box and a histogram per option, and each month with its range', async () => {
    const html = (await runCli(['simulate', 'scenarios/uncertain-demand.yaml', '--trials', '500', '--workers', '1', '--format', 'html'])).stdout;
    expectSelfContained(html);
    expect(charts(html)).toEqual(['box', 'histogram', 'line']);
    const [box, histogram, monthly] = svgs(html) as [string, string, string];
    expect(box.match(/<g class="box-row"/g)).toHaveLength(3);
    expect(seriesOf(histogram)).toEqual(['stay-on-bedrock', 'azure-global', 'openai-direct']);
    // 500 trials in each option's 30 bins
    for (const option of seriesOf(histogram)) {
      const panel = histogram.slice(histogram.indexOf(`data-series="${option}"`)).split('</g>')[0]!;
      expect([...panel.matchAll(/<title>[^:]+: ([\d,]+) trials/g)].reduce((n, m) => n + Number(m[1]!.replaceAll(',', '')), 0)).toBe(500);
    }
    expect(seriesOf(monthly)).toEqual(['stay-on-bedrock', 'azure-global', 'openai-direct']);
    expect(monthly.match(/<polygon class="band"/g)).toHaveLength(3);
  });

  it('flows: who keeps the money, overall and per option', async () => {
    const html = (await runCli(['flows', 'scenarios/msft-openai-2026.yaml', '--format', 'html'])).stdout;
    expectSelfContained(html);
    expect(charts(html)).toEqual(['bars', 'bars', 'bars', 'bars']);
    expect(html).toContain('<li>openai → microsoft (openai-to-microsoft): 760,000.00, cap 760,000.00 reached in 2030-02</li>');
  });

  it('replay: the compare page of observed requests, saying what was read', async () => {
    const html = (await runCli(['replay', 'scenarios/usage/azure-llm-inference-trace-2023-code.csv', '--preset', 'azure-trace', '--model', 'gpt-5.5', '--scenario', 'scenarios/multi-cloud-agent.yaml', '--prices-on', '2026-12-01', '--format', 'html'])).stdout;
    expectSelfContained(html);
    expect(html).toContain('<p class="facts">Replayed 8,819 requests from 1 file, 2023-11-16 18:17:03 to 2023-11-16 19:14:19 UTC; gpt-5.5</p>');
    // one month has no line to draw: the totals' bars and table alone
    expect(charts(html)).toEqual(['bars']);
    expect(html).toContain('<td class="num">107.44</td>');
  });

  it('draws nothing from nothing: a scenario that costs nothing, a simulation of one trial', async () => {
    const { dir, scenario } = await twoPrices('html', SCENARIO.replace('500k', '0').replace(/one_time:[\s\S]*$/, ''));
    const zero = (await runCli(['compare', scenario, '--catalog', dir, '--format', 'html'])).stdout;
    expectSelfContained(zero);
    expect(zero).not.toMatch(/NaN|Infinity/);
    // no segment has a length; the axis still has ticks from 0 to 1
    expect(zero).not.toMatch(/<rect x="[\d.]+" y="[\d.]+" width/);
    expect(zero).toContain('<tr class="total"><th scope="row">Total</th><td class="num cheapest">0.00</td><td class="num cheapest">0.00</td></tr>');
    const one = (await runCli(['simulate', 'scenarios/uncertain-demand.yaml', '--trials', '1', '--workers', '1', '--percentiles', '50', '--format', 'html'])).stdout;
    expectSelfContained(one);
    expect(one).not.toMatch(/NaN|Infinity/);
    // one percentile asked for: the months' line without a band
    expect(one).not.toContain('class="band"');
  });

  it('shows hostile names as text', async () => {
    const html = (await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--set', 'name=</title><script>alert(1)</script>', '--set', 'options.0.description=<img src=x onerror=alert(1)>\u202e', '--format', 'html'])).stdout;
    expectSelfContained(html);
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;\\u202e</td>');
  });
});
