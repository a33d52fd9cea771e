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

/** Each unit's size in its dimension's base unit, read once. */
const PER = new Map(UNIT_IDS.map((u) => [u, dec(UNITS[u].per)]));

/** 12 000 000 000 bytes in gb = 12; 5 400 vcpu-seconds in vcpu-hour = 1.5 */
export function inUnit(quantity: Decimal, unit: Unit): Decimal {
  return quantity.div(PER.get(unit)!).toDecimalPlaces(QUANTITY_DECIMALS);
}

/** Units measuring a dimension, for messages: "gb, gib". */
export function unitsOf(dimension: Dimension): string {
  return UNIT_IDS.filter((u) => UNITS[u].dimension === dimension).join(', ');
}
