/**
 * The optimize report as a page: the plan's cost beside every predefined option's (a bar each,
 * the plan first), then the plan workload by workload, how it was found, and what binds.
 */
import { describeChoice } from '../analysis/optimize-space.js';
import type { Optimization } from '../analysis/optimization.js';
import type { Decimal } from '../model/money.js';
import { stackedBars } from './html/bar-chart.js';
import { moneyTick, monthsText } from './html/labels.js';
import { esc } from './html/markup.js';
import { figure, htmlPage, htmlTable, notes } from './html/page.js';
import { formatMoney } from './numbers.js';
import { addedText, bindingLines, methodLine, objectiveName, versus } from './optimize-text.js';
import { whatIfLine } from './provenance.js';
import type { Renderer } from './renderer.js';

export const renderOptimizeAsHtml: Renderer<Optimization> = (r) => {
  const money = (d: Decimal) => formatMoney(d, r.currency);
  const rows = [{ id: `the plan (${r.method})`, objective: r.priced.objective }, ...r.options.map((o) => ({ id: o.id, objective: o.objective }))];
  const chart = stackedBars({
    id: 'plan-vs-options',
    title: `The plan against the options, ${objectiveName(r)}, ${r.currency}`,
    description: `${rows.map((row) => `${row.id}: ${money(row.objective)}`).join('; ')}.`,
    keys: [{ name: objectiveName(r), look: 0 }],
    rows: rows.map((row) => ({ label: row.id, values: [row.objective.toNumber()], tips: [`${row.id}: ${money(row.objective)} ${r.currency}`], total: money(row.objective) })),
    xTitle: `${r.currency} over ${monthsText(r.horizon.months)}`,
    xFormat: moneyTick(r.currency),
  });
  const plan = htmlTable(
    `The plan, ${r.currency}; alone: the workload priced by itself at that placement`,
    ['workload', 'placement', { text: 'alone', num: true }, { text: 'added/turn', num: true }],
    r.plan.map((p) => ({ cells: [p.workload, describeChoice(p.choice), { text: money(p.alone), num: true }, { text: addedText(p.addedMs), num: true }] })),
  );
  return htmlPage({
    title: `${r.scenario.name}: the cheapest plan found`,
    facts: [`${monthsText(r.horizon.months)}, ${r.horizon.start} to ${r.horizon.end}, ${r.currency} · ${r.scenario.file} · objective: ${objectiveName(r)}`, whatIfLine(r.whatIf)].filter((f) => f !== undefined),
    sections: [
      { heading: 'The plan against the options', body: [figure(chart, `The plan ${versus(r)}.`), `<p class="facts">${esc(methodLine(r))}</p>`] },
      { heading: 'Workload by workload', body: [plan, r.binding.length === 0 ? '<p class="facts">No constraint binds, judged workload by workload: what the rules exclude would cost more alone.</p>' : notes('Constraints that bind (each workload judged alone)', bindingLines(r))] },
    ],
    footer: ['--emit-scenario writes the plan as an option of the scenario, for compare, simulate and check.'],
  });
};
