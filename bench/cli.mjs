#!/usr/bin/env node
// Start-up and run-time benchmark of the built CLI: `npm run bench`.
//
// Speed goals live here, not in unit tests (timings are noisy on shared machines). Each case
// runs a command many times in fresh processes and reports the median wall time; a goal is
// a budget on top of bare `node`, so the numbers hold across machines of different speeds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

// a catalog of 100 000 rows, a thousand dated windows for each of 100 keys: the overlap check
// compared every pair of a key's rows, minutes for a big key; now one sort per key
const bigCatalog = mkdtempSync(path.join(tmpdir(), 'cloudtco-bench-'));
const day = (n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
const rows = ['cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note'];
for (let key = 0; key < 100; key++) for (let i = 0; i < 1000; i++) rows.push(`aws,*,in-region,standard,m${key},1,,1,USD,${day(i)},${day(i + 1)},https://example.com/prices,2026-01-01,`);
writeFileSync(path.join(bigCatalog, 'models.csv'), `${rows.join('\n')}\n`);

const cases = [
  { name: 'bare node', args: ['-e', ''] },
  // --version and --help load commander only: the command modules are imported lazily
  { name: 'cloudtco --version', args: ['bin/cloudtco.js', '--version'], budgetMs: 60 },
  { name: 'cloudtco --help', args: ['bin/cloudtco.js', '--help'], budgetMs: 60 },
  // the whole job on the bundled example: load, validate, simulate 12 months, render
  { name: 'compare support-agents', args: ['bin/cloudtco.js', 'compare', 'scenarios/support-agents.yaml'], budgetMs: 250 },
  { name: 'compare --format json --line-items', args: ['bin/cloudtco.js', 'compare', 'scenarios/support-agents.yaml', '--format', 'json', '--line-items'], budgetMs: 300 },
  // every cost driver: four options, runtime, state, cache, datasets, tiered egress, a fallback
  { name: 'compare multi-cloud-agent --by cloud', args: ['bin/cloudtco.js', 'compare', 'scenarios/multi-cloud-agent.yaml', '--by', 'cloud'], budgetMs: 350 },
  // 55 months of contracts: channel pass-through and a capped revenue share per option
  { name: 'flows msft-openai-2026 --by month', args: ['bin/cloudtco.js', 'flows', 'scenarios/msft-openai-2026.yaml', '--by', 'month'], budgetMs: 300 },
  // commitments, one-time costs, break-even and NPV
  { name: 'compare edp-move-to-bedrock', args: ['bin/cloudtco.js', 'compare', 'scenarios/edp-move-to-bedrock.yaml'], budgetMs: 300 },
  // the CI gate (it exits 1: the example's budgets are breached on purpose) and the analysts' export
  { name: 'check support-agents --format github', args: ['bin/cloudtco.js', 'check', 'scenarios/support-agents.yaml', '--format', 'github'], budgetMs: 300, exitCode: 1 },
  { name: 'export multi-cloud-agent (CSV)', args: ['bin/cloudtco.js', 'export', 'scenarios/multi-cloud-agent.yaml'], budgetMs: 350 },
  // hostile input is refused at once: a growth of 1e9000000000000000 % hung while its message was built
  { name: 'compare --set growth=1e9000000000000000%', args: ['bin/cloudtco.js', 'compare', 'scenarios/support-agents.yaml', '--set', 'workloads.0.growth=1e9000000000000000%'], budgetMs: 250, exitCode: 2 },
  { name: 'catalog validate (100 000 rows)', args: ['bin/cloudtco.js', 'catalog', 'validate', bigCatalog], budgetMs: 8000, runs: 3 },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args, exitCode = 0, times = runs) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== exitCode) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

let baseline = 0;
let missed = 0;
console.log(`median of ${runs} runs each (ms)`);
for (const c of cases) {
  const ms = time(c.args, c.exitCode, c.runs);
  if (c.budgetMs === undefined) {
    baseline = ms;
    console.log(`${c.name.padEnd(40)} ${ms.toFixed(1).padStart(8)}`);
    continue;
  }
  const over = ms - baseline;
  const ok = over <= c.budgetMs;
  if (!ok) missed++;
  console.log(`${c.name.padEnd(40)} ${ms.toFixed(1).padStart(8)}  +${over.toFixed(1)} over bare node (goal ≤ +${c.budgetMs}) ${ok ? 'ok' : 'MISSED'}`);
}
process.exitCode = missed === 0 ? 0 : 1;
