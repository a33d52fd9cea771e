/**
 * A simulation as a table (percentiles of each option's horizon total and how often it was the
 * cheapest; then each month's median and range), JSON or CSV; and `--raw`, every trial's drawn
 * inputs and totals as CSV. Simulated figures are float64 estimates, rounded to the currency's
 * minor units here (half away from zero, as all money).
 */
import Table from 'cli-table3';
import type { SimulatedOption, Spread } from '../analysis/simulation.js';
import { cheapestIn } from '../analysis/simulation.js';
import type { Distribution } from '../model/distribution.js';
import type { Period } from '../model/period.js';
import { visible } from '../model/safe-text.js';
import { formatMoney } from './numbers.js';
import { amount, middleOf, moneyText, shareText, spreadText } from './simulated-figures.js';
import { renderSimulationAsHtml } from './simulate-html.js';
import { whatIfCell, whatIfLine } from './provenance.js';
import type { ReportFormat, Renderer } from './renderer.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';
import { csvRows, csvText, jsonText, spreadsheetSafe } from './text-formats.js';

export interface SimulatedInput {
  /** As reports name it: `workloads[0].growth`. */
  name: string;
  /** As `--set` reads it: `workloads.0.growth`. */
  setPath: string;
  distribution: Distribution;
  driver: string | undefined;
  /** The distribution as the scenario writes it: `triangular 0% / 3% / 6%`. */
  described: string;
}

export interface SimulationReport {
  scenario: { name: string; file: string };
  currency: string;
  trials: number;
  seed: number;
  percentiles: readonly number[];
  /** Which pricing ran the trials: the fast path, or the exact engine and why. */
  engine: { path: 'fast' | 'exact'; reason: string | undefined };
  inputs: readonly SimulatedInput[];
  options: readonly string[];
  periods: readonly Period[];
  summary: readonly SimulatedOption[];
  whatIf: readonly string[];
  /** Every trial's horizon totals ([trial × options + option]) and, on request, its drawn inputs as written. */
  totals: Float64Array;
  drawn: (trial: number) => string[];
}

export const simulateRenderers: Record<ReportFormat, Renderer<SimulationReport>> = {
  html: renderSimulationAsHtml,
  table: (report, options) => {
    const style = createStyle(options.color);
    const money = (x: number) => formatMoney(amount(x), report.currency);
    const labels = report.percentiles.map((p) => `P${p}`);
    const totals = new Table({ head: ['option', ...labels, 'mean', 'cheapest'].map(style.bold), style: { head: [], border: [] }, chars: ROWS_WITHOUT_RULES, colAligns: ['left', ...labels.map(() => 'right' as const), 'right', 'right'] });
    report.options.forEach((o, i) => {
      const s = report.summary[i]!;
      totals.push([visible(o), ...s.total.percentiles.map(money), money(s.total.mean), shareText(s.cheapest)]);
    });
    const middle = middleOf(report.percentiles);
    const monthly = new Table({ head: ['month', ...report.options.map(visible)].map(style.bold), style: { head: [], border: [] }, chars: ROWS_WITHOUT_RULES, colAligns: ['left', ...report.options.map(() => 'right' as const)] });
    report.periods.forEach((period, m) => monthly.push([period, ...report.summary.map((s) => spreadText(s.months[m]!, middle, money))]));
    const span = `${report.periods[0]} to ${report.periods[report.periods.length - 1]}`;
    const lines = [
      `${style.bold(visible(report.scenario.name))}: ${report.trials.toLocaleString('en')} trials (seed ${report.seed}), ${report.currency} over ${report.periods.length} months, ${span}`,
      whatIfLine(report.whatIf),
      `Drawn: ${report.inputs.map((i) => visible(`${i.name} (${i.described}${i.driver === undefined ? '' : `, driver ${i.driver}`})`)).join('; ')}`,
      report.engine.path === 'fast' ? 'Priced on the fast path (float64).' : `Priced by the exact engine: ${visible(report.engine.reason ?? '')}.`,
      'Horizon total; cheapest: the share of trials in which the option cost the least.',
      totals.toString(),
      middle === undefined ? 'Each month\'s mean.' : `Each month: P${report.percentiles[middle.mid]}${middle.lo === undefined ? '' : ` (P${report.percentiles[middle.lo]} – P${report.percentiles[middle.hi!]})`}.`,
      monthly.toString(),
    ];
    return `${lines.filter((l) => l !== undefined).join('\n')}\n`;
  },
  json: (report) => {
    const spread = (s: Spread) => ({ ...Object.fromEntries(report.percentiles.map((p, i) => [`p${p}`, moneyText(s.percentiles[i]!, report.currency)])), mean: moneyText(s.mean, report.currency) });
    return jsonText({
      schemaVersion: 1,
      scenario: report.scenario,
      currency: report.currency,
      trials: report.trials,
      seed: report.seed,
      percentiles: report.percentiles,
      engine: report.engine.path,
      ...(report.engine.reason === undefined ? {} : { engineReason: report.engine.reason }),
      ...(report.whatIf.length === 0 ? {} : { whatIf: report.whatIf }),
      inputs: report.inputs.map((i) => ({ path: i.name, distribution: i.distribution, ...(i.driver === undefined ? {} : { driver: i.driver }) })),
      options: report.options.map((id, o) => {
        const s = report.summary[o]!;
        return { id, total: spread(s.total), cheapestTrials: Math.round(s.cheapest * report.trials), cheapestShare: s.cheapest, months: report.periods.map((period, m) => ({ period, ...spread(s.months[m]!) })) };
      }),
    });
  },
  csv: (report, options) => {
    const row = (o: number, period: string, s: Spread, cheapest: string | null) => [spreadsheetSafe(report.options[o]!), period, ...s.percentiles.map((x) => moneyText(x, report.currency)), moneyText(s.mean, report.currency), cheapest, report.currency, String(report.trials), String(report.seed), whatIfCell(report.whatIf)];
    const rows = report.options.flatMap((_, o) => {
      const s = report.summary[o]!;
      return [row(o, 'horizon', s.total, String(s.cheapest)), ...report.periods.map((period, m) => row(o, period, s.months[m]!, null))];
    });
    return csvText(['option', 'period', ...report.percentiles.map((p) => `p${p}`), 'mean', 'cheapest_share', 'currency', 'trials', 'seed', 'what_if'], rows, { bom: options.bom });
  },
};

/** `--raw`: one row per trial, its drawn inputs as the scenario writes them and every option's total; written in pieces. */
export function* rawTrials(report: SimulationReport, options: { bom?: boolean }): Iterable<string> {
  const n = report.options.length;
  yield csvText(['trial', ...report.inputs.map((i) => spreadsheetSafe(i.setPath)), ...report.options.map(spreadsheetSafe), 'cheapest', 'currency'], [], { bom: options.bom });
  const CHUNK = 1000;
  for (let start = 0; start < report.trials; start += CHUNK) {
    const rows = [];
    for (let t = start; t < Math.min(start + CHUNK, report.trials); t++) {
      const totals = Array.from({ length: n }, (_, o) => moneyText(report.totals[t * n + o]!, report.currency));
      rows.push([String(t), ...report.drawn(t), ...totals, spreadsheetSafe(report.options[cheapestIn(report.totals, t, n)]!), report.currency]);
    }
    yield csvRows(rows);
  }
}
