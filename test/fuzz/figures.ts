/**
 * The figures of a successful report, checked: every amount is exact decimal text (no NaN,
 * Infinity or exponent), and non-negative unless it is negative by design — a
 * commitment discount, a difference or a change, or a figure copied from a saved result the
 * fuzzer wrote. Fields follow src/report/*-json.ts and the CSV renderers.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { isMapping } from './data-tree.js';
import type { Command } from './fuzz-case.js';

export interface FigureProblem {
  kind: 'bad-figure' | 'negative-figure' | 'negative-zero';
  where: string;
  value: string;
}

type Sign = 'nonneg' | 'signed';

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const DISCOUNT = 'commitment.discount';

/**
 * A part of an option (a month, a cloud, a workload — the "(shared)" one holds commitments)
 * that carries a commitment discount can total less than zero; the option itself cannot.
 */
const carriesDiscount = (amount: unknown) => typeof amount === 'string' && amount !== '' && !/^-?0(\.0+)?$/.test(amount);

class FigureChecker {
  readonly problems: FigureProblem[] = [];

  /** A figure that must be there. */
  required(where: string, value: unknown, sign: Sign): void {
    if (value === undefined) this.problems.push({ kind: 'bad-figure', where, value: 'missing' });
    else this.optional(where, value, sign);
  }

  /** A figure that may be null (or, in CSV, empty). */
  optional(where: string, value: unknown, sign: Sign): void {
    if (value === null || value === undefined || value === '') return;
    const text = String(value);
    const shown = text.length > 80 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
    if (typeof value !== 'string' || !DECIMAL.test(text)) this.problems.push({ kind: 'bad-figure', where, value: typeof value === 'string' ? shown : `${typeof value} ${shown}` });
    // a change rounded to "-0.00" still tells a decrease; an amount that cannot be negative has no "-0"
    else if (sign === 'nonneg' && text.startsWith('-')) this.problems.push({ kind: /^-0(\.0+)?$/.test(text) ? 'negative-zero' : 'negative-figure', where, value: shown });
  }

  /** `byCategory` as a mapping (compare) or a list of { category, … } (diff). */
  categories(where: string, byCategory: unknown): void {
    if (!isMapping(byCategory)) return void this.problems.push({ kind: 'bad-figure', where, value: 'not a mapping' });
    for (const [category, amount] of Object.entries(byCategory)) this.required(`${where}.${category}`, amount, category === DISCOUNT ? 'signed' : 'nonneg');
  }
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown => (isMapping(value) ? value[key] : undefined);

function compareJson(c: FigureChecker, report: unknown): void {
  c.optional('discountRate', field(report, 'discountRate'), 'nonneg');
  list(field(report, 'fx')).forEach((r, i) => c.required(`fx[${i}].rate`, field(r, 'rate'), 'nonneg'));
  list(field(report, 'options')).forEach((o, i) => {
    const at = `options[${i}]`;
    c.required(`${at}.total`, field(o, 'total'), 'nonneg');
    c.required(`${at}.monthlyAverage`, field(o, 'monthlyAverage'), 'nonneg');
    c.categories(`${at}.byCategory`, field(o, 'byCategory'));
    c.required(`${at}.differenceFromCheapest.amount`, field(field(o, 'differenceFromCheapest'), 'amount'), 'signed');
    c.optional(`${at}.differenceFromCheapest.percent`, field(field(o, 'differenceFromCheapest'), 'percent'), 'signed');
    list(field(o, 'drivers')).forEach((d, j) => c.required(`${at}.drivers[${j}].amount`, field(d, 'amount'), 'signed'));
    c.optional(`${at}.npv`, field(o, 'npv'), 'nonneg');
    c.optional(`${at}.latency.msPerTurn`, field(field(o, 'latency'), 'msPerTurn'), 'nonneg');
    for (const breakdown of ['byPeriod', 'byCloud', 'byWorkload']) {
      list(field(o, breakdown)).forEach((g, j) => {
        c.required(`${at}.${breakdown}[${j}].total`, field(g, 'total'), carriesDiscount(field(field(g, 'byCategory'), DISCOUNT)) ? 'signed' : 'nonneg');
        c.categories(`${at}.${breakdown}[${j}].byCategory`, field(g, 'byCategory'));
      });
    }
    list(field(o, 'lineItems')).forEach((item, j) => {
      const sign = field(item, 'category') === DISCOUNT ? 'signed' : 'nonneg';
      c.required(`${at}.lineItems[${j}].quantity`, field(item, 'quantity'), 'nonneg');
      c.required(`${at}.lineItems[${j}].unitPrice`, field(item, 'unitPrice'), sign);
      c.required(`${at}.lineItems[${j}].cost`, field(item, 'cost'), sign);
    });
  });
}

function checkJson(c: FigureChecker, report: unknown, fromFiles: boolean): void {
  list(field(report, 'budgets')).forEach((b, i) => {
    c.required(`budgets[${i}].limit`, field(b, 'limit'), 'nonneg');
    // a budget may count only the commitment discount, whose spend is negative by design
    c.required(`budgets[${i}].actual`, field(b, 'actual'), 'signed');
    c.required(`budgets[${i}].excess`, field(b, 'excess'), 'nonneg');
  });
  const baseline = field(report, 'baseline');
  c.optional('baseline.maxIncrease.value', field(field(baseline, 'maxIncrease'), 'value'), 'nonneg');
  list(field(baseline, 'results')).forEach((r, i) => {
    c.required(`baseline.results[${i}].before`, field(r, 'before'), fromFiles ? 'signed' : 'nonneg');
    c.required(`baseline.results[${i}].after`, field(r, 'after'), 'nonneg');
    c.required(`baseline.results[${i}].increase`, field(r, 'increase'), 'signed');
    c.optional(`baseline.results[${i}].percent`, field(r, 'percent'), 'signed');
  });
}

function diffJson(c: FigureChecker, report: unknown, fromFiles: boolean): void {
  c.optional('failOnIncrease.value', field(field(report, 'failOnIncrease'), 'value'), 'nonneg');
  const change = (at: string, x: unknown, sign: Sign) => {
    c.optional(`${at}.before`, field(x, 'before'), sign);
    c.optional(`${at}.after`, field(x, 'after'), sign);
    c.required(`${at}.change`, field(x, 'change'), 'signed');
    c.optional(`${at}.percent`, field(x, 'percent'), 'signed');
  };
  const sideSign: Sign = fromFiles ? 'signed' : 'nonneg';
  list(field(report, 'options')).forEach((o, i) => {
    change(`options[${i}]`, o, sideSign);
    list(field(o, 'byCategory')).forEach((cat, j) => change(`options[${i}].byCategory[${j}]`, cat, field(cat, 'category') === DISCOUNT ? 'signed' : sideSign));
  });
}

/** Each option's figure in a mapping of option → amount. */
function totals(c: FigureChecker, where: string, byOption: unknown, sign: Sign): void {
  if (!isMapping(byOption)) return void c.problems.push({ kind: 'bad-figure', where, value: 'not a mapping' });
  for (const [option, amount] of Object.entries(byOption)) c.required(`${where}.${option}`, amount, sign);
}

/** Percentiles and means: an option's horizon total cannot be negative; a month can, with a commitment discount. */
function simulateJson(c: FigureChecker, report: unknown): void {
  list(field(report, 'options')).forEach((o, i) => {
    const spread = (where: string, s: unknown, sign: Sign) => (isMapping(s) ? Object.entries(s).filter(([k]) => k !== 'period').forEach(([k, v]) => c.required(`${where}.${k}`, v, sign)) : c.problems.push({ kind: 'bad-figure', where, value: 'not a mapping' }));
    spread(`options[${i}].total`, field(o, 'total'), 'nonneg');
    list(field(o, 'months')).forEach((m, j) => spread(`options[${i}].months[${j}]`, m, 'signed'));
  });
}

/** A plan's and the options' totals cannot be negative, nor its gap; the saving can. */
function optimizeJson(c: FigureChecker, report: unknown): void {
  const plan = field(report, 'plan');
  for (const key of ['objective', 'total', 'shortfall']) c.required(`plan.${key}`, field(plan, key), 'nonneg');
  list(field(plan, 'workloads')).forEach((w, i) => c.required(`plan.workloads[${i}].alone`, field(w, 'alone'), 'nonneg'));
  c.required('lowerBound', field(report, 'lowerBound'), 'nonneg');
  c.required('gap', field(report, 'gap'), 'nonneg');
  c.required('saving', field(report, 'saving'), 'signed');
}

function sensitivityJson(c: FigureChecker, report: unknown): void {
  totals(c, 'point', field(report, 'point'), 'nonneg');
  list(field(report, 'factors')).forEach((f, i) => {
    for (const end of ['low', 'high', 'swings']) totals(c, `factors[${i}].${end}`, field(f, end), 'nonneg');
    const gap = field(f, 'gap');
    if (gap !== null) for (const k of ['low', 'high', 'swing']) c.required(`factors[${i}].gap.${k}`, field(gap, k), k === 'swing' ? 'nonneg' : 'signed');
  });
}

function flowsJson(c: FigureChecker, report: unknown): void {
  list(field(report, 'options')).forEach((o, i) => {
    const at = `options[${i}]`;
    c.required(`${at}.spend`, field(o, 'spend'), 'nonneg');
    list(field(o, 'spendByPeriod')).forEach((p, j) => c.required(`${at}.spendByPeriod[${j}].spend`, field(p, 'spend'), 'nonneg'));
    list(field(o, 'parties')).forEach((p, j) => {
      // a party's net is what it keeps after passing money on; a cloud giving a commitment discount can keep less than nothing
      c.required(`${at}.parties[${j}].billed`, field(p, 'billed'), 'nonneg');
      c.required(`${at}.parties[${j}].net`, field(p, 'net'), 'signed');
      list(field(p, 'byPeriod')).forEach((q, k) => {
        c.required(`${at}.parties[${j}].byPeriod[${k}].billed`, field(q, 'billed'), 'nonneg');
        c.required(`${at}.parties[${j}].byPeriod[${k}].net`, field(q, 'net'), 'signed');
      });
    });
    list(field(o, 'flows')).forEach((f, j) => {
      c.required(`${at}.flows[${j}].paid`, field(f, 'paid'), 'nonneg');
      c.optional(`${at}.flows[${j}].cap`, field(f, 'cap'), 'nonneg');
    });
  });
}

const EXPORT_QUANTITIES = ['ConsumedQuantity', 'PricingQuantity', 'x_ExchangeRate'];
const EXPORT_MONEY = ['ListUnitPrice', 'ListCost', 'BilledCost', 'EffectiveCost'];

function exportRow(c: FigureChecker, at: string, row: Record<string, unknown>): void {
  for (const key of EXPORT_QUANTITIES) c.optional(`${at}.${key}`, row[key], 'nonneg');
  const sign = row.x_Category === DISCOUNT ? 'signed' : 'nonneg';
  for (const key of EXPORT_MONEY) c.optional(`${at}.${key}`, row[key], sign);
}

function catalogShowJson(c: FigureChecker, report: unknown): void {
  list(field(report, 'prices')).forEach((p, i) => {
    c.required(`prices[${i}].input`, field(p, 'input'), 'nonneg');
    c.optional(`prices[${i}].cachedInput`, field(p, 'cachedInput'), 'nonneg');
    c.required(`prices[${i}].output`, field(p, 'output'), 'nonneg');
  });
}

export function jsonFigureProblems(command: Command, report: unknown, fromFiles: boolean): FigureProblem[] {
  const c = new FigureChecker();
  if (command === 'compare') compareJson(c, report);
  else if (command === 'check') checkJson(c, report, fromFiles);
  else if (command === 'diff') diffJson(c, report, fromFiles);
  else if (command === 'flows') flowsJson(c, report);
  else if (command === 'export') list(field(report, 'rows')).forEach((row, i) => exportRow(c, `rows[${i}]`, isMapping(row) ? row : {}));
  else if (command === 'catalog show') catalogShowJson(c, report);
  else if (command === 'simulate') simulateJson(c, report);
  else if (command === 'sensitivity') sensitivityJson(c, report);
  else if (command === 'sweep') list(field(report, 'points')).forEach((p, i) => totals(c, `points[${i}].totals`, field(p, 'totals'), 'nonneg'));
  else if (command === 'optimize') optimizeJson(c, report);
  return c.problems;
}

/** The key column of a `compare --format csv --by …` row. */
const BREAKDOWN_COLUMNS = ['month', 'quarter', 'year', 'category', 'cloud', 'workload'];

/** Columns of each command's CSV that hold figures, and their sign; other columns are text. */
function csvColumnSign(command: Command, column: string, row: Record<string, string>, fromFiles: boolean): Sign | undefined {
  switch (command) {
    case 'compare': {
      if (['difference', 'difference_percent', DISCOUNT].includes(column)) return 'signed';
      if (['option', 'cheapest', 'currency', 'catalog_sha256', 'prices_as_of_oldest', 'prices_as_of_newest', 'what_if', 'point_values', ...BREAKDOWN_COLUMNS].includes(column) || column.startsWith('break_even')) return undefined;
      // with --by, a row is a part of an option: the discount's own (--by category), or one that carries it
      const part = BREAKDOWN_COLUMNS.some((key) => key in row);
      return column === 'total' && part && (row.category === DISCOUNT || carriesDiscount(row[DISCOUNT])) ? 'signed' : 'nonneg';
    }
    case 'export':
      if (EXPORT_QUANTITIES.includes(column)) return 'nonneg';
      if (EXPORT_MONEY.includes(column)) return row.x_Category === DISCOUNT ? 'signed' : 'nonneg';
      return undefined;
    case 'flows':
      return ['billed', 'net'].includes(column) ? 'signed' : undefined;
    case 'diff':
      if (['change', 'change_percent'].includes(column)) return 'signed';
      if (['before', 'after'].includes(column)) return fromFiles || row.category === DISCOUNT ? 'signed' : 'nonneg';
      return undefined;
    case 'catalog show':
      return ['input', 'cached_input', 'output'].includes(column) ? 'nonneg' : undefined;
    case 'simulate':
      if (/^p[\d.]+$/.test(column) || column === 'mean') return row.period === 'horizon' ? 'nonneg' : 'signed';
      return column === 'cheapest_share' ? 'nonneg' : undefined;
    case 'sensitivity':
      if (column === 'gap') return 'signed';
      return ['rank', 'factor', 'end', 'values', 'currency'].includes(column) ? undefined : 'nonneg';
    case 'sweep':
      return column === 'cheapest' || column === 'currency' || column.includes('.') ? undefined : 'nonneg';
    case 'optimize':
      if (column === 'saving') return 'signed';
      return ['alone', 'plan_objective', 'plan_total', 'best_objective', 'gap'].includes(column) ? 'nonneg' : undefined;
    default:
      return undefined;
  }
}

export function csvFigureProblems(command: Command, text: string, fromFiles: boolean): FigureProblem[] {
  const c = new FigureChecker();
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
  } catch (error) {
    return [{ kind: 'bad-figure', where: 'the CSV', value: `unreadable: ${(error as Error).message.split('\n')[0]}` }];
  }
  rows.forEach((row, i) => {
    for (const [column, value] of Object.entries(row)) {
      const sign = csvColumnSign(command, column, row, fromFiles);
      if (sign !== undefined) c.optional(`row ${i + 2} ${column}`, value, sign);
    }
  });
  return c.problems;
}

/**
 * A report for people shows no NaN or Infinity. A word the inputs themselves contain (a
 * scenario named "NaN") is the inputs', not a figure, so it is not held against the report.
 */
export function textFigureProblems(text: string, inputText: string): FigureProblem[] {
  const problems: FigureProblem[] = [];
  for (const word of ['NaN', 'Infinity']) {
    const pattern = new RegExp(`(?<![A-Za-z])${word}(?![A-Za-z])`);
    if (inputText.includes(word)) continue;
    const match = pattern.exec(text);
    if (match) {
      const line = text.slice(text.lastIndexOf('\n', match.index) + 1, text.indexOf('\n', match.index) < 0 ? undefined : text.indexOf('\n', match.index));
      problems.push({ kind: 'bad-figure', where: 'the report', value: line.trim().slice(0, 160) });
    }
  }
  return problems;
}
