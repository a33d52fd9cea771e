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
 *
 * A NAT gateway or private endpoint the option routes traffic through (`gateways`) also bills
 * every byte of that traffic sent or received in its region as data processed, within the region
 * too: a runtime calling its own region's model API through a NAT gateway pays no egress, but
 * pays the gateway for every byte both ways.
 */
import { CLOUDS, formatLocation, sameLocation, type Location } from '../model/cloud.js';
import type { Destination } from '../model/metered-price.js';
import type { Option, Traffic } from '../model/scenario.js';
import { ANY_REGION } from '../model/catalog.js';
import type { Decimal } from '../model/money.js';
import { meteredUsage, type MeteredUsage, type UsageBase } from './metered.js';

export interface Transfer {
  from: Location;
  to: Location;
  bytes: Decimal;
  /** "model requests", "state reads", … */
  what: string;
  /** Which of the option's traffic it is, for the gateways that carry it. */
  traffic: Traffic;
}

export function destinationOf(from: Location, to: Location, interconnect: Option['interconnect']): Destination | undefined {
  if (!CLOUDS[from.cloud].infrastructure || sameLocation(from, to)) return undefined;
  if (from.cloud === to.cloud) return 'inter-region';
  if (interconnect !== undefined && interconnect.clouds.includes(from.cloud) && interconnect.clouds.includes(to.cloud)) return 'interconnect';
  return 'internet';
}

/** What a transfer costs: its egress, if it leaves the sender's region, and the gateways it goes through. */
export function transferUsage(base: UsageBase, transfer: Transfer, option: Option, optionIndex: number): MeteredUsage[] {
  const usages: MeteredUsage[] = [];
  const egress = egressUsage(base, transfer, option.interconnect);
  if (egress !== undefined) usages.push(egress);
  option.gateways.forEach((gateway, g) => {
    if (!gateway.carries.includes(transfer.traffic)) return;
    if (!sameLocation(gateway, transfer.from) && !sameLocation(gateway, transfer.to)) return;
    usages.push(meteredUsage(base, {
      path: ['options', optionIndex, 'gateways', g],
      category: 'gateway',
      table: 'services',
      location: gateway,
      item: [gateway.service, 'processed'],
      dimension: 'bytes',
      quantity: transfer.bytes,
      meter: `${transfer.what} through ${gateway.service}, ${formatLocation(gateway)}`,
    }));
  });
  return usages;
}

/** The egress a transfer costs, or nothing when it stays put or the sender bills no bytes. */
export function egressUsage(base: UsageBase, transfer: Transfer, interconnect: Option['interconnect']): MeteredUsage | undefined {
  const destination = destinationOf(transfer.from, transfer.to, interconnect);
  if (destination === undefined) return undefined;
  return meteredUsage(base, {
    category: 'egress',
    table: 'egress',
    location: transfer.from,
    item: [destination, destination === 'inter-region' ? transfer.to.region : ANY_REGION],
    dimension: 'bytes',
    quantity: transfer.bytes,
    meter: `${transfer.what}, ${formatLocation(transfer.from)} to ${formatLocation(transfer.to)} (${destination})`,
  });
}
