/**
 * The flows report as a page: who keeps the money of each option over the horizon (a bar per
 * option, a segment per party), each option's parties period by period, and under them the
 * tables of billed and net amounts, rounded so each column adds up to the spend.
 */
import type { FlowReport, OptionFlows } from '../analysis/flows.js';
import { ZERO, type Decimal } from '../model/money.js';
import { unassessedLine } from './caveats.js';
import { stackedBars } from './html/bar-chart.js';
import { moneyTick, monthsText } from './html/labels.js';
import { figure, htmlPage, htmlTable, notes, type Section } from './html/page.js';
import { formatMoney, roundToTotal } from './numbers.js';
import { pointValuesLine, provenanceLines, whatIfLine } from './provenance.js';
import type { Renderer } from './renderer.js';

export const renderFlowsAsHtml: Renderer<FlowReport> = (report) => {
  const { horizon, currency } = report;
  // one colour per party across every chart of the page
  const parties = [...new Set(report.options.flatMap((o) => o.parties.map((p) => p.party)))];
  const cut = unassessedLine(report.unassessed);
  return htmlPage({
    title: `${report.scenario.name}: who receives the money`,
    facts: [`${horizon.months} months, ${horizon.start} to ${horizon.end}, ${currency} · ${report.scenario.file}`, whatIfLine(report.provenance.whatIf), pointValuesLine(report.provenance.pointValues), cut].filter((f) => f !== undefined),
    sections: [overall(report, parties), ...report.options.map((o) => optionSection(report, o, parties))],
    footer: [...provenanceLines(report.provenance, currency), 'Net: what a party keeps of the spend once channel pass-through and revenue shares have moved money on. Figures are rounded so that each column adds up to its total.'],
  });
};

function overall(report: FlowReport, parties: readonly string[]): Section {
  const { currency } = report;
  const money = (d: Decimal) => formatMoney(d, currency);
  const chart = stackedBars({
    id: 'flows',
    title: `Who keeps each option's spend, ${currency}`,
    description: `One bar per option, the net of each party stacked. ${report.options.map((o) => `${o.id}: ${o.parties.map((p) => `${p.party} ${money(p.net)}`).join(', ')}`).join('; ')}.`,
    keys: parties.map((name, look) => ({ name, look })),
    rows: report.options.map((o) => ({
      label: o.id,
      values: parties.map((party) => o.parties.find((p) => p.party === party)?.net.toNumber() ?? 0),
      tips: parties.map((party) => `${o.id} · ${party} keeps ${money(o.parties.find((p) => p.party === party)?.net ?? ZERO)} ${currency}`),
      total: money(o.spend),
    })),
    xTitle: `${currency} over ${monthsText(report.horizon.months)}`,
    xFormat: moneyTick(currency),
  });
  return { heading: 'Who receives the money', body: [figure(chart, 'Each option\'s spend over the horizon, split by what each party keeps.')] };
}

function optionSection(report: FlowReport, option: OptionFlows, parties: readonly string[]): Section {
  const { currency } = report;
  const money = (d: Decimal) => formatMoney(d, currency);
  const present = parties.filter((party) => option.parties.some((p) => p.party === party));
  const shareOf = (party: string) => option.parties.find((p) => p.party === party)!;
  const chart = stackedBars({
    id: `flows-${report.options.indexOf(option)}`,
    title: `${option.id}: what each party keeps by ${report.by}, ${currency}`,
    description: `One bar per ${report.by}, the net of each party stacked. ${report.periods.map((period, i) => `${period}: ${money(option.spendByPeriod[i]!)}`).join('; ')}.`,
    keys: present.map((name) => ({ name, look: parties.indexOf(name) })),
    rows: report.periods.map((period, i) => ({
      label: period,
      values: present.map((party) => shareOf(party).netByPeriod[i]!.toNumber()),
      tips: present.map((party) => `${period} · ${party} keeps ${money(shareOf(party).netByPeriod[i]!)} ${currency}`),
      total: money(option.spendByPeriod[i]!),
    })),
    xTitle: currency,
    xFormat: moneyTick(currency),
  });
  const columns = [...report.periods.map((_, i) => roundToTotal(option.parties.map((p) => p.netByPeriod[i]!), option.spendByPeriod[i]!, currency)), roundToTotal(option.parties.map((p) => p.net), option.spend, currency)];
  const billed = roundToTotal(option.parties.map((p) => p.billed), option.spend, currency);
  const rows = [
    ...option.parties.map((p, row) => ({ cells: [p.party, p.roles.join(', '), { text: money(billed.parts[row]!), num: true }, ...columns.map((c) => ({ text: money(c.parts[row]!), num: true }))] })),
    { cells: ['Spend', '', { text: money(billed.total), num: true }, ...columns.map((c) => ({ text: money(c.total), num: true }))], total: true },
  ];
  const head = ['party', 'role', { text: 'billed', num: true }, ...report.periods.map((p) => ({ text: `net ${p}`, num: true })), { text: 'net total', num: true }];
  const terms = option.terms.map((t) => {
    const cap = t.cap === undefined ? '' : t.capReachedIn === undefined ? `, cap ${money(t.cap)} not reached` : `, cap ${money(t.cap)} reached in ${t.capReachedIn}`;
    return `${t.payer} → ${t.payee} (${t.term}): ${money(t.paid)}${cap}`;
  });
  return { heading: option.id, body: [figure(chart, `What each party keeps of ${option.id}'s spend, by ${report.by}.`), htmlTable(`Billed (paid by the customer) and net (kept), ${currency}`, head, rows), notes('Money passed on', terms)] };
}
