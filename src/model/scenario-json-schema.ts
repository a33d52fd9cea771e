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

const VALUE = { type: ['number', 'string'] };
const SPREAD = { type: 'object', properties: { mean: VALUE, sd: VALUE }, required: ['mean', 'sd'], additionalProperties: false };

/** A distribution in place of a value (model/distribution.ts): one kind, and optionally a driver. */
const DISTRIBUTION = {
  type: 'object',
  description: 'a distribution: triangular [min, mode, max], pert [min, mode, max], uniform [min, max], normal { mean, sd } or lognormal { mean, sd }; inputs with the same driver move together',
  properties: {
    triangular: { type: 'array', items: VALUE, minItems: 3, maxItems: 3 },
    pert: { type: 'array', items: VALUE, minItems: 3, maxItems: 3 },
    uniform: { type: 'array', items: VALUE, minItems: 2, maxItems: 2 },
    normal: SPREAD,
    lognormal: SPREAD,
    driver: { type: 'string' },
  },
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 2,
};

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const hinted = jsonSchema as Record<string, unknown>;
      // a pattern only ever applies to strings, so it stays for text that reads as one
      if (hinted.numeric === true) hinted.type = ['number', 'string'];
      delete hinted.numeric;
      if (hinted.uncertain === true) {
        delete hinted.uncertain;
        const value = { ...hinted };
        for (const key of Object.keys(hinted)) delete hinted[key];
        Object.assign(hinted, { anyOf: [value, DISTRIBUTION] });
      }
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
