/**
 * On three workloads and four clouds (test/fixtures/optimize/three-workloads.yaml), optimize's
 * plan is the cheapest of every plan: each of the 3 × 9 × 27 = 729 combinations of the options'
 * pieces is written here as an option of its own (workloads placed apart) and priced by compare,
 * without optimize's code; the cheapest total must be optimize's, by exhaustive search and (with
 * a budget of plans) no better than it by local search.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/money.js';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const FIXTURE = path.join(REPO, 'test/fixtures/optimize/three-workloads.yaml');

interface Piece {
  [key: string]: unknown;
}

describe('optimize against enumeration', () => {
  it('finds the plan that pricing every plan finds', async () => {
    const scenario = parse(await readFile(FIXTURE, 'utf8'));
    const options = scenario.options as { model: Piece; fallback?: { model: Piece }; runtime: Piece; state: Piece }[];
    const models = options.map((o) => ({ model: o.model, ...(o.fallback === undefined ? {} : { fallback: o.fallback }) }));
    const runtimes = options.map((o) => o.runtime);
    const states = options.map((o) => o.state);
    const plans: { id: string; model: Piece; workloads: Record<string, Piece> }[] = [];
    for (const chat of models)
      for (const tools of models)
        for (const toolsRuntime of runtimes)
          for (const stateful of models)
            for (const statefulRuntime of runtimes)
              for (const state of states) {
                plans.push({
                  id: `p${plans.length}`,
                  model: chat.model,
                  workloads: { chat, tools: { ...tools, runtime: toolsRuntime }, stateful: { ...stateful, runtime: statefulRuntime, state } },
                });
              }
    expect(plans).toHaveLength(729);
    // a scenario takes at most 100 options: the plans in files of 100
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-enumerate-'));
    const totals: Decimal[] = [];
    for (let start = 0; start < plans.length; start += 100) {
      const file = path.join(dir, `plans-${start}.json`);
      await writeFile(file, JSON.stringify({ ...scenario, options: plans.slice(start, start + 100) }));
      const compared = await runCli(['compare', file, '--format', 'json']);
      expect(compared.stderr).toBe('');
      totals.push(...(JSON.parse(compared.stdout).options as { total: string }[]).map((o) => new Decimal(o.total)));
    }
    expect(totals).toHaveLength(729);
    const cheapest = totals.reduce((a, b) => Decimal.min(a, b));

    const exhaustive = JSON.parse((await runCli(['optimize', FIXTURE, '--format', 'json'])).stdout);
    expect(exhaustive.method).toBe('exhaustive');
    expect(exhaustive.spaceSize).toBe(729);
    expect(exhaustive.plan.total).toBe(cheapest.toFixed());

    const local = JSON.parse((await runCli(['optimize', FIXTURE, '--format', 'json', '--search', 'local', '--max-plans', '200'])).stdout);
    expect(local.method).toBe('local search');
    expect(new Decimal(local.plan.total).gte(cheapest)).toBe(true);
    // the lower bound is below every plan
    expect(new Decimal(local.lowerBound).lte(cheapest)).toBe(true);
  }, 120_000);
});
