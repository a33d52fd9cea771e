/**
 * Units of metered prices, and the quantity each one measures. The engine measures usage in
 * base dimensions (bytes, vCPU-seconds, …) and converts to whatever unit a catalog row prices:
 *
 *   bytes            gb (10^9 bytes), gib (2^30 bytes)
 *   byte-months      gb-month, gib-month                     stored data, averaged over a month
 *   byte-seconds     gb-second, gib-second, gb-hour, gib-hour  memory held, cache capacity
 *   vcpu-seconds     vcpu-second, vcpu-hour
 *   instance-seconds node-hour, port-hour, session-hour,       cache nodes, ports, runtime sessions,
 *                    gateway-hour, endpoint-hour, vm-hour     NAT gateways, private endpoints, VMs behind a NAT
 *   requests         thousand-requests, million-requests      state reads and writes
 *
 * Converted quantities are rounded to 9 decimal places (half to even), a billing step like
 * rounding tokens: it keeps every cost an exact product, where 1 vCPU-second in hours
 * (1/3600) would never end.
 */
import { dec, type Decimal } from './money.js';

export const DIMENSIONS = ['bytes', 'byte-months', 'byte-seconds', 'vcpu-seconds', 'instance-seconds', 'requests'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const GB = '1000000000';
const GIB = '1073741824';

export const UNITS = {
  gb: { dimension: 'bytes', per: GB },
  gib: { dimension: 'bytes', per: GIB },
  'gb-month': { dimension: 'byte-months', per: GB },
  'gib-month': { dimension: 'byte-months', per: GIB },
  'gb-second': { dimension: 'byte-seconds', per: GB },
  'gib-second': { dimension: 'byte-seconds', per: GIB },
  'gb-hour': { dimension: 'byte-seconds', per: '3600000000000' },
  'gib-hour': { dimension: 'byte-seconds', per: '3865470566400' },
  'vcpu-second': { dimension: 'vcpu-seconds', per: '1' },
  'vcpu-hour': { dimension: 'vcpu-seconds', per: '3600' },
  'node-hour': { dimension: 'instance-seconds', per: '3600' },
  'port-hour': { dimension: 'instance-seconds', per: '3600' },
  'session-hour': { dimension: 'instance-seconds', per: '3600' },
  'gateway-hour': { dimension: 'instance-seconds', per: '3600' },
  'endpoint-hour': { dimension: 'instance-seconds', per: '3600' },
  'vm-hour': { dimension: 'instance-seconds', per: '3600' },
  'thousand-requests': { dimension: 'requests', per: '1000' },
  'million-requests': { dimension: 'requests', per: '1000000' },
} as const satisfies Record<string, { dimension: Dimension; per: string }>;

export type Unit = keyof typeof UNITS;
export const UNIT_IDS = Object.keys(UNITS) as [Unit, ...Unit[]];

export const QUANTITY_DECIMALS = 9;

/**
 * Each unit's size in its dimension's base unit, read once; and where 1 ÷ size is a finite
 * decimal (sizes of 2^a × 5^b: 10^9, 2^30, 1 000), that inverse, since multiplying by it gives
 * the exact quotient at a third of a division's cost.
 */
const PER = new Map(UNIT_IDS.map((u) => [u, dec(UNITS[u].per)]));
const INVERSE = new Map(UNIT_IDS.flatMap((u) => (finiteInverse(UNITS[u].per) ? [[u, dec('1').div(dec(UNITS[u].per))] as const] : [])));

function finiteInverse(per: string): boolean {
  let n = BigInt(per);
  for (const p of [2n, 5n]) while (n % p === 0n) n /= p;
  return n === 1n;
}

/** 12 000 000 000 bytes in gb = 12; 5 400 vcpu-seconds in vcpu-hour = 1.5 */
export function inUnit(quantity: Decimal, unit: Unit): Decimal {
  const inverse = INVERSE.get(unit);
  return (inverse === undefined ? quantity.div(PER.get(unit)!) : quantity.times(inverse)).toDecimalPlaces(QUANTITY_DECIMALS);
}

/** Units measuring a dimension, for messages: "gb, gib". */
export function unitsOf(dimension: Dimension): string {
  return UNIT_IDS.filter((u) => UNITS[u].dimension === dimension).join(', ');
}
