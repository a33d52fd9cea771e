/**
 * Data crossing between places. Every byte that leaves a cloud's region is billed by that
 * cloud as data transfer out, at the kind of destination:
 *
 *   same cloud, same region      nothing
 *   same cloud, other region     inter-region (to_region can narrow the price)
 *   clouds joined by the option's interconnect   interconnect
 *   anywhere else                internet
 *
 * Model vendors sold direct (OpenAI, Anthropic) bill tokens only, never bytes, so traffic they
 * send is free; what reaches them is billed by the sending cloud as internet egress.
 */
import { CLOUDS, formatLocation, sameLocation, type Location } from '../model/cloud.js';
import type { Destination } from '../model/metered-price.js';
import type { Option } from '../model/scenario.js';
import { ANY_REGION } from '../model/catalog.js';
import type { Decimal } from '../model/money.js';
import type { MeteredUsage } from './metered.js';

export interface Transfer {
  from: Location;
  to: Location;
  bytes: Decimal;
  /** "model requests", "state reads", … */
  what: string;
}

export function destinationOf(from: Location, to: Location, interconnect: Option['interconnect']): Destination | undefined {
  if (!CLOUDS[from.cloud].infrastructure || sameLocation(from, to)) return undefined;
  if (from.cloud === to.cloud) return 'inter-region';
  if (interconnect !== undefined && interconnect.clouds.includes(from.cloud) && interconnect.clouds.includes(to.cloud)) return 'interconnect';
  return 'internet';
}

/** The egress a transfer costs, or nothing when it stays put or the sender bills no bytes. */
export function egressUsage(base: Pick<MeteredUsage, 'option' | 'workload' | 'period' | 'path'>, transfer: Transfer, interconnect: Option['interconnect']): MeteredUsage | undefined {
  const destination = destinationOf(transfer.from, transfer.to, interconnect);
  if (destination === undefined) return undefined;
  return {
    ...base,
    category: 'egress',
    table: 'egress',
    location: transfer.from,
    item: [destination, destination === 'inter-region' ? transfer.to.region : ANY_REGION],
    dimension: 'bytes',
    quantity: transfer.bytes,
    meter: `${transfer.what}, ${formatLocation(transfer.from)} to ${formatLocation(transfer.to)} (${destination})`,
  };
}
