/**
 * `cloudtco export`: every line item, long format, as FOCUS-aligned CSV (see focus.ts) or as
 * JSON holding the same rows, cell for cell, plus what they were priced with.
 */
import type { ExportReport } from '../analysis/export.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { FOCUS_COLUMNS, FOCUS_VERSION, focusRows, TEXT_COLUMNS } from './focus.js';
import { provenanceJson } from './provenance.js';
import type { ExportFormat } from './export-formats.js';
import type { Renderer, RenderOptions } from './renderer.js';
import { csvRows, csvText, jsonPieces, spreadsheetSafe, StreamedArray } from './text-formats.js';


/**
 * Rows per piece of CSV: each piece about 100 KB, the whole never one string. Rows gathered
 * for longer live long enough to be moved to the old generation, and collecting it took half
 * of a 900 000-row export at 2 000 rows a piece; fewer makes more writes.
 */
const ROWS_PER_PIECE = 200;

function* renderExportAsCsv(report: ExportReport, options: RenderOptions): Iterable<string> {
  yield csvText(FOCUS_COLUMNS, [], { bom: options.bom });
  let batch: (string | null)[][] = [];
  for (const row of focusRows(report)) {
    batch.push(FOCUS_COLUMNS.map((column) => {
      const cell = row[column];
      return cell !== null && TEXT_COLUMNS.has(column) ? spreadsheetSafe(cell) : cell;
    }));
    if (batch.length === ROWS_PER_PIECE) {
      yield csvRows(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvRows(batch);
}

const renderExportAsJson: Renderer<ExportReport> = (report) =>
  jsonPieces({
    schemaVersion: SCHEMA_VERSION,
    focusVersion: FOCUS_VERSION,
    scenario: report.scenario,
    currency: report.currency,
    horizon: report.horizon,
    ...provenanceJson(report.provenance, report.currency),
    columns: FOCUS_COLUMNS,
    rows: new StreamedArray(focusRows(report)),
  });

export const exportRenderers: Record<ExportFormat, Renderer<ExportReport>> = {
  csv: renderExportAsCsv,
  json: renderExportAsJson,
};
