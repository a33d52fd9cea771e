/**
 * Reads a saved `cloudtco compare --format json` result — a CI baseline, one side of a diff —
 * into each option's total and categories. Amounts are read from their text, exactly; a file
 * that is not such a result gets located errors like any other input.
 */
import * as z from 'zod';
import { InputError } from '../model/diagnostic.js';
import { currency, id } from '../model/fields.js';
import { dec, type Decimal } from '../model/money.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { readText } from './read-text.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { readYaml, type Where, type YamlDocument } from './yaml-document.js';

export interface SavedResult {
  file: string;
  name: string;
  currency: string;
  options: { id: string; total: Decimal; byCategory: Map<string, Decimal> }[];
}

const amount = z
  .string({ error: (issue) => `expected an amount as decimal text, like "1510998.41", got ${JSON.stringify(issue.input)}` })
  .regex(/^-?\d+(\.\d+)?$/, { error: (issue) => `expected an amount as decimal text, like "1510998.41", got ${JSON.stringify(issue.input)}` })
  .transform(dec);

const resultSchema = z.looseObject({
  schemaVersion: z.literal(String(SCHEMA_VERSION), {
    error: (issue) => `${issue.input === undefined ? 'required; ' : ''}expected ${SCHEMA_VERSION}, as in a result of \`cloudtco compare --format json\`${issue.input === undefined ? '' : `, got ${JSON.stringify(issue.input)}`}`,
  }),
  scenario: z.looseObject({ name: z.string() }),
  currency: currency(),
  options: z
    .array(z.looseObject({ id: id('an option id'), total: amount, byCategory: z.record(z.string(), amount, { error: 'expected a mapping of categories to amounts' }) }))
    .min(1)
    .superRefine((options, ctx) => {
      options.forEach((option, i) => {
        const first = options.findIndex((o) => o.id === option.id);
        if (first < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${option.id}" is already the id of options[${first}]; a result names each option once` });
      });
    }),
});

/** Loads a saved result; `read` if the caller has read the file already. */
export async function loadResult(file: string, shownAs: string, read?: YamlDocument): Promise<SavedResult> {
  const doc = read ?? readYaml(await readText(file, shownAs), shownAs);
  if (doc.errors.length > 0) throw new InputError(doc.errors);
  const result = resultSchema.safeParse(doc.data, { reportInput: true });
  if (!result.success) {
    const where: Where = (path, at) => ({ file: shownAs, ...doc.locate(path, at) });
    throw new InputError(schemaDiagnostics(result.error.issues, resultSchema, where));
  }
  const { scenario, options } = result.data;
  return {
    file: shownAs,
    name: scenario.name,
    currency: result.data.currency,
    options: options.map((o) => ({ id: o.id, total: o.total, byCategory: new Map(Object.entries(o.byCategory)) })),
  };
}
