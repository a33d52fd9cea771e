/**
 * `npm run fuzz -- [--runs N] [--seed N] [--workers K] [--time SECONDS] [--out DIR] [--replay I,J]
 *                  [--isolation process|thread]`
 *
 * Long fuzz runs from the command line (npm test runs a small one): progress every few
 * seconds, failures as they are found, a summary at the end; exit 1 if any case failed.
 * Without --seed a seed is drawn from the clock and printed, so the run can be repeated.
 * Cases run in child processes by default here, so no case can end the run (case-workers.ts).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signature } from './failure-store.js';
import { formatSummary, fuzz } from './fuzz.js';

// Dates in reports must not depend on the machine's zone, as in vitest.config.ts.
process.env.TZ = 'UTC';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    workers: { type: 'string', default: String(Math.max(1, Math.min(2, os.availableParallelism()))) },
    time: { type: 'string' },
    out: { type: 'string', default: path.join(os.tmpdir(), 'cloudtco-fuzz-failures') },
    replay: { type: 'string' },
    isolation: { type: 'string', default: 'process' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write('npm run fuzz -- [--runs N] [--seed N] [--workers K] [--time SECONDS] [--out DIR] [--replay I,J,…] [--isolation process|thread]\n');
  process.exit(0);
}

const whole = (name: string, text: string, min: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name}: expected a whole number of at least ${min}, got "${text}"\n`);
    process.exit(2);
  }
  return n;
};

const seed = values.seed === undefined ? Date.now() % 2 ** 32 : whole('seed', values.seed, 0);
const only = values.replay?.split(',').map((i) => whole('replay', i.trim(), 0));
const runs = whole('runs', values.runs, 1);
const workers = whole('workers', values.workers, 1);
const timeBudgetMs = values.time === undefined ? undefined : whole('time', values.time, 1) * 1000;
const isolation = values.isolation;
if (isolation !== 'process' && isolation !== 'thread') {
  process.stderr.write(`--isolation: expected process or thread, got "${isolation}"\n`);
  process.exit(2);
}

const workerNoun = isolation === 'thread' ? (workers === 1 ? 'worker thread' : 'worker threads') : workers === 1 ? 'worker process' : 'worker processes';
process.stdout.write(`cloudtco fuzz: seed ${seed}, ${only === undefined ? `${runs} cases` : `replaying case ${only.join(', ')}`}, ${workers} ${workerNoun}; failures go to ${values.out}\n`);

const seen = new Set<string>();
const summary = await fuzz({
  seed,
  runs,
  workers,
  timeBudgetMs,
  isolation,
  outDir: values.out,
  ...(only === undefined ? {} : { only }),
  onProgress: (p) => {
    const rate = p.done / (p.elapsedMs / 1000);
    const eta = (p.planned - p.done) / rate;
    process.stdout.write(`[${((100 * p.done) / p.planned).toFixed(0).padStart(3)}%] ${p.done}/${p.planned} cases, ${p.failed} failing, ${rate.toFixed(1)} cases/s, ${eta >= 60 ? `${(eta / 60).toFixed(0)} min` : `${eta.toFixed(0)} s`} left\n`);
  },
  // each distinct failure once, as it is first found: a long run finds the same ones thousands of times
  onFailure: (f) => {
    for (const found of f.failures) {
      const distinct = signature(found);
      if (seen.has(distinct)) continue;
      seen.add(distinct);
      process.stdout.write(`  new: ${distinct} (case ${f.index}, ${f.command})\n`);
    }
  },
});

// the terminal gets the most frequent distinct failures; the file beside the saved cases has them all
const SHOWN_DISTINCT = 40;
if (summary.failedCases > 0) {
  const file = path.join(values.out, `seed-${seed}`, 'summary.txt');
  writeFileSync(file, `${formatSummary(summary)}\n`);
  process.stdout.write(`\n${formatSummary(summary, SHOWN_DISTINCT)}\nthe full summary: ${file}\n`);
} else {
  process.stdout.write(`\n${formatSummary(summary)}\n`);
}
process.exitCode = summary.failedCases > 0 ? 1 : 0;
