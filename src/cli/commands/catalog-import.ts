/**
 * `cloudtco catalog import litellm <file> --out <file.csv>`: LiteLLM's price map as a
 * models.csv to review and add to a catalog. Entries that do not map are counted and listed
 * with their reason on stderr (all of them with --unmapped FILE), never dropped silently.
 */
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { displayPath, readText } from '../../io/read-text.js';
import { readYaml } from '../../io/yaml-document.js';
import { InputError } from '../../model/diagnostic.js';
import { LIMITS } from '../../model/limits.js';
import { groupBy } from '../../model/group-by.js';
import { fromLiteLlm, type LiteLlmEntry, type Unmapped } from '../../model/litellm.js';
import { isIsoDate } from '../../model/period.js';
import { renderModelsCsv } from '../../report/models-csv.js';
import { EXIT, todayOf, type CliIo } from '../cli-io.js';

export const LITELLM_SOURCE = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

export interface ImportOptions {
  out: string;
  asOf?: string;
  unmapped?: string;
}

export async function catalogImport(kind: string, file: string, options: ImportOptions, io: CliIo): Promise<number> {
  if (kind !== 'litellm') throw new InputError([{ message: `cannot import "${kind}": the formats are litellm` }]);
  const asOf = options.asOf ?? todayOf(io);
  if (!isIsoDate(asOf)) throw new InputError([{ message: `--as-of: expected a date like 2026-07-24, got "${asOf}"` }]);
  const shown = displayPath(file, io.cwd);
  // read as YAML, a superset of JSON, to keep every number's text: 3e-06 must not become a float
  const doc = readYaml(await readText(path.resolve(io.cwd, file), shown, LIMITS.priceMapBytes), shown);
  if (doc.errors.length > 0) throw new InputError(doc.errors);
  if (typeof doc.data !== 'object' || doc.data === null || Array.isArray(doc.data)) {
    throw new InputError([{ file: shown, line: 1, col: 1, message: 'expected a JSON object of model entries, as in model_prices_and_context_window.json' }]);
  }
  const entries = Object.entries(doc.data as Record<string, unknown>).filter((e): e is [string, LiteLlmEntry] => typeof e[1] === 'object' && e[1] !== null);
  const { prices, unmapped, entries: total, mapped } = fromLiteLlm(Object.fromEntries(entries));
  if (mapped === 0) {
    throw new InputError([{ file: shown, message: `none of its ${total} entries is a LiteLLM token price (${unmapped[0]?.reason ?? 'no entries'}); expected model_prices_and_context_window.json` }]);
  }

  const inputs = [path.resolve(io.cwd, file)];
  await writeFileAtomic(path.resolve(io.cwd, options.out), renderModelsCsv({ prices, currency: 'USD', source: LITELLM_SOURCE, asOf }), displayPath(options.out, io.cwd), inputs);
  if (options.unmapped !== undefined) {
    const table = stringify([['key', 'reason'], ...unmapped.map((u) => [u.key, u.reason])], { record_delimiter: 'unix' });
    await writeFileAtomic(path.resolve(io.cwd, options.unmapped), table, displayPath(options.unmapped, io.cwd), [...inputs, path.resolve(io.cwd, options.out)]);
  }
  io.stderr.write(`Imported ${prices.length} prices from ${mapped} of ${total} entries into ${displayPath(options.out, io.cwd)}.\n${describeUnmapped(unmapped, options.unmapped)}`);
  return EXIT.ok;
}

/** Unmapped entries grouped by reason, the first keys of each, and where the whole list went. */
function describeUnmapped(unmapped: readonly Unmapped[], file: string | undefined): string {
  if (unmapped.length === 0) return '';
  const groups = new Map([...groupBy(unmapped, (u) => u.reason)].map(([reason, entries]) => [reason, entries.map((u) => u.key)]));
  const shown = 10;
  const lines = [...groups].map(([reason, keys]) => `  ${keys.length} × ${reason}: ${keys.slice(0, shown).join(', ')}${keys.length > shown ? `, … ${keys.length - shown} more` : ''}`);
  const all = file === undefined ? ' (all of them with --unmapped FILE)' : ` (all of them in ${file})`;
  return `${unmapped.length} entries not mapped${all}:\n${lines.join('\n')}\n`;
}
