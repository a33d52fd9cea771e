import type { Comparison } from '../analysis/compare.js';
import { renderCompareAsCsv } from './compare-csv.js';
import { renderCompareAsJson } from './compare-json.js';
import { renderCompareAsTable } from './compare-table.js';
import type { Format, Renderer } from './renderer.js';

export const compareRenderers: Record<Format, Renderer<Comparison>> = {
  table: renderCompareAsTable,
  json: renderCompareAsJson,
  csv: renderCompareAsCsv,
};
