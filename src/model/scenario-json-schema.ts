/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema that
 * validates scenarios, so the two cannot drift. Editors use it to complete and check scenario
 * files as you type (`# yaml-language-server: $schema=…`); cloudtco's own checks stay the
 * authority, since some rules (a quantity's range, ids that must exist) are not expressible here.
 *
 * A scenario is read as text — numbers keep their digits — so where a field reads a number
 * (`months: 12`, `sessions_per_month: 2M`) the schema accepts a number or a string.
 */
import * as z from 'zod';
import { scenarioSchema } from './scenario.js';

/** A name, not an address: the schema is shipped in the package (schema/) and printed by `cloudtco schema`. */
export const SCENARIO_SCHEMA_ID = 'urn:cloudtco:scenario:1';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const hinted = jsonSchema as Record<string, unknown>;
      // a pattern only ever applies to strings, so it stays for text that reads as one
      if (hinted.numeric === true) hinted.type = ['number', 'string'];
      delete hinted.numeric;
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'cloudtco scenario',
    description: 'An AI workload and the placement options to price it on. See README.md, "File formats".',
    ...schema,
    // top-level keys starting with x- are the file's own, e.g. YAML anchors shared by workloads
    patternProperties: { '^x-': {} },
  };
}
