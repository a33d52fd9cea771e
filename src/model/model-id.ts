/**
 * The catalog's id for a model as a usage log names it. Logs name the exact snapshot a request
 * reached, often behind a router's provider prefix; the catalog prices the model:
 *
 *   gpt-5.5-2026-04-23        → gpt-5.5            (OpenAI's dated snapshots)
 *   claude-sonnet-4-5-20250929 → claude-sonnet-4-5 (Anthropic's)
 *   claude-opus-4-7@20260115  → claude-opus-4-7    (Vertex AI's)
 *   azure/gpt-5.5, openai/gpt-5.4 → gpt-5.5, gpt-5.4 (LiteLLM's provider prefixes)
 *
 * A mapping the user gives (`--model-map logged=catalog`) wins; then the name as logged, if the
 * catalog knows it; then the name without prefix and date. A name none of these find is kept as
 * logged, so its missing price names it.
 */
const DATE_SUFFIX = /(?:-\d{4}-\d{2}-\d{2}|-\d{8}|@\d{8})$/;

export function catalogModelOf(logged: string, known: ReadonlySet<string>, maps: ReadonlyMap<string, string>): string {
  const mapped = maps.get(logged);
  if (mapped !== undefined) return mapped;
  if (known.has(logged)) return logged;
  const unprefixed = logged.slice(logged.lastIndexOf('/') + 1);
  for (const candidate of [unprefixed, unprefixed.replace(DATE_SUFFIX, '')]) if (known.has(candidate)) return candidate;
  return logged;
}
