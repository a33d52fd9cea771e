/**
 * The values the fuzz suite puts where a scenario, catalog or `--set` expects something sane.
 * Each list covers one way input goes wrong in practice: the wrong type, numbers that overflow
 * a float or a decimal's exponent, numbers with suffixes, text that attacks a terminal or a CI
 * log, structure that exhausts a parser. Sizes are bounded so a case stays fast; what matters is
 * crossing the limits (a float's 1e308, decimal.js's exponent 9e15, a stack's depth), not
 * going far beyond them.
 */
import type { Random } from './random.js';

/** Text written into a YAML or JSON document as it is, unquoted: `1e400`, `.inf`, `[[[]]]`, `*alias`. */
export class Raw {
  constructor(readonly text: string) {}
}

export type Hostile = Raw | string;

/** A run of digits longer than any float or 64-bit integer: 99999…9. */
export const manyNines = (n: number) => '9'.repeat(n);
/** A tiny positive decimal: 0.000…01. */
export const tinyDecimal = (zeros: number) => `0.${'0'.repeat(zeros)}1`;
/** `[[[[…]]]]`: a parser that recurses per level runs out of stack. */
export const nestedLists = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** `{a: {a: {a: …}}}` */
export const nestedMaps = (depth: number) => `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;

/** Numbers past every limit: float overflow, decimal.js's exponent limit (9e15), NaN, hex. */
export function hostileNumberText(random: Random): string {
  return random.pick([
    '1e400',
    '-1e400',
    '1e9000000000000000',
    '1e-9000000000000000',
    '-1',
    '-0',
    '0',
    '-0.000001',
    '.nan',
    '.NaN',
    'NaN',
    '.inf',
    '-.inf',
    'Infinity',
    '-Infinity',
    '0x1F',
    '0o17',
    '0b101',
    '1e-400',
    '5e-324',
    '1.7976931348623157e308',
    '9007199254740993',
    '1_000',
    '+12',
    '.5',
    '5.',
    '1.5.2',
    '--1',
    '1e',
    'e5',
    manyNines(random.pick([20, 400, 5000])),
    `-${manyNines(400)}`,
    tinyDecimal(random.pick([20, 400, 5000])),
    `1e${manyNines(30)}`,
  ]);
}

/** Numbers with the suffixes quantities take (k, M, %, GiB, d), at and past the limits. */
export function hostileQuantityText(random: Random): string {
  const number = random.pick(['1e400', '1e9000000000000000', '-1', '-5', '0', '1e-400', '.5', manyNines(400), tinyDecimal(400), 'NaN', 'Infinity', '1e308', '2', '1.5']);
  const suffix = random.pick(['', 'k', 'M', 'B', 'T', '%', '%%', ' %', 'GiB', 'TB', 'B', 'd', 'h', 'w', 'x', 'kk', 'Mi', '\u00a0%']);
  return `${number}${suffix}`;
}

/**
 * A finite number with an exponent in the billions: decimal.js holds it (its limit is 9e15),
 * but printing it in full takes gigabytes. Kept rare: while it hangs the CLI, every case
 * that draws it costs the fuzzer its full time limit.
 */
export function exponentBomb(random: Random): string {
  return `1e+${random.pick(['9999999999', '999999999', '99999999'])}${random.pick(['', 'M', 'GB', '%', 'd'])}`;
}

/** Months and dates just outside what the format allows, and at its edges. */
export function hostileDateText(random: Random): string {
  return random.pick(['2027-13', '2027-00', '0000-01', '1899-12', '1900-01', '2999-12', '3000-01', '9999-12', '2027-1', '20270-01', '2027-01-01', '2027-02-30', '2026-02-29', '2024-02-29', '2027-1-1', '27-01', '2027/01', '2027-01 ', ' 2027-01', '2027-01T00:00:00Z', '1e4-01']);
}

/** Text that attacks what prints it: terminals (escapes, bell, CR), CI logs (workflow commands), spreadsheets, XML. */
export function hostileString(random: Random): string {
  return random.pick([
    '\x1b[31mred\x1b[0m',
    '\x1b]0;title\x07',
    'bell\x07',
    'over\rwritten',
    'line\n::warning::INJECTED',
    '::error::INJECTED',
    'nul\u0000byte',
    'tab\there',
    'vt\x0bff\x0c',
    'del\x7f',
    'csi\u009b31m',
    'line\u2028separator',
    '\u202eevil',
    'zero\u200bwidth',
    '\ud800',
    '😀 emoji',
    'e\u0301',
    '=HYPERLINK("http://x")',
    '+cmd',
    '-1+1',
    '@SUM(A1)',
    '<script>&amp;</script>',
    'a,b;c\td',
    '"quoted"',
    "it's",
    '%0A%25',
    '',
    ' ',
    '   padded   ',
    'x'.repeat(random.pick([1000, 100_000])),
    '\u00ff\u00fe',
    'name with spaces',
    'UPPER',
    'a/b\\c',
    '../../etc/passwd',
    '${HOME}',
    '$(id)',
    '\ufeffbom',
  ]);
}

/** Values of the wrong type, or structure a parser must survive, written as YAML text. */
export function hostileStructureText(random: Random): string {
  return random.pick([
    '[]',
    '{}',
    '[1, 2]',
    '{a: 1}',
    '[[]]',
    '[{}]',
    'true',
    'false',
    'yes',
    'off',
    'null',
    '~',
    '""',
    "''",
    '!!binary aGVsbG8=',
    '!!timestamp 2001-12-14',
    '!!float 1e400',
    '!!int 99999999999999999999999',
    '!!str',
    '!custom value',
    '!!js/function "function(){}"',
    '!!set {a, b}',
    '!!omap [a: 1, a: 2]',
    '2027-01-01',
    '12:30:00',
    '&anchor value',
    '*undefined_alias',
    nestedLists(random.pick([100, 2000, 20_000])),
    nestedMaps(random.pick([100, 2000, 20_000])),
    `[${Array.from({ length: 2000 }, (_, i) => i).join(', ')}]`,
  ]);
}

/** Any hostile value, for a scalar slot of a scenario or saved result. */
export function hostileValue(random: Random): Hostile {
  return random.weighted<() => Hostile>([
    [4, () => new Raw(hostileNumberText(random))],
    [4, () => new Raw(hostileQuantityText(random))],
    [2, () => new Raw(hostileDateText(random))],
    [4, () => hostileString(random)],
    [4, () => new Raw(hostileStructureText(random))],
    [0.3, () => new Raw(exponentBomb(random))],
  ])();
}

/** Keys a document should not have, or that attack the code reading it. */
export function hostileKey(random: Random): string {
  return random.pick(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'sesions_per_month', 'x-', 'x-ignored', '', ' ', 'name ', 'Name', 'a\x1b[31m', 'key\n::warning::INJECTED', 'k'.repeat(100_000), '0', '-1', '😀']);
}

/** A hostile catalog cell: what a spreadsheet export or a careless edit puts in a price table. */
export function hostileCell(random: Random): string {
  return random.weighted<() => string>([
    [4, () => hostileNumberText(random)],
    [2, () => hostileQuantityText(random)],
    [2, () => hostileDateText(random).replace(/^(\d{4}-\d{2})$/, '$1-01')],
    [3, () => hostileString(random)],
    [1, () => random.pick(['*', '**', 'azure ', ' aws', 'AWS', 'gb', 'GB', 'gib-second', 'vcpu-hour ', 'standard', 'batch', 'usd', 'USD ', 'EUR', 'XXX', 'https://', 'http://x y', 'ftp://x'])],
  ])();
}

/** An extreme but valid catalog price: no exponent (the format has none), many digits. */
export function extremePrice(random: Random): string {
  return random.pick(['0', '0.0', manyNines(random.pick([30, 400, 5000])), tinyDecimal(random.pick([30, 400, 5000])), `${manyNines(200)}.${manyNines(200)}`, '1000000000000']);
}
