/**
 * `export` (FOCUS-aligned rows, src/report/export.ts and focus.ts) and `compare` (CSV and JSON)
 * are views of the same line items, so they agree on every option's cost, exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/renderer.js';
import { exportReport } from '../../src/analysis/export.js';
import { dec } from '../../src/model/money.js';
import { renderCompareAsCsv } from '../../src/report/compare-csv.js';
import { renderCompareAsJson } from '../../src/report/compare-json.js';
import { exportRenderers } from '../../src/report/export.js';
import { PROPERTY_TIMEOUT, runs, total } from '../helpers/property.js';
import { reportCase, reported } from '../helpers/report-arbitraries.js';
import { csvRecords } from '../helpers/report-text.js';

const OFF = { color: false, lineItems: false };
const sumOf = (texts: Iterable<string>) => total([...texts].map(dec));

describe('export, compare CSV and compare JSON agree (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: export writes one row per line item with its exact cost (BilledCost, EffectiveCost);
  // compare sums the same line items per option into an exact total, which JSON and CSV both
  // print as plain decimals. So per option: Σ BilledCost (CSV export) = Σ BilledCost (JSON
  // export) = compare JSON total = compare CSV total, to the last digit.
  it("gives every option the same cost in the export (CSV and JSON) and in compare (JSON and CSV)", () => {
    fc.assert(
      fc.property(reportCase.map((c) => ({ ...c, by: undefined })), (c) => {
        const { scenario, simulation, report } = reported(c);
        const exported = exportReport({ scenario, scenarioFile: 'generated.yaml', catalog: { files: [], sha256: 'generated', overridden: [] }, periods: simulation.periods, lineItems: simulation.lineItems });
        const exportCsv = csvRecords(wholeText(exportRenderers.csv(exported, OFF)));
        const exportJson = JSON.parse(wholeText(exportRenderers.json(exported, OFF))) as { rows: Record<string, string | null>[] };
        const compareJson = JSON.parse(wholeText(renderCompareAsJson(report, OFF))) as { options: { id: string; total: string }[] };
        const compareCsv = csvRecords(wholeText(renderCompareAsCsv(report, OFF)));

        expect(exportCsv.length).toBe(simulation.lineItems.length);
        expect(exportJson.rows.length).toBe(simulation.lineItems.length);
        for (const option of scenario.options) {
          const fromCsv = sumOf(exportCsv.filter((r) => r.x_Option === option.id).map((r) => r.BilledCost!));
          const fromJson = sumOf(exportJson.rows.filter((r) => r.x_Option === option.id).map((r) => r.BilledCost!));
          const effective = sumOf(exportCsv.filter((r) => r.x_Option === option.id).map((r) => r.EffectiveCost!));
          const jsonTotal = dec(compareJson.options.find((o) => o.id === option.id)!.total);
          const csvTotal = dec(compareCsv.find((r) => r.option === option.id)!.total!);
          const all = [fromCsv, fromJson, effective, jsonTotal, csvTotal].map((d) => d.toFixed());
          expect(new Set(all).size, `${option.id}: export CSV, export JSON, EffectiveCost, compare JSON, compare CSV = ${all.join(', ')}`).toBe(1);
        }
      }),
      runs(100),
    );
  });
});
