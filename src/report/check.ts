/**
 * The check report for people (table), scripts (json), pull requests and job summaries
 * (markdown), GitHub Actions (workflow commands that annotate the budget's line) and other CI
 * systems (JUnit XML, one test case per budget and option).
 */
import Table from 'cli-table3';
import type { BaselineCheck, BaselineResult, BudgetResult, CheckReport, Threshold } from '../analysis/check.js';
import { plain, type Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { formatMoney, formatSignedMoney, percentText, signedPercentText } from './numbers.js';
import type { CheckFormat } from './check-formats.js';
import type { Renderer } from './renderer.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';
import { pointValuesLine, whatIfLine } from './provenance.js';
import { jsonText, markdownCell as cell } from './text-formats.js';
import { mermaidChart } from './mermaid.js';
import { workflowCommand, type Annotation } from './workflow-commands.js';


/** The facts of one budget result: its worst period's spend and excess, and when it first went over. */
function budgetFacts(b: BudgetResult, currency: string): { actual: string; excess: string; when: string } {
  const money = (d: Decimal) => formatMoney(d, currency);
  if (!b.breached) return { actual: money(b.actual), excess: '', when: b.per === 'horizon' ? '' : `highest: ${b.worst}` };
  if (b.per === 'horizon') return { actual: money(b.actual), excess: money(b.excess), when: `over the limit from ${b.firstBreach!.month}` };
  return { actual: money(b.actual), excess: money(b.excess), when: `worst: ${b.worst}; ${firstOver(b)}` };
}

/** "first over: 2027-11 (2 months over)", "first over: 2027-Q3, from 2027-08 (1 quarter over)" */
function firstOver(b: BudgetResult): string {
  const { period, month } = b.firstBreach!;
  const from = b.per === 'month' ? '' : `, from ${month}`;
  return `first over: ${period}${from} (${b.periodsBreached} ${b.per}${b.periodsBreached === 1 ? '' : 's'} over)`;
}

function budgetTitle(b: BudgetResult): string {
  return `${b.name} [${b.option}]`;
}

/** "azure monthly [azure-global]: 152,340.12 in 2027-04, the worst month, is 2,340.12 over the limit of 150,000.00 a month; first over: 2027-03 (2 months over)" */
function budgetMessage(b: BudgetResult, currency: string): string {
  const money = (d: Decimal) => formatMoney(d, currency);
  if (b.per === 'horizon') return `${money(b.actual)} over the horizon is ${money(b.excess)} over the limit of ${money(b.limit)}; the running total passed it in ${b.firstBreach!.month}`;
  return `${money(b.actual)} in ${b.worst}, the worst ${b.per}, is ${money(b.excess)} over the limit of ${money(b.limit)} a ${b.per}; ${firstOver(b)}`;
}

function thresholdText(t: Threshold, currency: string): string {
  return t.kind === 'percent' ? `${percentText(t.value)}%` : formatMoney(t.value, currency);
}

function baselineMessage(r: BaselineResult, t: Threshold, currency: string): string {
  const percent = r.ratio === undefined ? '' : ` (${signedPercentText(r.ratio)})`;
  return `${formatMoney(r.before, currency)} → ${formatMoney(r.after, currency)}, ${formatSignedMoney(r.increase, currency)}${percent}; at most ${thresholdText(t, currency)} more is allowed`;
}

/** "old-option: only in the baseline", "new-option: new since the baseline"; a baseline's ids may hold anything, so escaped */
function notCompared(baseline: BaselineCheck): string[] {
  return [...baseline.dropped.map((id) => `${visible(id)}: only in the baseline`), ...baseline.added.map((id) => `${id}: new since the baseline`)];
}

function summaryLine(report: CheckReport): string {
  const failed = report.errors > 0 ? `${report.errors} breached` : 'every check held';
  const warned = report.warnings > 0 ? `, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}` : '';
  const checks = report.budgets.length + (report.baseline?.results.length ?? 0);
  return `${failed}${warned} (${checks} check${checks === 1 ? '' : 's'})`;
}

const renderCheckAsTable: Renderer<CheckReport> = (report, options) => {
  const style = createStyle(options.color);
  const whatIf = whatIfLine(report.whatIf);
  const points = pointValuesLine(report.pointValues);
  const heading = [style.bold(`${visible(report.scenario.name)}: ${summaryLine(report)}`), style.dim(`${visible(report.scenario.file)} · ${report.currency}`), ...(whatIf === undefined ? [] : [style.worse(whatIf)]), ...(points === undefined ? [] : [style.dim(points)])];
  const sections = [heading.join('\n')];
  if (report.budgets.length > 0) {
    const table = new Table({
      head: ['', 'budget', 'option', 'per', 'limit', 'actual', 'excess', ''].map(style.bold),
      colAligns: ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'left'],
      style: { head: [], border: [] },
      chars: ROWS_WITHOUT_RULES,
    });
    for (const b of report.budgets) {
      const mark = !b.breached ? style.good('ok') : b.severity === 'error' ? style.bad('over') : style.worse('warning');
      const facts = budgetFacts(b, report.currency);
      table.push([mark, visible(b.name), b.option, b.per, formatMoney(b.limit, report.currency), facts.actual, facts.excess, facts.when]);
    }
    sections.push(table.toString());
  }
  const baseline = report.baseline;
  if (baseline !== undefined) {
    const lines = baseline.results.map((r) => `  ${r.breached ? style.bad('over') : style.good('ok')}  ${r.option}: ${baselineMessage(r, baseline.threshold, report.currency)}`);
    const notes = notCompared(baseline).map((note) => `  ${note}, not compared`);
    sections.push([style.bold(`Against ${visible(baseline.file)} (at most ${thresholdText(baseline.threshold, report.currency)} more per option):`), ...lines, ...notes.map(style.dim)].join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
};

const renderCheckAsJson: Renderer<CheckReport> = (report) =>
  jsonText({
    schemaVersion: SCHEMA_VERSION,
    scenario: report.scenario,
    currency: report.currency,
    horizon: report.horizon,
    whatIf: report.whatIf,
    ...(report.pointValues.length === 0 ? {} : { pointValues: report.pointValues }),
    passed: report.errors === 0,
    errors: report.errors,
    warnings: report.warnings,
    budgets: report.budgets.map((b) => ({
      name: b.name,
      option: b.option,
      severity: b.severity,
      per: b.per,
      limit: plain(b.limit),
      breached: b.breached,
      worstPeriod: b.worst ?? null,
      actual: plain(b.actual),
      excess: plain(b.excess),
      firstBreachedPeriod: b.firstBreach?.period ?? null,
      firstBreachedMonth: b.firstBreach?.month ?? null,
      periodsBreached: b.periodsBreached,
      file: b.location.file,
      line: b.location.line ?? null,
    })),
    baseline:
      report.baseline === undefined
        ? null
        : {
            file: report.baseline.file,
            maxIncrease: { kind: report.baseline.threshold.kind, value: plain(report.baseline.threshold.value) },
            results: report.baseline.results.map((r) => ({ option: r.option, before: plain(r.before), after: plain(r.after), increase: plain(r.increase), percent: r.ratio === undefined ? null : percentText(r.ratio), breached: r.breached })),
            onlyInBaseline: report.baseline.dropped,
            notInBaseline: report.baseline.added,
          },
  });

export const renderCheckAsMarkdown: Renderer<CheckReport> = (report) => {
  const lines = [`### cloudtco check: ${cell(report.scenario.name)}`, '', `${report.errors > 0 ? '❌' : '✅'} ${summaryLine(report)} · \`${cell(report.scenario.file)}\``];
  const whatIf = whatIfLine(report.whatIf);
  if (whatIf !== undefined) lines.push('', `**${cell(whatIf)}**`);
  if (report.budgets.length > 0) {
    lines.push('', '| | Budget | Option | Per | Limit | Actual | Excess | |', '|---|---|---|---|--:|--:|--:|---|');
    for (const b of report.budgets) {
      const facts = budgetFacts(b, report.currency);
      const mark = !b.breached ? '✅' : b.severity === 'error' ? '❌' : '⚠️';
      lines.push(`| ${mark} | ${cell(b.name)} | ${cell(b.option)} | ${b.per} | ${formatMoney(b.limit, report.currency)} | ${facts.actual} | ${facts.excess} | ${facts.when} |`);
    }
    // each budget's worst spend as a bar, its limit as a line over it
    lines.push(
      '',
      mermaidChart(`Worst period's spend against each budget, ${report.currency}`, report.currency, report.budgets.map((b) => `${b.name} · ${b.option}`), [
        { kind: 'bar', values: report.budgets.map((b) => b.actual) },
        { kind: 'line', values: report.budgets.map((b) => b.limit) },
      ]),
    );
  }
  const baseline = report.baseline;
  if (baseline !== undefined) {
    lines.push('', `Against \`${cell(baseline.file)}\`, at most ${thresholdText(baseline.threshold, report.currency)} more per option:`, '', '| | Option | Before | After | Change | % |', '|---|---|--:|--:|--:|--:|');
    for (const r of baseline.results) {
      lines.push(`| ${r.breached ? '❌' : '✅'} | ${cell(r.option)} | ${formatMoney(r.before, report.currency)} | ${formatMoney(r.after, report.currency)} | ${formatSignedMoney(r.increase, report.currency)} | ${r.ratio === undefined ? '' : signedPercentText(r.ratio)} |`);
    }
    const notes = notCompared(baseline);
    if (notes.length > 0) lines.push('', `Not compared: ${notes.map(cell).join('; ')}.`);
  }
  return `${lines.join('\n')}\n`;
};

/** GitHub Actions annotations (report/workflow-commands.ts). Errors first: a step shows only the first 10 of each kind. */
const renderCheckAsGithub: Renderer<CheckReport> = (report) => {
  const annotations: Annotation[] = [];
  for (const b of report.budgets.filter((x) => x.breached)) {
    annotations.push({ level: b.severity, ...b.location, title: `Budget ${budgetTitle(b)}`, message: `${budgetTitle(b)}: ${budgetMessage(b, report.currency)}` });
  }
  for (const r of report.baseline?.results.filter((x) => x.breached) ?? []) {
    annotations.push({ level: 'error', ...r.location, title: `Cost increase ${r.option}`, message: `${r.option}: ${baselineMessage(r, report.baseline!.threshold, report.currency)}` });
  }
  annotations.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  const lines = annotations.map(workflowCommand);
  // options a baseline cannot speak for are news, not failures
  if (report.baseline !== undefined) lines.push(...notCompared(report.baseline).map((note) => workflowCommand({ level: 'notice', title: 'Not compared with the baseline', message: note })));
  if (report.whatIf.length > 0) lines.push(workflowCommand({ level: 'notice', title: 'What-if', message: `${report.scenario.file} was checked with ${report.whatIf.map((arg) => `--set ${arg}`).join(' ')}` }));
  return `${[...lines, `cloudtco check: ${summaryLine(report)}`].join('\n')}\n`;
};

/** JUnit XML: one test case per budget and option, and per option against a baseline. */
const renderCheckAsJunit: Renderer<CheckReport> = (report) => {
  const classname = `cloudtco.${report.scenario.file}`;
  const cases = [
    ...report.budgets.map((b) => {
      const body = !b.breached ? '' : b.severity === 'error' ? `<failure message="${xml(budgetMessage(b, report.currency))}" type="budget">${xml(budgetMessage(b, report.currency))}</failure>` : `<system-out>${xml(`warning: ${budgetMessage(b, report.currency)}`)}</system-out>`;
      return { name: `budget ${budgetTitle(b)}`, file: b.location.file, failed: b.breached && b.severity === 'error', body };
    }),
    ...(report.baseline?.results ?? []).map((r) => {
      const message = baselineMessage(r, report.baseline!.threshold, report.currency);
      return { name: `increase over baseline [${r.option}]`, file: r.location.file, failed: r.breached, body: r.breached ? `<failure message="${xml(message)}" type="baseline">${xml(message)}</failure>` : '' };
    }),
  ];
  const failures = cases.filter((c) => c.failed).length;
  const testcases = cases.map((c) => `    <testcase classname="${xml(classname)}" name="${xml(c.name)}" file="${xml(c.file)}" time="0"${c.body === '' ? '/>' : `>${c.body}</testcase>`}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cloudtco check" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`,
    `  <testsuite name="${xml(report.scenario.name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...(report.whatIf.length === 0 ? [] : ['    <properties>', ...report.whatIf.map((arg) => `      <property name="cloudtco.set" value="${xml(arg)}"/>`), '    </properties>']),
    ...testcases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};

/**
 * Text for XML attributes and content: the five entities, line breaks and tabs as character
 * references (an attribute would turn them into spaces), no characters XML 1.0 forbids.
 */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export const checkRenderers: Record<CheckFormat, Renderer<CheckReport>> = {
  table: renderCheckAsTable,
  json: renderCheckAsJson,
  markdown: renderCheckAsMarkdown,
  github: renderCheckAsGithub,
  junit: renderCheckAsJunit,
};
