/**
 * `cloudtco export`: every line item, long format, as FOCUS-aligned CSV (see focus.ts) or as
 * JSON holding the same rows, cell for cell, plus what they were priced with.
 */
import type { ExportReport } from '../analysis/export.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { FOCUS_COLUMNS, FOCUS_VERSION, focusRows, TEXT_COLUMNS } from './focus.js';
import { provenanceJson } from './provenance.js';
import type { ExportFormat } from './export-formats.js';
import type { Renderer } from './renderer.js';
import { csvText, jsonText, spreadsheetSafe } from './text-formats.js';


const renderExportAsCsv: Renderer<ExportReport> = (report, options) => {
  const rows = focusRows(report).map((row) => FOCUS_COLUMNS.map((column) => {
    const cell = row[column];
    return cell !== null && TEXT_COLUMNS.has(column) ? spreadsheetSafe(cell) : cell;
  }));
  return csvText(FOCUS_COLUMNS, rows, { bom: options.bom });
};

const renderExportAsJson: Renderer<ExportReport> = (report) =>
  jsonText({
    schemaVersion: SCHEMA_VERSION,
    focusVersion: FOCUS_VERSION,
    scenario: report.scenario,
    currency: report.currency,
    horizon: report.horizon,
    ...provenanceJson(report.provenance, report.currency),
    columns: FOCUS_COLUMNS,
    rows: focusRows(report),
  });

export const exportRenderers: Record<ExportFormat, Renderer<ExportReport>> = {
  csv: renderExportAsCsv,
  json: renderExportAsJson,
};
