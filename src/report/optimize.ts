/**
 * The optimize report: the plan workload by workload, what it costs against the best predefined
 * option, how it was found (exhaustive, or local search with its gap to a lower bound), and the
 * constraints that bind. As a table, JSON, CSV (a row per workload) or markdown.
 */
import Table from 'cli-table3';
import { describeChoice } from '../analysis/optimize-space.js';
import type { Optimization } from '../analysis/optimization.js';
import { plain, type Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { formatMoney, formatSignedMoney } from './numbers.js';
import { whatIfLine } from './provenance.js';
import type { Renderer } from './renderer.js';
import type { OptimizeFormat } from './optimize-formats.js';
import { renderOptimizeAsHtml } from './optimize-html.js';
import { addedText, bindingLines, methodLine, objectiveName, versus } from './optimize-text.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';
import { csvText, jsonText, markdownCell as md } from './text-formats.js';


const table: Renderer<Optimization> = (r, options) => {
  const style = createStyle(options.color);
  const money = (d: Decimal) => formatMoney(d, r.currency);
  const plan = new Table({ head: ['workload', 'placement', 'alone', 'added/turn'].map(style.bold), style: { head: [], border: [] }, chars: ROWS_WITHOUT_RULES, colAligns: ['left', 'left', 'right', 'right'], wordWrap: true, colWidths: [null, 70, null, null] as unknown as number[] });
  for (const p of r.plan) plan.push([visible(p.workload), visible(describeChoice(p.choice)), money(p.alone), addedText(p.addedMs)]);
  const whatIf = whatIfLine(r.whatIf);
  const lines = [
    style.bold(`${visible(r.scenario.name)}: the cheapest plan found`),
    style.dim(`${r.horizon.months} months, ${r.horizon.start} to ${r.horizon.end}, ${r.currency} · ${visible(r.scenario.file)} · objective: ${objectiveName(r)}`),
    ...(whatIf === undefined ? [] : [style.worse(whatIf)]),
    '',
    plan.toString(),
    '',
    `${style.bold('Plan')}: ${money(r.priced.objective)}${r.objective === 'npv' ? ` NPV (total ${money(r.priced.total)})` : ''}; ${(r.saving.gt(0) ? style.good : style.worse)(versus(r))} (${money(r.best.objective)}).`,
    ...(r.priced.shortfall.gt(0) ? [style.bad(`No plan meets every commitment in optimize.must_meet: this one falls short by ${money(r.priced.shortfall)}.`)] : []),
    methodLine(r),
    ...(r.binding.length === 0 ? ['No constraint binds, judged workload by workload: what the rules exclude would cost more alone.'] : [style.bold('Constraints that bind (each workload judged alone):'), ...bindingLines(r).map((l) => `  ${visible(l)}`)]),
    ...(r.unpricedChoices.count === 0 ? [] : [style.worse(`${r.unpricedChoices.count} placements could not be priced and were left out; the first: ${visible(r.unpricedChoices.first ?? '')}`)]),
    ...(r.unpriced.count === 0 ? [] : [style.dim(`${r.unpriced.count} plans could not be priced; the first: ${visible(r.unpriced.first ?? '')}`)]),
    style.dim('alone: the workload priced by itself at that placement. --emit-scenario writes the plan as an option, for compare, simulate and check.'),
  ];
  return `${lines.join('\n')}\n`;
};

const json: Renderer<Optimization> = (r) =>
  jsonText({
    schemaVersion: SCHEMA_VERSION,
    scenario: r.scenario,
    currency: r.currency,
    horizon: r.horizon,
    objective: r.objective,
    method: r.method,
    spaceSize: r.spaceSize,
    evaluated: r.evaluated,
    lowerBound: plain(r.lowerBound),
    gap: plain(r.gap),
    plan: {
      objective: plain(r.priced.objective),
      total: plain(r.priced.total),
      shortfall: plain(r.priced.shortfall),
      workloads: r.plan.map((p) => ({
        workload: p.workload,
        model: p.choice.model,
        fallback: p.choice.fallback ?? null,
        runtime: p.choice.runtime ?? null,
        state: p.choice.state ?? null,
        cache: p.choice.cache ?? null,
        alone: plain(p.alone),
        addedMsPerTurn: p.addedMs === undefined ? null : plain(p.addedMs),
        choices: p.allowed,
        excluded: p.excluded,
      })),
    },
    bestPredefined: { id: r.best.id, objective: plain(r.best.objective), total: plain(r.best.total) },
    saving: plain(r.saving),
    savingRatio: r.savingRatio === undefined ? null : plain(r.savingRatio),
    options: r.options.map((o) => ({ id: o.id, objective: plain(o.objective), total: plain(o.total), shortfall: plain(o.shortfall) })),
    binding: r.binding.map((b) => ({ constraint: b.constraint, workload: b.workload ?? null, excluded: b.excluded, why: b.why, forgone: plain(b.forgone) })),
    unpriced: r.unpriced.count,
    unpricedChoices: r.unpricedChoices.count,
    firstUnpricedChoice: r.unpricedChoices.first ?? null,
    whatIf: r.whatIf,
  });

const csv: Renderer<Optimization> = (r, options) =>
  csvText(
    ['workload', 'model', 'runtime', 'state', 'cache', 'alone', 'added_ms_per_turn', 'plan_objective', 'plan_total', 'best_option', 'best_objective', 'saving', 'method', 'gap', 'currency'],
    r.plan.map((p) => {
      const at = (piece: { cloud: string; region: string; service?: string; deployment?: string } | undefined) => (piece === undefined ? '' : `${piece.cloud}/${piece.region} ${piece.deployment ?? piece.service ?? ''}`.trim());
      return [p.workload, at(p.choice.model), at(p.choice.runtime), at(p.choice.state), at(p.choice.cache), plain(p.alone), p.addedMs === undefined ? '' : plain(p.addedMs), plain(r.priced.objective), plain(r.priced.total), r.best.id, plain(r.best.objective), plain(r.saving), r.method, plain(r.gap), r.currency];
    }),
    { bom: options.bom },
  );

const markdown: Renderer<Optimization> = (r) => {
  const money = (d: Decimal) => formatMoney(d, r.currency);
  const lines = [
    `### ${md(r.scenario.name)}: the cheapest plan found`,
    '',
    `${r.horizon.months} months, ${r.horizon.start} to ${r.horizon.end}, ${r.currency} · objective: ${objectiveName(r)}`,
    '',
    '| workload | placement | alone | added/turn |',
    '|---|---|--:|--:|',
    ...r.plan.map((p) => `| ${md(p.workload)} | ${md(describeChoice(p.choice))} | ${money(p.alone)} | ${addedText(p.addedMs)} |`),
    '',
    `**Plan: ${money(r.priced.objective)}**, ${md(versus(r))} (${money(r.best.objective)}); ${formatSignedMoney(r.saving.neg(), r.currency)}.`,
    '',
    md(methodLine(r)),
    ...(r.binding.length === 0 ? [] : ['', '**Constraints that bind** (each workload judged alone)', '', ...bindingLines(r).map((l) => `- ${md(l)}`)]),
  ];
  return `${lines.join('\n')}\n`;
};

export const optimizeRenderers: Record<OptimizeFormat, Renderer<Optimization>> = { table, json, csv, markdown, html: renderOptimizeAsHtml };
