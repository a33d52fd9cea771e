#!/usr/bin/env node
// `npm run bench`: how fast the built CLI starts and prices, against references that say what
// the time is made of. Each case runs its command and its reference in fresh processes,
// interleaved (A B A B …, after one warm-up of each) so that a busy machine slows both alike,
// and reports medians, min–max, the ratio of the medians and each side's peak resident memory.
//
//   npm run bench                  every case, 7 runs each (about 10 minutes on 2 cores today)
//   npm run bench -- --quick       5 runs, without the largest scenario (about a minute)
//   npm run bench -- --runs 11     more runs where the machine is noisy
//   npm run bench -- --markdown    the tables as markdown, for docs/benchmarks.md
//   npm run bench -- --only replay only the cases whose name holds the text
//
// Goals are printed PASS or FAIL; the bench always exits 0, because a timing on a shared
// machine is evidence, not a verdict (docs/benchmarks.md keeps a full run's table).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAgentScenario, generateScenario } from './scenario-generator.mjs';
import { writeClaudeCodeLogs } from './claude-code-logs.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const markdown = args.includes('--markdown');
const runsAt = args.indexOf('--runs');
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? undefined : args[onlyAt + 1];
const runs = runsAt === -1 ? (quick ? 5 : 7) : Math.max(5, Number(args[runsAt + 1]));
const work = mkdtempSync(path.join(tmpdir(), 'cloudtco-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const cli = (...rest) => ['bin/cloudtco.js', ...rest];
const bareNode = { name: 'node -e 0', args: ['-e', '0'] };
const floatReference = (file) => ({ name: 'float64 reference', args: ['bench/float-reference.mjs', file] });

/** Generated scenarios, written once per bench run; same seed, same inputs, every time. */
function generated(workloads, options, months, ranges = false) {
  const file = path.join(work, `generated-${workloads}x${options}x${months}${ranges ? '-ranges' : ''}.yaml`);
  writeFileSync(file, generateScenario({ workloads, options, months, seed: 1, ranges }));
  return file;
}

/** A generated scenario of agents for optimize, written once per bench run. */
function agents(workloads, months) {
  const file = path.join(work, `agents-${workloads}x${months}.yaml`);
  writeFileSync(file, generateAgentScenario({ workloads, months, seed: 1 }));
  return file;
}

/** A catalog of 100 000 rows, a thousand dated windows for each of 100 keys (overlap checks). */
function bigCatalog() {
  const dir = path.join(work, 'big-catalog');
  const day = (n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
  const rows = ['cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note'];
  for (let key = 0; key < 100; key++) for (let i = 0; i < 1000; i++) rows.push(`aws,*,in-region,standard,m${key},1,,1,USD,${day(i)},${day(i + 1)},https://example.com/prices,2026-01-01,`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'models.csv'), `${rows.join('\n')}\n`);
  return dir;
}

const sizes = [
  [10, 3, 12],
  [100, 5, 60],
  ...(quick ? [] : [[1000, 5, 60]]),
];

// goal: the ratio of medians (`ratio`), a wall time (`ms`), a peak RSS (`rssMB`)
const cases = [
  { name: 'cloudtco --version', args: cli('--version'), reference: bareNode, goals: { ratio: 1.3 } },
  { name: 'cloudtco --help', args: cli('--help'), reference: bareNode, goals: { ratio: 1.3 } },
  { name: 'compare support-agents', args: cli('compare', 'scenarios/support-agents.yaml'), reference: bareNode, goals: { ratio: 2 } },
  { name: 'compare multi-cloud-agent', args: cli('compare', 'scenarios/multi-cloud-agent.yaml'), reference: bareNode },
  { name: 'compare msft-openai-2026', args: cli('compare', 'scenarios/msft-openai-2026.yaml'), reference: bareNode },
  { name: 'compare edp-move-to-bedrock', args: cli('compare', 'scenarios/edp-move-to-bedrock.yaml'), reference: bareNode },
  // hostile input is refused at once: a growth of 1e9000000000000000 % once hung while its message was built
  { name: 'compare --set growth=1e9000000000000000%', args: cli('compare', 'scenarios/support-agents.yaml', '--set', 'workloads.0.growth=1e9000000000000000%'), reference: bareNode, exitCode: 2 },
  ...sizes.map(([w, o, m]) => {
    const file = generated(w, o, m);
    const large = w === 1000;
    return { name: `compare ${w}×${o}×${m} --format json`, args: cli('compare', file, '--format', 'json'), reference: floatReference(file), size: [w, o, m], goals: large ? { ms: 1000, ratio: 10, rssMB: 300 } : undefined };
  }),
  // issue 12's goals: 10 000 trials of 20 workloads × 3 options × 36 months with ranges, on every core; a 100-point sweep
  { name: 'simulate 20×3×36 --trials 10000', args: cli('simulate', generated(20, 3, 36, true), '--trials', '10000', '--seed', '1', '--format', 'json'), reference: bareNode, goals: { ms: 3000 } },
  { name: 'sweep multi-cloud-agent, 100 points', args: cli('sweep', 'scenarios/multi-cloud-agent.yaml', '--vary', 'workloads.0.sessions_per_month=10k..1M:10k'), reference: bareNode, goals: { ms: 1000 } },
  // issue 15's goal: optimize 50 workloads (a third of them agents) on four clouds over 36 months within 10 s, its gap reported
  { name: 'optimize 50 workloads × 36 months', args: cli('optimize', agents(50, 36), '--format', 'json'), reference: bareNode, goals: { ms: 10000 }, runs: quick ? 3 : 5 },
  ...(quick ? [] : [{ name: 'catalog validate (100 000 rows)', args: cli('catalog', 'validate', bigCatalog()), reference: bareNode, goals: { ms: 8000 } }]),
  // issue 13's goals: replaying Claude Code logs ≥ 100× faster than ccusage 17.2.1 and no slower than a
  // bare JSON.parse loop; CSV within 1.2× of csv-parse alone; peak RSS under 150 MB on 1 GB
  ...replayCases(),
];

/** Claude Code logs of `lines` lines (bench/claude-code-logs.mjs), written once per bench run. */
function claudeCodeLogs(lines) {
  const dir = path.join(work, `claude-code-${lines}`);
  writeClaudeCodeLogs(dir, lines);
  return dir;
}

/** The Azure trace's 8 819 requests repeated to `rows` rows, two seconds apart from 2026-07-01. */
function traceCsv(rows) {
  const file = path.join(work, `trace-${rows}.csv`);
  const requests = readFileSync(path.join(repo, 'scenarios/usage/azure-llm-inference-trace-2023-code.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  const out = ['TIMESTAMP,ContextTokens,GeneratedTokens'];
  for (let i = 0; i < rows; i++) {
    const [, input, output] = requests[i % requests.length].split(',');
    out.push(`${new Date(Date.UTC(2026, 6, 1) + i * 2000).toISOString().replace('T', ' ').replace('Z', '0000')},${input},${output}`);
  }
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

function replayCases() {
  // their inputs are large (a GB of logs in the full run): written only when the cases run
  if (only !== undefined && !'replay'.includes(only) && !only.startsWith('replay')) return [];
  const lines = quick ? 50_000 : 500_000;
  const logs = claudeCodeLogs(lines);
  const replayLogs = (dir) => cli('replay', path.join(dir, 'projects'), '--preset', 'claude-code', '--option', 'direct=anthropic/global/global', '--prices-on', '2026-12-01', '--format', 'json');
  const ccusage = { name: 'ccusage 17.2.1 daily --offline --json', args: ['node_modules/ccusage/dist/index.js', 'daily', '--offline', '--json'], env: { ...process.env, CLAUDE_CONFIG_DIR: logs } };
  const rows = quick ? 200_000 : 1_000_000;
  const csv = traceCsv(rows);
  const cases = [
    { name: `replay claude-code ${lines / 1000}k lines vs ccusage`, args: replayLogs(logs), reference: ccusage, goals: { ratio: 0.01 }, runs: quick ? 3 : 5 },
    { name: `replay claude-code ${lines / 1000}k lines vs JSON.parse`, args: replayLogs(logs), reference: { name: 'readline + JSON.parse', args: ['bench/jsonl-parse-only.mjs', logs] }, goals: { ratio: 1 } },
    { name: `replay CSV ${rows / 1000}k rows`, args: cli('replay', csv, '--preset', 'azure-trace', '--model', 'gpt-5.5', '--option', 'o=openai/global/global', '--format', 'json'), reference: { name: 'csv-parse alone', args: ['bench/csv-parse-only.mjs', csv] }, goals: { ratio: 1.2 } },
  ];
  if (!quick) {
    // a little over 1 GB of logs: peak memory must not grow with the input
    const big = claudeCodeLogs(700_000);
    cases.push({ name: 'replay claude-code 1 GB (700k lines)', args: replayLogs(big), reference: { name: 'readline + JSON.parse', args: ['bench/jsonl-parse-only.mjs', big] }, goals: { rssMB: 150 }, runs: 3 });
  }
  return cases;
}

function spawn(args, exitCode = 0, env = process.env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== exitCode) throw new Error(`node ${args.join(' ')} exited ${result.status}, expected ${exitCode}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function peakRssMB(args, exitCode, env = process.env) {
  const file = path.join(work, 'peak-rss');
  spawn(['--import', './bench/peak-rss.mjs', ...args], exitCode, { ...env, BENCH_PEAK_RSS_FILE: file });
  return Number(readFileSync(file, 'utf8')) / 1024;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function measure(c) {
  const mine = [];
  const theirs = [];
  spawn(c.args, c.exitCode);
  const reference = spawn(c.reference.args, 0, c.reference.env);
  // the slowest references (ccusage takes a minute on 500k lines) run fewer times
  for (let i = 0; i < Math.min(runs, c.runs ?? runs); i++) {
    mine.push(spawn(c.args, c.exitCode).ms);
    theirs.push(spawn(c.reference.args, 0, c.reference.env).ms);
  }
  return {
    ms: median(mine),
    range: [Math.min(...mine), Math.max(...mine)],
    referenceMs: median(theirs),
    rssMB: peakRssMB(c.args, c.exitCode),
    referenceRssMB: peakRssMB(c.reference.args, 0, c.reference.env),
    // the reference counts the line items it priced: the per-item cost below is per these
    lineItems: c.size === undefined ? undefined : Object.values(JSON.parse(reference.stdout)).reduce((n, option) => n + option.lineItems, 0),
  };
}

function verdicts(goals, r) {
  if (goals === undefined) return [];
  const ratio = r.ms / r.referenceMs;
  const checks = [];
  if (goals.ratio !== undefined) checks.push([`≤ ${goals.ratio}×`, ratio <= goals.ratio]);
  if (goals.ms !== undefined) checks.push([`≤ ${goals.ms} ms`, r.ms <= goals.ms]);
  if (goals.rssMB !== undefined) checks.push([`≤ ${goals.rssMB} MB`, r.rssMB <= goals.rssMB]);
  return checks.map(([goal, met]) => `${goal} ${met ? 'PASS' : 'FAIL'}`);
}

const fixed = (n, digits = 0) => n.toFixed(digits);
console.log(`cloudtco bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${fixed(totalmem() / 2 ** 30, 1)} GiB; ${runs} interleaved runs after a warm-up; times in ms, memory in MB`);
console.log('');
const header = ['case', 'median', 'min–max', 'reference', 'ref median', 'ratio', 'peak RSS', 'ref RSS', 'goals'];
const rows = [];
const results = new Map();
for (const c of cases.filter((c) => only === undefined || c.name.includes(only))) {
  const r = measure(c);
  results.set(c.name, { ...r, case: c });
  rows.push([c.name, fixed(r.ms), `${fixed(r.range[0])}–${fixed(r.range[1])}`, c.reference.name, fixed(r.referenceMs), `${fixed(r.ms / r.referenceMs, 2)}×`, fixed(r.rssMB), fixed(r.referenceRssMB), verdicts(c.goals, r).join(', ')]);
  process.stderr.write(`  ${c.name}: ${fixed(r.ms)} ms\n`);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const leftAligned = new Set([0, 3, 8]);
const line = (cells) =>
  markdown
    ? `| ${cells.join(' | ')} |`
    : cells.map((cell, i) => (leftAligned.has(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
console.log(line(header));
if (markdown) console.log(`| ${header.map((_, i) => (leftAligned.has(i) ? '---' : '---:')).join(' | ')} |`);
for (const row of rows) console.log(line(row));

// linear growth: the time a line item adds, past the smallest scenario's (mostly start-up)
const generatedRuns = [...results.values()].filter((r) => r.lineItems !== undefined);
const [smallest, ...larger] = generatedRuns;
if (larger.length > 0) {
  console.log('');
  console.log('time per line item, past the 10×3×12 run:');
  const perItem = larger.map((r) => ({ name: r.case.name, us: ((r.ms - smallest.ms) * 1000) / (r.lineItems - smallest.lineItems), items: r.lineItems }));
  for (const p of perItem) console.log(`  ${p.name.padEnd(36)} ${String(p.items).padStart(8)} line items  ${fixed(p.us, 2)} µs each`);
  if (perItem.length > 1) {
    const growth = perItem[perItem.length - 1].us / perItem[0].us;
    console.log(`  linear (the largest within 1.5× the cost per item of the next): ${fixed(growth, 2)}× ${growth <= 1.5 ? 'PASS' : 'FAIL'}`);
  }
}
