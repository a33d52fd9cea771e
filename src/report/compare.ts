import type { Comparison } from '../analysis/compare.js';
import { renderCompareAsCsv } from './compare-csv.js';
import { renderCompareAsJson } from './compare-json.js';
import { renderCompareAsTable } from './compare-table.js';
import { renderCompareAsMarkdown } from './compare-markdown.js';
import { renderCompareAsHtml } from './compare-html.js';
import type { Renderer } from './renderer.js';
import type { CompareFormat } from './compare-formats.js';

export const compareRenderers: Record<CompareFormat, Renderer<Comparison>> = {
  table: renderCompareAsTable,
  json: renderCompareAsJson,
  csv: renderCompareAsCsv,
  markdown: renderCompareAsMarkdown,
  html: renderCompareAsHtml,
};
