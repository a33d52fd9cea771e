#!/usr/bin/env node
// The benchmark's yardstick: what `cloudtco compare` does for a generated scenario
// (scenario-generator.mjs), done the plainest way, in float64. It reads the same YAML with the
// same parser and the same catalog table, works out every workload's tokens for every option and
// month as the engine does (calls → whole tokens (half up here, half to even there) → cached and uncached input, output → cost per
// line item, one per category), and prints each option's total. It skips everything that makes
// cloudtco a tool (validation, exact decimals, provenance, located errors, reports), so the ratio
// of the two says what those cost. Its totals agree with cloudtco's to float64's precision.
//
//   node bench/float-reference.mjs scenario.yaml
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

const scenario = parseYaml(readFileSync(process.argv[2], 'utf8'));
const catalog = parseCsv(readFileSync(new URL('../pricing-data/models.csv', import.meta.url)), { columns: true });
const percent = (text) => Number(String(text).replace('%', '')) / 100;

function priceOf(placement, model) {
  const matches = (row, region) => row.cloud === placement.cloud && row.region === region && row.deployment === placement.deployment && row.tier === 'standard' && row.model === model;
  const row = catalog.find((r) => matches(r, placement.region)) ?? catalog.find((r) => matches(r, '*'));
  if (row === undefined) throw new Error(`no price for ${model} at ${JSON.stringify(placement)}`);
  return { input: Number(row.input) / 1e6, cached: Number(row.cached_input) / 1e6, output: Number(row.output) / 1e6 };
}

const totals = {};
for (const option of scenario.options) {
  let total = 0;
  let items = 0; // those with tokens: the engine lists no zero-token line item
  for (const w of scenario.workloads) {
    const price = priceOf(option.model, w.model);
    const growth = 1 + percent(w.growth);
    const cachedShare = percent(w.tokens_per_call.cached_share);
    for (let m = 0; m < scenario.horizon.months; m++) {
      const calls = w.sessions_per_month * growth ** m * w.turns_per_session * (w.calls_per_turn ?? 1);
      const input = Math.round(calls * w.tokens_per_call.input);
      const output = Math.round(calls * w.tokens_per_call.output);
      const cached = Math.round(input * cachedShare);
      for (const [tokens, perToken] of [[input - cached, price.input], [cached, price.cached], [output, price.output]]) {
        total += tokens * perToken;
        if (tokens > 0) items++;
      }
    }
  }
  totals[option.id] = { total: total.toFixed(2), lineItems: items };
}
console.log(JSON.stringify(totals, null, 2));
