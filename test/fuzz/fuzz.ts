/**
 * A fuzz run: cases 0…runs-1 of a seed (or the ones asked for), generated in the main thread,
 * run on a pool of workers (threads, or child processes for long runs), judged by the oracle;
 * failing cases saved. Bounded by a case count and a wall-clock budget, whichever comes first,
 * so `npm test` stays fast.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCase } from './case-generator.js';
import { FUZZ_TODAY, loadCorpus } from './corpus.js';
import { saveFailure, signature, type SavedFailure } from './failure-store.js';
import type { FuzzCase } from './fuzz-case.js';
import { judge, type Failure, type FailureKind, type RunResult } from './oracle.js';
import type { Isolation } from './case-workers.js';
import { WorkerPool, type Outcome } from './worker-pool.js';

export interface FuzzOptions {
  seed: number;
  runs: number;
  workers: number;
  /** Stop starting cases after this long. */
  timeBudgetMs?: number;
  /** A case running longer is a hang (the issue: 10 s). */
  hangMs?: number;
  /** Worker heap limit: a case that needs more is a crash, not a stalled machine. */
  memoryMb?: number;
  /** Worker threads (default), or child processes, which survive a case that aborts V8 (see case-workers.ts). */
  isolation?: Isolation;
  /** Where failing cases are saved. */
  outDir: string;
  /** Run only these case numbers (a replay). */
  only?: readonly number[];
  onProgress?: (progress: Progress) => void;
  onFailure?: (failure: SavedFailure) => void;
}

export interface Progress {
  done: number;
  planned: number;
  failed: number;
  elapsedMs: number;
}

export interface FuzzSummary {
  seed: number;
  runs: number;
  planned: number;
  failedCases: number;
  byKind: Partial<Record<FailureKind, number>>;
  /** Distinct failures (kind and blanked message), each with how many cases hit it and the first of them. */
  distinct: { signature: string; cases: number; first: SavedFailure }[];
  failures: SavedFailure[];
  elapsedMs: number;
  casesPerSecond: number;
  stoppedByTime: boolean;
  slowest: { index: number; ms: number; command: string }[];
  /** Case durations in the worker: median, 90th and 99th percentile, in ms. */
  percentiles: { p50: number; p90: number; p99: number };
  outDir: string;
}

export const HANG_MS = 10_000;

export async function fuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const corpus = await loadCorpus();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const indices = options.only ?? Array.from({ length: options.runs }, (_, i) => i);
  const pool = new WorkerPool(Math.max(1, Math.min(options.workers, indices.length)), { timeoutMs: options.hangMs ?? HANG_MS, memoryMb: options.memoryMb ?? 384, isolation: options.isolation ?? 'thread' });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cloudtco-fuzz-'));
  const failures: SavedFailure[] = [];
  const slowest: FuzzSummary['slowest'] = [];
  const durations: number[] = [];
  let next = 0;
  let done = 0;
  let stoppedByTime = false;
  let lastProgress = 0;

  const runOne = async (index: number) => {
    const c = generateCase(corpus, options.seed, index);
    const { failures: found, result } = await runCase(c, pool, scratch);
    done++;
    durations.push(result.ms);
    slowest.push({ index, ms: Math.round(result.ms), command: c.command });
    slowest.sort((a, b) => b.ms - a.ms).splice(10);
    if (found.length > 0) {
      mkdirSync(options.outDir, { recursive: true });
      const saved = saveFailure(options.outDir, c, found, result);
      failures.push(saved);
      options.onFailure?.(saved);
    }
    if (options.onProgress && (elapsed() - lastProgress > 2000 || done === indices.length)) {
      lastProgress = elapsed();
      options.onProgress({ done, planned: indices.length, failed: failures.length, elapsedMs: elapsed() });
    }
  };

  const lane = async () => {
    while (next < indices.length) {
      if (options.timeBudgetMs !== undefined && elapsed() > options.timeBudgetMs) {
        stoppedByTime = true;
        return;
      }
      await runOne(indices[next++]!);
    }
  };

  try {
    await Promise.all(Array.from({ length: pool.size }, lane));
  } finally {
    await pool.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  failures.sort((a, b) => a.index - b.index);
  return summarize(options, failures, done, indices.length, elapsed(), stoppedByTime, slowest, durations);
}

/** Writes the case's files, runs it, reads its --out file, and judges the result. */
async function runCase(c: FuzzCase, pool: WorkerPool, scratch: string): Promise<{ failures: Failure[]; result: RunResult }> {
  const cwd = path.join(scratch, `case-${c.index}`);
  mkdirSync(cwd, { recursive: true });
  for (const file of c.files) {
    const target = path.join(cwd, file.path);
    if (file.content === 'directory') mkdirSync(target, { recursive: true });
    else writeFileSync(target, file.content);
  }
  try {
    const job = { tag: c.index, argv: c.argv, env: c.env, cwd, today: FUZZ_TODAY };
    const outcome = await pool.run(job);
    if (outcome.kind !== 'crash') return judgeOutcome(c, outcome, cwd);
    // A crash (out of memory, mostly) may be owed to work an earlier case left running in the
    // same worker after run() returned: run the case again on a fresh worker to tell which.
    const alone = await pool.run(job, true);
    const judged = judgeOutcome(c, alone, cwd);
    if (judged.failures.length > 0) return judged; // it fails alone too
    if (outcome.previous === undefined) return judgeOutcome(c, outcome, cwd); // a fresh worker crashed: keep that
    const detail = `${outcome.error.split('\n')[0]} — but case ${c.index} passes alone: case ${outcome.previous}, run just before it on that worker, probably left work running after run() returned (replay both: --workers 1 --replay ${outcome.previous},${c.index})`;
    return { failures: [{ kind: 'worker-crash', detail }], result: judged.result };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function judgeOutcome(c: FuzzCase, outcome: Outcome, cwd: string): { failures: Failure[]; result: RunResult } {
  if (outcome.kind === 'hang' || outcome.kind === 'crash') {
    const what = outcome.kind === 'hang' ? `still running after ${Math.round(outcome.ms)} ms` : outcome.error.split('\n')[0]!;
    const { returned } = outcome;
    // run() had already returned: the hang or crash is in work it left running, after printing its result
    const after = returned === undefined ? '' : ` — after run() had returned exit ${returned.code ?? 'none'}, in work it left running`;
    return { failures: [{ kind: outcome.kind === 'hang' ? 'hang' : 'worker-crash', detail: `${what}${after}` }], result: { code: returned?.code ?? -1, stdout: returned?.stdout ?? '', stderr: returned?.stderr ?? '', ms: outcome.ms } };
  }
  if (outcome.kind === 'threw') return { failures: [{ kind: 'internal-error', detail: `run() threw: ${outcome.error.split('\n')[0]}` }], result: { code: -1, stdout: outcome.stdout, stderr: outcome.stderr, ms: outcome.ms } };
  let outText: string | undefined;
  if (c.outFile !== undefined) {
    try {
      outText = readFileSync(path.join(cwd, c.outFile), 'utf8');
    } catch {
      outText = undefined;
    }
  }
  const result: RunResult = { code: outcome.code, stdout: outcome.stdout, stderr: outcome.stderr, stderrCut: outcome.stderrCut, stdoutCut: outcome.stdoutCut, ms: outcome.ms, ...(outText === undefined ? {} : { outText }) };
  return { failures: judge(c, result, cwd), result };
}

function summarize(options: FuzzOptions, failures: SavedFailure[], runs: number, planned: number, elapsedMs: number, stoppedByTime: boolean, slowest: FuzzSummary['slowest'], durations: number[]): FuzzSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  const byKind: Partial<Record<FailureKind, number>> = {};
  const distinct = new Map<string, { signature: string; cases: number; first: SavedFailure }>();
  for (const f of failures) {
    for (const kind of new Set(f.failures.map((x) => x.kind))) byKind[kind] = (byKind[kind] ?? 0) + 1;
    for (const sig of new Set(f.failures.map(signature))) {
      const entry = distinct.get(sig) ?? { signature: sig, cases: 0, first: f };
      entry.cases++;
      distinct.set(sig, entry);
    }
  }
  return {
    seed: options.seed,
    runs,
    planned,
    failedCases: failures.length,
    byKind,
    distinct: [...distinct.values()].sort((a, b) => b.cases - a.cases),
    failures,
    elapsedMs,
    casesPerSecond: runs / (elapsedMs / 1000),
    stoppedByTime,
    slowest,
    percentiles: { p50: at(0.5), p90: at(0.9), p99: at(0.99) },
    outDir: options.outDir,
  };
}

/** The summary as text: runs, failures by kind, each distinct failure (the first `maxDistinct`) with its first case. */
export function formatSummary(s: FuzzSummary, maxDistinct = Infinity): string {
  const lines = [
    `fuzz seed ${s.seed}: ${s.runs} of ${s.planned} cases in ${(s.elapsedMs / 1000).toFixed(1)} s (${s.casesPerSecond.toFixed(1)} cases/s)${s.stoppedByTime ? ', stopped by the time budget' : ''}`,
    `${s.failedCases} failing case${s.failedCases === 1 ? '' : 's'}${s.failedCases > 0 ? `, saved under ${s.outDir}` : ''}`,
  ];
  const kinds = Object.entries(s.byKind).sort((a, b) => b[1] - a[1]);
  if (kinds.length > 0) lines.push('by kind:', ...kinds.map(([kind, n]) => `  ${kind}: ${n}`));
  if (s.distinct.length > 0) {
    lines.push(`distinct failures (${s.distinct.length}):`);
    for (const d of s.distinct.slice(0, maxDistinct)) lines.push(`  ${d.cases}× ${d.signature}`, `     first: case ${d.first.index} — ${d.first.dir}/repro.sh`);
    if (s.distinct.length > maxDistinct) lines.push(`  … and ${s.distinct.length - maxDistinct} more, each seen in fewer cases`);
  }
  lines.push(`case time in the worker: median ${s.percentiles.p50} ms, 90% under ${s.percentiles.p90} ms, 99% under ${s.percentiles.p99} ms`);
  if (s.slowest.length > 0) lines.push(`slowest: ${s.slowest.slice(0, 5).map((x) => `case ${x.index} (${x.command}) ${x.ms} ms`).join(', ')}`);
  return lines.join('\n');
}
