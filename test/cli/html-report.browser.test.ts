/**
 * The HTML reports in a real browser: Debian's Chromium, driven by playwright-core. Each page is
 * opened from its file; every chart must be laid out with its series and labels, the page must
 * ask the network for nothing and log no error, and it must print. Screenshots and PDFs are left
 * in test-output/html/ to look at. `.ci/run` installs Chromium; elsewhere the test is skipped
 * when /usr/bin/chromium (or $CHROMIUM_PATH) is missing, and fails in CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { TWO_OPTIONS, twoPrices } from '../helpers/two-prices.js';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = path.join(REPO, 'test-output', 'html');
const MISSING = !existsSync(EXECUTABLE);
if (MISSING && process.env.CI !== undefined) throw new Error(`Chromium not found at ${EXECUTABLE}: .ci/run installs Debian's chromium package`);

// as the machine's notes advise: no sandbox as root, and none of Chromium's own calls home
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface ChartSeen {
  kind: string;
  title: string;
  description: string;
  width: number;
  height: number;
  series: string[];
  legend: string[];
  rows: string[];
  ticks: string[];
}

interface PageSeen {
  requests: string[];
  errors: string[];
  charts: ChartSeen[];
  tables: number;
}

let browser: Browser;
let work: string;

beforeAll(async () => {
  if (MISSING) return;
  browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
  work = await mkdtemp(path.join(tmpdir(), 'cloudtco-browser-'));
  await mkdir(OUTPUT, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Writes the page with the CLI, opens it, and reports what the browser laid out. */
async function open(name: string, args: string[]): Promise<PageSeen> {
  const file = path.join(work, `${name}.html`);
  const result = await runCli([...args, '--format', 'html', '--out', file]);
  expect(result.stderr).toBe('');
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => (message.type() === 'error' ? errors.push(message.text()) : undefined));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const charts = await page.$$eval('svg.chart', (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      const [title, description] = (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id: string) => svg.ownerDocument.getElementById(id)?.textContent ?? '');
      const texts = (selector: string) => [...svg.querySelectorAll(selector)].map((e) => e.textContent ?? '');
      return {
        kind: svg.getAttribute('data-chart') ?? '',
        title: title ?? '',
        description: description ?? '',
        width: box.width,
        height: box.height,
        series: [...svg.querySelectorAll('g.series')].map((g) => g.getAttribute('data-series') ?? ''),
        legend: texts('.legend-item text'),
        rows: [...svg.querySelectorAll('g.bar-row, g.box-row')].map((g) => g.getAttribute('data-row') ?? ''),
        ticks: texts('.tick'),
      };
    }),
  );
  const tables = await page.$$eval('table', (t) => t.length);
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await writeFile(path.join(OUTPUT, `${name}.pdf`), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.close();
  return { requests, errors, charts, tables };
}

/** Nothing but the file itself was asked for; nothing went wrong; every chart has size, a name and ticks. */
function expectClean(seen: PageSeen, file: string): void {
  expect(seen.requests).toEqual([pathToFileURL(path.join(work, `${file}.html`)).href]);
  expect(seen.errors).toEqual([]);
  for (const chart of seen.charts) {
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.height).toBeGreaterThan(100);
    expect(chart.title).not.toBe('');
    expect(chart.description).not.toBe('');
    expect(chart.ticks.length).toBeGreaterThanOrEqual(2);
    expect(chart.ticks.every((t) => t.trim() !== '')).toBe(true);
  }
}

const MULTI_CLOUD = ['all-azure', 'aws-runtime', 'all-aws', 'gcp-runtime'];

describe.skipIf(MISSING)('HTML reports in Chromium', () => {
  it('compare scenarios/multi-cloud-agent.yaml: categories, months and cumulative cost', async () => {
    const seen = await open('compare-multi-cloud-agent', ['compare', 'scenarios/multi-cloud-agent.yaml']);
    expectClean(seen, 'compare-multi-cloud-agent');
    expect(seen.charts.map((c) => c.kind)).toEqual(['bars', 'line', 'line']);
    const [totals, monthly, cumulative] = seen.charts as [ChartSeen, ChartSeen, ChartSeen];
    expect(totals.rows).toEqual(MULTI_CLOUD);
    expect(totals.legend).toEqual(['tokens.input', 'tokens.cached', 'tokens.output', 'egress', 'runtime', 'state.storage', 'state.ops', 'cache', 'data.storage']);
    expect(totals.title).toBe('Cost over the horizon by category, USD');
    for (const lines of [monthly, cumulative]) {
      expect(lines.series).toEqual(MULTI_CLOUD);
      expect(lines.legend).toEqual(MULTI_CLOUD);
      // twelve months, all labelled
      expect(lines.ticks.filter((t) => /^\d{4}-\d{2}$/.test(t))).toHaveLength(12);
    }
    expect(seen.tables).toBe(3);
  }, 60_000);

  it('compare with a break-even: the cumulative chart marks the months', async () => {
    const seen = await open('compare-break-even', ['compare', 'scenarios/edp-move-to-bedrock.yaml']);
    expectClean(seen, 'compare-break-even');
    expect(seen.charts[2]!.series).toEqual(['stay-on-azure', 'move-to-bedrock']);
  }, 60_000);

  it('flows: who keeps the money', async () => {
    const seen = await open('flows', ['flows', 'scenarios/msft-openai-2026.yaml']);
    expectClean(seen, 'flows');
    expect(seen.charts.map((c) => c.rows)).toEqual([['azure', 'bedrock', 'openai-direct'], ...Array(3).fill(['2026', '2027', '2028', '2029', '2030'])]);
    expect(seen.charts[0]!.legend).toEqual(['microsoft', 'openai', 'amazon']);
  }, 60_000);

  it('simulate: the spread of each option', async () => {
    const seen = await open('simulate', ['simulate', 'scenarios/uncertain-demand.yaml', '--trials', '1000', '--workers', '1']);
    expectClean(seen, 'simulate');
    const options = ['stay-on-bedrock', 'azure-global', 'openai-direct'];
    expect(seen.charts.map((c) => c.kind)).toEqual(['box', 'histogram', 'line']);
    expect(seen.charts[0]!.rows).toEqual(options);
    expect(seen.charts[1]!.series).toEqual(options);
    expect(seen.charts[2]!.series).toEqual(options);
  }, 60_000);

  it('sweep: curves and where the cheapest changes', async () => {
    const { dir, scenario } = await twoPrices(
      'browser',
      `name: sweep\nhorizon: { start: 2027-01, months: 1 }\nworkloads:\n  - { id: w, model: m, sessions_per_month: 500k, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }\n${TWO_OPTIONS}one_time:\n  - { id: setup, options: [b], month: 2027-01, amount: 1000 }\n`,
    );
    const seen = await open('sweep', ['sweep', scenario, '--catalog', dir, '--vary', 'workloads.0.sessions_per_month=0..2M:250k']);
    expectClean(seen, 'sweep');
    expect(seen.charts[0]!.series).toEqual(['a', 'b']);
    expect(seen.charts[0]!.description).toContain('from workloads.0.sessions_per_month = 1000001, b is the cheapest (before it, a)');
  }, 60_000);

  it('replay: observed requests at each option', async () => {
    const seen = await open('replay', ['replay', 'scenarios/usage/azure-llm-inference-trace-2023-code.csv', '--preset', 'azure-trace', '--model', 'gpt-5.5', '--scenario', 'scenarios/multi-cloud-agent.yaml', '--prices-on', '2026-12-01']);
    expectClean(seen, 'replay');
    expect(seen.charts[0]!.rows).toEqual(MULTI_CLOUD);
  }, 60_000);

  it('optimize: the plan against the options', async () => {
    const seen = await open('optimize', ['optimize', 'scenarios/multi-cloud-agent.yaml']);
    expectClean(seen, 'optimize');
    expect(seen.charts[0]!.rows).toEqual(['the plan (exhaustive)', ...MULTI_CLOUD]);
  }, 60_000);
});
