/**
 * The flows report as a table per option, JSON, or CSV: one row per option, period and party,
 * with what the customer paid that party directly (billed) and what it keeps (net).
 */
import Table from 'cli-table3';
import type { FlowReport } from '../analysis/flows.js';
import { plain, type Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { unassessedJson, unassessedLine } from './caveats.js';
import { formatMoney, roundToTotal } from './numbers.js';
import { PROVENANCE_COLUMNS, pointValuesLine, provenanceCells, provenanceJson, provenanceLines, whatIfLine } from './provenance.js';
import type { ReportFormat, Renderer } from './renderer.js';
import { renderFlowsAsHtml } from './flows-html.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';
import { csvText, jsonText } from './text-formats.js';

const renderFlowsAsTable: Renderer<FlowReport> = (report, options) => {
  const style = createStyle(options.color);
  const money = (d: Decimal) => formatMoney(d, report.currency);
  const { horizon } = report;
  const whatIf = whatIfLine(report.provenance.whatIf);
  const points = pointValuesLine(report.provenance.pointValues);
  const heading = [style.bold(`${visible(report.scenario.name)}: who receives the money`), style.dim(`${horizon.months} months, ${horizon.start} to ${horizon.end}, ${report.currency} · ${visible(report.scenario.file)}`), ...(whatIf === undefined ? [] : [style.worse(whatIf)]), ...(points === undefined ? [] : [style.dim(points)])];
  const sections = [heading.join('\n')];
  for (const option of report.options) {
    const table = new Table({
      head: ['party', 'role', ...report.periods, 'Total'].map(style.bold),
      colAligns: ['left', 'left', ...report.periods.map(() => 'right' as const), 'right'],
      style: { head: [], border: [] },
      chars: ROWS_WITHOUT_RULES,
    });
    // each period column and the total column rounded to add up, like every cloudtco table
    const columns = [...report.periods.map((_, i) => roundToTotal(option.parties.map((p) => p.netByPeriod[i]!), option.spendByPeriod[i]!, report.currency)), roundToTotal(option.parties.map((p) => p.net), option.spend, report.currency)];
    option.parties.forEach((party, row) => table.push([party.party, party.roles.join(', '), ...columns.map((c) => money(c.parts[row]!))]));
    table.push([style.bold('Spend'), '', ...columns.map((c) => style.bold(money(c.total)))]);
    const terms = option.terms.map((t) => {
      const cap = t.cap === undefined ? '' : t.capReachedIn === undefined ? `, cap ${money(t.cap)} not reached` : `, cap ${money(t.cap)} reached in ${t.capReachedIn}`;
      return `  ${t.payer} → ${t.payee} (${t.term}): ${money(t.paid)}${cap}`;
    });
    sections.push([style.bold(option.id), table.toString(), ...(terms.length > 0 ? ['Flows:', ...terms] : [])].join('\n'));
  }
  const cut = unassessedLine(report.unassessed);
  if (cut !== undefined) sections.push(style.dim(cut));
  const footer = style.dim([...provenanceLines(report.provenance, report.currency), 'Figures are rounded so that each column adds up to its total.'].join('\n'));
  return `${[...sections, footer].join('\n\n')}\n`;
};

const renderFlowsAsJson: Renderer<FlowReport> = (report) =>
  jsonText({
    schemaVersion: SCHEMA_VERSION,
    scenario: report.scenario,
    currency: report.currency,
    horizon: report.horizon,
    by: report.by,
    ...provenanceJson(report.provenance, report.currency),
    unassessedCommitmentPeriods: unassessedJson(report.unassessed),
    options: report.options.map((o) => ({
      id: o.id,
      spend: plain(o.spend),
      spendByPeriod: report.periods.map((period, i) => ({ period, spend: plain(o.spendByPeriod[i]!) })),
      parties: o.parties.map((p) => ({
        party: p.party,
        roles: p.roles,
        billed: plain(p.billed),
        net: plain(p.net),
        byPeriod: report.periods.map((period, i) => ({ period, billed: plain(p.billedByPeriod[i]!), net: plain(p.netByPeriod[i]!) })),
      })),
      flows: o.terms.map((t) => ({ term: t.term, payer: t.payer, payee: t.payee, paid: plain(t.paid), cap: t.cap === undefined ? null : plain(t.cap), capReachedIn: t.capReachedIn ?? null })),
    })),
  });

const renderFlowsAsCsv: Renderer<FlowReport> = (report) => {
  const provenance = provenanceCells(report.provenance);
  const rows = report.options.flatMap((o) =>
    o.parties.flatMap((p) => report.periods.map((period, i) => [o.id, period, p.party, p.roles.join('; '), plain(p.billedByPeriod[i]!), plain(p.netByPeriod[i]!), report.currency, ...provenance])),
  );
  return csvText(['option', report.by, 'party', 'roles', 'billed', 'net', 'currency', ...PROVENANCE_COLUMNS], rows);
};

export const flowsRenderers: Record<ReportFormat, Renderer<FlowReport>> = {
  table: renderFlowsAsTable,
  json: renderFlowsAsJson,
  csv: renderFlowsAsCsv,
  html: renderFlowsAsHtml,
};
