/**
 * The fuzz suite at a small size, as part of `npm test`: a fixed seed and a fixed number of
 * cases, so every run tries the same inputs. Long runs: `npm run fuzz -- --runs 100000`
 * (test/fuzz/cli.ts). It runs the built CLI (dist/), which `npm test` builds first.
 */
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase } from './fuzz/case-generator.js';
import { BUILT_CLI, loadCorpus } from './fuzz/corpus.js';
import { formatSummary, fuzz } from './fuzz/fuzz.js';

/** A seed whose first 300 cases reach most kinds of failure the suite knows, in about 20 s on two busy cores. */
const SEED = 7;
const CASES = 300;
/** A safety net, far above the ~20 s the cases take: only a machine several times slower stops early. */
const TIME_BUDGET_MS = 60_000;
const OUT_DIR = path.join(os.tmpdir(), 'cloudtco-fuzz-failures', 'npm-test');

describe('fuzz', () => {
  it('builds the same case from the same seed and number, so a failure can be replayed', async () => {
    const corpus = await loadCorpus();
    const fingerprint = (index: number) => {
      const c = generateCase(corpus, SEED, index);
      return JSON.stringify({ argv: c.argv, env: c.env, files: c.files.map((f) => [f.path, f.content === 'directory' ? f.content : f.content.toString('base64')]) });
    };
    const indices = Array.from({ length: 40 }, (_, i) => i * 7);
    expect(indices.map(fingerprint)).toEqual(indices.map(fingerprint));
    // loading the corpus runs compare on every bundled scenario: seconds on a busy machine
  }, 60_000);

  it(`survives ${CASES} hostile inputs (seed ${SEED}): exit 0 or a located exit 2, never a crash, hang or bad figure`, async () => {
    expect(existsSync(BUILT_CLI), `${BUILT_CLI} is missing: run npm run build (npm test does)`).toBe(true);
    rmSync(OUT_DIR, { recursive: true, force: true });
    const summary = await fuzz({ seed: SEED, runs: CASES, workers: 2, timeBudgetMs: TIME_BUDGET_MS, outDir: OUT_DIR });
    if (summary.stoppedByTime) console.warn(`fuzz: stopped by the time budget after ${summary.runs} of ${CASES} cases`);
    const report = `\n${formatSummary(summary)}\n\nEach failing case: ${OUT_DIR}/seed-${SEED}/case-N/ (input/, case.json, repro.sh); rebuild one with npm run fuzz -- --seed ${SEED} --replay N`;
    expect(summary.failures.map((f) => `case ${f.index}: ${f.failures.map((x) => `${x.kind}: ${x.detail}`).join('; ')}`), report).toEqual([]);
  }, 180_000);
});
