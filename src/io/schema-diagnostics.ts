/**
 * Turns zod's issues into cloudtco's located diagnostics, one per problem, worded for the
 * person editing the file:
 *
 *   scenarios/x.yaml:9:5 workloads[0].sesions_per_month: unknown key (did you mean "sessions_per_month"?)
 *   scenarios/x.yaml:4:3 horizon.months: required; expected a quantity like 12
 */
import * as z from 'zod';
import { formatPath, type Diagnostic, type PathSegment } from '../model/diagnostic.js';
import { describe } from '../model/fields.js';
import { didYouMean } from '../model/did-you-mean.js';
import type { Where } from './yaml-document.js';

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, where: Where): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // a misspelt key also makes the key it was meant to be "required"; the did-you-mean says it all
  const meant = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const match = didYouMean(key, known);
        if (match !== undefined) meant.add(formatPath([...path, match]));
        diagnostics.push({ ...where(keyPath, 'key'), path: keyPath, message: unknownKey(match, known) });
      }
      continue;
    }
    diagnostics.push({ ...where(path), path, message: messageOf(issue) });
  }
  return diagnostics.filter((d) => !(d.message.startsWith('required;') && meant.has(formatPath(d.path ?? []))));
}

function unknownKey(match: string | undefined, known: string[]): string {
  if (match !== undefined) return `unknown key (did you mean "${match}"?)`;
  return known.length > 0 ? `unknown key; expected one of ${known.join(', ')}` : 'unknown key';
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return issue.input === undefined ? `required; expected ${expected}` : `expected ${expected}, got ${describe(issue.input)}`;
  }
  // zod's own words for a list of the wrong length ("Too big: expected array to have <=2 items")
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'array' && /^Too (big|small)/.test(issue.message)) {
    const bound = issue.code === 'too_big' ? `at most ${String(issue.maximum)}` : `at least ${String(issue.minimum)}`;
    const count = Array.isArray(issue.input) ? `, got ${issue.input.length}` : '';
    return `expected a list of ${bound} entries${count}`;
  }
  return issue.message;
}

/**
 * The keys a strict object accepts at `path`, found by walking the schema, so a typo can be
 * matched against them. zod's issue only says which keys were unknown.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
    current = current === undefined ? undefined : unwrap(current);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Looks through optional, default and pipe wrappers to the schema that holds keys. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    else return current;
  }
}
