/**
 * When a model is sold on a cloud (availability.csv), per API kind: `stateless` (plain model
 * calls) or `stateful` (a runtime that keeps conversation state, like Bedrock's managed
 * agents). This is how "first on Azure" launches and API exclusivity enter a scenario:
 *
 *   cloud,model,api,available_from,available_until,source,as_of,note
 *   aws,gpt-5.5,stateless,2026-06-01,,https://…,2026-06-02,GA; preview from 2026-04-28
 *
 * Rows for a (cloud, model) are the whole truth about it: an API kind without a row is not
 * sold there. A (cloud, model) with no rows at all is limited only by its prices.
 */
import * as z from 'zod';
import { dateColumns, toSourced, type RowRef, type Sourced } from './catalog.js';
import { CLOUD_IDS, type Cloud } from './cloud.js';
import { id, isoDate, oneOf, optional } from './fields.js';
import type { IsoDate } from './period.js';

export const API_KINDS = ['stateless', 'stateful'] as const;
export type ApiKind = (typeof API_KINDS)[number];

export interface Availability extends Omit<Sourced, 'effectiveFrom' | 'effectiveTo'> {
  cloud: Cloud;
  model: string;
  api: ApiKind;
  from: IsoDate;
  /** First day it is no longer available; undefined while it still is. */
  until: IsoDate | undefined;
}

export const availabilityRowSchema = z
  .strictObject({
    cloud: oneOf(CLOUD_IDS),
    model: id('a model id such as gpt-5.5'),
    api: oneOf(API_KINDS),
    available_from: isoDate(),
    available_until: optional(isoDate()),
    ...dateColumns,
  })
  .superRefine((row, ctx) => {
    if (row.available_until !== undefined && row.available_until <= row.available_from) {
      ctx.addIssue({ code: 'custom', path: ['available_until'], message: `must be after available_from (${row.available_from}), got ${row.available_until}` });
    }
  });

export function toAvailability(row: z.output<typeof availabilityRowSchema>, ref: RowRef): Availability {
  const { source, asOf, checked, note } = toSourced(row, ref);
  return { cloud: row.cloud, model: row.model, api: row.api, from: row.available_from, until: row.available_until, source, asOf, checked, note, ref };
}
