/**
 * The diff report as a table, JSON, CSV, or markdown for a pull-request comment. Tables round
 * each option's categories to add up to its rounded total, before and after, and show the
 * change as the difference of what they show.
 */
import Table from 'cli-table3';
import type { Change, DiffReport, OptionChange } from '../analysis/diff.js';
import { plain, ZERO, type Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import type { DiffFormat } from './diff-formats.js';
import { formatMoney, formatSignedMoney, percentText, roundToTotal, signedPercentText } from './numbers.js';
import type { Renderer } from './renderer.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';
import { csvText, jsonText, markdownCell as md } from './text-formats.js';
import { mermaidChart } from './mermaid.js';

interface ShownRow {
  label: string;
  /** As shown: rounded so the categories add up to the total, each side on its own. */
  before: Decimal | undefined;
  after: Decimal | undefined;
  /** Exact: rounded once when shown, never the difference of two rounded figures. */
  change: Change;
}

/** An option's total and categories as shown: rounded so the categories add up, per side. */
function shownRows(option: OptionChange, currency: string): { total: ShownRow; categories: ShownRow[] } {
  const side = (pick: (c: Change) => Decimal | undefined) => {
    const total = pick(option);
    if (total === undefined) return { total: undefined, parts: option.categories.map(() => undefined) };
    const rounded = roundToTotal(option.categories.map((c) => pick(c) ?? ZERO), total, currency);
    return { total: rounded.total, parts: rounded.parts.map((p, i) => (pick(option.categories[i]!) === undefined ? undefined : p)) };
  };
  const before = side((c) => c.before);
  const after = side((c) => c.after);
  return {
    total: { label: option.id, before: before.total, after: after.total, change: option },
    categories: option.categories.map((c, i) => ({ label: c.category, before: before.parts[i], after: after.parts[i], change: c })),
  };
}

function cells(row: ShownRow, currency: string): string[] {
  const money = (d: Decimal | undefined) => (d === undefined ? '—' : formatMoney(d, currency));
  const { change, ratio } = row.change;
  return [money(row.before), money(row.after), formatSignedMoney(change, currency), ratio === undefined ? '' : signedPercentText(ratio)];
}

function heading(report: DiffReport): string {
  const name = report.before.name === report.after.name ? report.after.name : `${report.before.name} → ${report.after.name}`;
  return `${name}: ${report.before.file} → ${report.after.file}, ${report.currency}`;
}

/** "Only before (dropped or renamed): old-a. Only after (new or renamed): new-a." — or nothing. */
function oneSided(report: DiffReport): string | undefined {
  const parts = [
    ...(report.onlyBefore.length === 0 ? [] : [`Only before (dropped or renamed), not compared: ${report.onlyBefore.join(', ')}.`]),
    ...(report.onlyAfter.length === 0 ? [] : [`Only after (new or renamed), not compared: ${report.onlyAfter.join(', ')}.`]),
  ];
  return parts.length === 0 ? undefined : parts.join(' ');
}

function verdict(report: DiffReport): string | undefined {
  const t = report.threshold;
  if (t === undefined) return undefined;
  const limit = t.kind === 'percent' ? `${percentText(t.value)}%` : formatMoney(t.value, report.currency);
  return report.exceeded.length === 0 ? `No option's total grew by more than ${limit}.` : `Grew by more than ${limit}: ${report.exceeded.join(', ')}.`;
}

const renderDiffAsTable: Renderer<DiffReport> = (report, options) => {
  const style = createStyle(options.color);
  const table = new Table({
    head: ['', 'before', 'after', 'change', '%'].map(style.bold),
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    chars: ROWS_WITHOUT_RULES,
  });
  for (const option of report.options) {
    const rows = shownRows(option, report.currency);
    const total = cells(rows.total, report.currency);
    const mark = option.exceeds ? style.bad : option.change.gt(0) ? style.worse : option.change.lt(0) ? style.good : (t: string) => t;
    // ids and categories come from saved results, which may hold anything: shown escaped
    table.push([style.bold(visible(option.id)), ...total.slice(0, 2), mark(total[2]!), mark(total[3]!)]);
    for (const row of rows.categories) table.push([`  ${visible(row.label)}`, ...cells(row, report.currency)]);
  }
  const lines = [style.bold(visible(heading(report))), table.toString()];
  const sided = oneSided(report);
  if (sided !== undefined) lines.push(style.worse(visible(sided)));
  const v = verdict(report);
  if (v !== undefined) lines.push(report.exceeded.length > 0 ? style.bad(visible(v)) : visible(v));
  return `${lines.join('\n')}\n`;
};

export const renderDiffAsMarkdown: Renderer<DiffReport> = (report) => {
  const lines = [`### Cost change: ${md(heading(report))}`, '', '| Option | Before | After | Change | % |', '|---|--:|--:|--:|--:|'];
  const detail = ['| Option | Category | Before | After | Change | % |', '|---|---|--:|--:|--:|--:|'];
  for (const option of report.options) {
    const rows = shownRows(option, report.currency);
    const mark = option.exceeds ? ' ❌' : '';
    lines.push(`| ${md(option.id)}${mark} | ${cells(rows.total, report.currency).join(' | ')} |`);
    for (const row of rows.categories) detail.push(`| ${md(option.id)} | ${md(row.label)} | ${cells(row, report.currency).join(' | ')} |`);
  }
  const v = verdict(report);
  const sided = oneSided(report);
  const notes = [...(sided === undefined ? [] : ['', `⚠️ ${md(sided)}`]), ...(v === undefined ? [] : ['', `${report.exceeded.length > 0 ? '❌' : '✅'} ${md(v)}`])];
  // before and after side by side, an option missing from a side at nothing
  const chart = mermaidChart(`Total before and after, ${report.currency}`, report.currency, report.options.map((o) => o.id), [
    { kind: 'bar', values: report.options.map((o) => o.before ?? ZERO) },
    { kind: 'bar', values: report.options.map((o) => o.after ?? ZERO) },
  ]);
  return `${[...lines, ...notes, '', chart, '', '<details><summary>By category</summary>', '', ...detail, '', '</details>'].join('\n')}\n`;
};

const json = (c: Change) => ({ before: c.before === undefined ? null : plain(c.before), after: c.after === undefined ? null : plain(c.after), change: plain(c.change), percent: c.ratio === undefined ? null : percentText(c.ratio) });

const renderDiffAsJson: Renderer<DiffReport> = (report) =>
  jsonText({
    schemaVersion: SCHEMA_VERSION,
    before: report.before,
    after: report.after,
    currency: report.currency,
    whatIf: report.whatIf,
    failOnIncrease: report.threshold === undefined ? null : { kind: report.threshold.kind, value: plain(report.threshold.value) },
    exceeded: report.exceeded,
    onlyBefore: report.onlyBefore,
    onlyAfter: report.onlyAfter,
    options: report.options.map((o) => ({ id: o.id, ...json(o), exceeds: o.exceeds, byCategory: o.categories.map((c) => ({ category: c.category, ...json(c) })) })),
  });

const renderDiffAsCsv: Renderer<DiffReport> = (report) => {
  // `present`: an option on one side only (both, before, after) is listed, with nothing on the other
  const row = (option: OptionChange, category: string, c: Change) => {
    const j = json(c);
    const present = option.before === undefined ? 'after' : option.after === undefined ? 'before' : 'both';
    return [option.id, category, present, j.before, j.after, j.change, j.percent, report.currency];
  };
  const rows = report.options.flatMap((o) => [row(o, 'total', o), ...o.categories.map((c) => row(o, c.category, c))]);
  return csvText(['option', 'category', 'present', 'before', 'after', 'change', 'change_percent', 'currency'], rows);
};

export const diffRenderers: Record<DiffFormat, Renderer<DiffReport>> = {
  table: renderDiffAsTable,
  json: renderDiffAsJson,
  csv: renderDiffAsCsv,
  markdown: renderDiffAsMarkdown,
};
