/**
 * Quantities as people write them in scenarios, parsed exactly into Decimals:
 *
 *   count    "2M" = 2 000 000, "3.5k" = 3 500, "1.2B" = 1 200 000 000, "6" = 6
 *   bytes    "48KiB" = 49 152, "1.5GB" = 1 500 000 000, "512" = 512 (bytes)
 *   percent  "4%" = 0.04, "-1.5%" = -0.015; the % sign is required, so "4" is never
 *            silently read as 400 %
 *   duration "30d" = 30 days, "2w" = 14, "12h" = 0.5 (in days)
 *
 * Each parser returns undefined for text it does not accept; the schema turns that into a
 * located message.
 */
import { LIMITS } from './limits.js';
import { Decimal, dec } from './money.js';

/*
 * The numbers cloudtco reads, from any file or `--set` (model/limits.ts). Beyond them a number is
 * a typo or an attack, never a cost: 10^18 is an exabyte in bytes or a billion billion tokens,
 * and no price list prints 30 significant digits. Within them every product the engine forms
 * stays finite, and no number takes more than a line to print (decimal.js would happily hold
 * 1e9000000000000000, and spend minutes writing it out).
 */
const LARGEST = new Decimal(LIMITS.largestNumber);
const SMALLEST = new Decimal(LIMITS.smallestNumber);

/** Why a parsed number is outside the limits, or undefined if it is within them. */
export function outOfRange(value: Decimal): string | undefined {
  const { largestNumber: largest, smallestNumber: smallest, significantDigits } = LIMITS;
  if (value.isNaN()) return 'is not a number';
  if (!value.isFinite() || value.abs().gt(LARGEST)) return `is too large: numbers may be at most ${largest} in size`;
  if (!value.isZero() && value.abs().lt(SMALLEST)) return `is too small: numbers other than 0 must be at least ${smallest} in size`;
  if (value.sd() > significantDigits) return `has more than ${significantDigits} significant digits`;
  return undefined;
}

const NUMBER = '[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][+-]?\\d+)?';

const COUNT_SUFFIXES: Record<string, string> = {
  '': '1',
  k: '1e3',
  K: '1e3',
  M: '1e6',
  B: '1e9',
  T: '1e12',
};

const BYTE_UNITS: Record<string, string> = {
  '': '1',
  B: '1',
  kB: '1e3',
  KB: '1e3',
  MB: '1e6',
  GB: '1e9',
  TB: '1e12',
  KiB: '1024',
  MiB: '1048576',
  GiB: '1073741824',
  TiB: '1099511627776',
};

const COUNT = new RegExp(`^(${NUMBER})\\s*([kKMBT]?)$`);
const BYTES = new RegExp(`^(${NUMBER})\\s*([kKMGT]i?B|B)?$`);
const PERCENT = new RegExp(`^(${NUMBER})\\s*%$`);
const DURATION = new RegExp(`^(${NUMBER})\\s*([hdw])$`);
const DAYS_PER: Record<string, string> = { d: '1', w: '7' };

export function parseCount(text: string): Decimal | undefined {
  const m = COUNT.exec(text.trim());
  if (!m) return undefined;
  return dec(m[1]!).times(COUNT_SUFFIXES[m[2]!]!);
}

export function parseBytes(text: string): Decimal | undefined {
  const m = BYTES.exec(text.trim());
  if (!m) return undefined;
  const factor = BYTE_UNITS[m[2] ?? ''];
  return factor === undefined ? undefined : dec(m[1]!).times(factor);
}

export function parsePercent(text: string): Decimal | undefined {
  const m = PERCENT.exec(text.trim());
  if (!m) return undefined;
  return dec(m[1]!).div(100);
}

/** Days, from hours, days or weeks: "12h" = 0.5. */
export function parseDuration(text: string): Decimal | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return m[2] === 'h' ? dec(m[1]!).div(24) : dec(m[1]!).times(DAYS_PER[m[2]!]!);
}

/** A catalog price: plain non-negative decimal text such as "2.50" or "0.075". */
export function parsePrice(text: string): Decimal | undefined {
  return /^\d+(?:\.\d+)?$/.test(text) ? dec(text) : undefined;
}

/**
 * A price as a price feed writes it (JSON text such as 5.0, 0.00123 or 1e-05), or undefined when
 * it is not one or a catalog could not hold it.
 */
export function feedPrice(value: unknown): Decimal | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return undefined;
  const price = dec(text);
  return outOfRange(price) === undefined ? price : undefined;
}
