#!/usr/bin/env node
// Where a compare's time goes, phase by phase, in one process (after `npm run build`):
//
//   node bench/phases.mjs [workloads options months]     default 1000 5 60
//
// It runs the built modules the CLI runs (dist/), each phase timed on its own and the whole
// repeated (the first run of a phase pays for compiling its code; the median of five is shown
// beside it), so docs/benchmarks.md can say what limits a goal it misses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compare } from '../dist/analysis/compare.js';
import { catalogDirs, loadCatalogs } from '../dist/io/catalog-dir.js';
import { loadScenario } from '../dist/io/scenario-file.js';
import { readYaml } from '../dist/io/yaml-document.js';
import { simulate } from '../dist/engine/simulate.js';
import { wholeText } from '../dist/report/renderer.js';
import { compareRenderers } from '../dist/report/compare.js';
import { generateScenario } from './scenario-generator.mjs';

const [workloads = 1000, options = 5, months = 60] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(path.join(tmpdir(), 'cloudtco-phases-'));
const file = path.join(dir, 'generated.yaml');
const text = generateScenario({ workloads, options, months, seed: 1 });
writeFileSync(file, text);

const phases = new Map();
async function timed(name, work) {
  const start = performance.now();
  const result = await work();
  (phases.get(name) ?? phases.set(name, []).get(name)).push(performance.now() - start);
  return result;
}

let lineItems = 0;
for (let run = 0; run < 6; run++) {
  const catalog = await timed('catalog (parsed at build time)', () => loadCatalogs(catalogDirs([], process.cwd())));
  await timed('YAML read alone (part of the next)', () => readYaml(text, file));
  const loaded = await timed('scenario: YAML, overrides, schema', () => loadScenario(file, 'generated.yaml', []));
  const simulation = await timed('simulate', () => simulate(loaded.scenario, catalog));
  lineItems = simulation.lineItems.length;
  const report = await timed('compare (sums, drivers, break-even)', () => compare({ scenario: loaded.scenario, scenarioFile: 'generated.yaml', catalog, periods: simulation.periods, lineItems: simulation.lineItems, fallbacks: simulation.fallbacks, latency: simulation.latency }));
  await timed('render JSON', () => wholeText(compareRenderers.json(report, { color: false, lineItems: false })));
}
rmSync(dir, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`${workloads} workloads × ${options} options × ${months} months, ${lineItems} line items; ms`);
console.log(`${'phase'.padEnd(40)} ${'first'.padStart(8)} ${'median'.padStart(8)}`);
for (const [name, times] of phases) console.log(`${name.padEnd(40)} ${times[0].toFixed(0).padStart(8)} ${median(times.slice(1)).toFixed(0).padStart(8)}`);
