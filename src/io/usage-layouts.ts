/**
 * Where a usage log keeps each figure of a request: a column of a CSV file, or a dotted path
 * into each line of a JSONL file. The presets are the layouts of logs people have; `--map
 * field=column` describes any other, or changes a preset's column.
 *
 * Fields (docs/cost-model.md "Replay"):
 *   time            when the request was made (ISO 8601, "YYYY-MM-DD hh:mm:ss" as UTC, Unix s or ms)
 *   model           the model's id as the log writes it
 *   input           uncached input tokens            } give one of the two; from input_total the
 *   input_total     all input tokens, cached too     } uncached part is input_total − cached − writes
 *   cached          input tokens read from the prompt cache
 *   cache_write     input tokens written to the prompt cache (all of them)
 *   cache_write_1h  the part of cache_write kept for an hour
 *   output          output tokens
 *   requests        requests the row stands for (1 when absent; "3.0" reads as 3)
 *   batch           true (or 1, yes) for a request sent through a Batch API: priced at batch prices
 *   request_bytes, response_bytes   bytes on the wire
 *   id              the request's id, to drop the same request logged twice (one or more columns joined)
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { suggestion } from '../model/did-you-mean.js';
import { PRESET_NAMES, type PresetName } from './usage-choices.js';

export const USAGE_FIELDS = ['time', 'model', 'input', 'input_total', 'cached', 'cache_write', 'cache_write_1h', 'output', 'requests', 'batch', 'request_bytes', 'response_bytes', 'id'] as const;
export type UsageField = (typeof USAGE_FIELDS)[number];

export type UsageFormat = 'csv' | 'jsonl';

export interface UsageLayout {
  name: string;
  /** undefined: from the file's extension. */
  format: UsageFormat | undefined;
  /** Columns (CSV) or dotted paths (JSONL); `id` may name several, joined with "+". */
  fields: Partial<Record<UsageField, string>>;
  /**
   * JSONL: a line is a request only when this path holds a value (Claude Code logs user
   * messages, summaries and tool results between the model's answers); others are passed over
   * and counted, not errors.
   */
  requestWhen: string | undefined;
  /** JSONL: a line is a request only when its top-level `type` is this (Claude Code's "assistant"). */
  requestType?: string;
  /** Models a log names for entries that are not requests to a model (Claude Code's "<synthetic>" notices): passed over. */
  notModels: readonly string[];
  /** Fields given by `--map`: the user named them, so a log without them is wrong, not old. */
  mapped: readonly UsageField[];
}

/**
 * The aggregated usage `replay sql` writes (and fleets write with their own queries): one row per
 * day (or month), model, tier and prompt band. Read as a layout of its own, not mapped.
 */
export const AGGREGATED = 'aggregated';
export const AGGREGATED_COLUMNS = ['period', 'model', 'tier', 'prompt_over', 'requests', 'input_tokens', 'cached_input_tokens', 'cache_write_tokens', 'cache_write_1h_tokens', 'output_tokens'] as const;

export const USAGE_PRESETS: Record<PresetName, UsageLayout> = {
  // Azure Public Dataset, "Azure LLM inference trace 2023": TIMESTAMP,ContextTokens,GeneratedTokens
  'azure-trace': {
    name: 'azure-trace',
    format: 'csv',
    fields: { time: 'TIMESTAMP', input_total: 'ContextTokens', output: 'GeneratedTokens' },
    requestWhen: undefined,
    notModels: [],
    mapped: [],
  },
  // Claude Code's session logs (~/.claude/projects/**/*.jsonl): the model's answers carry
  // message.usage; input_tokens leaves out cache reads and writes. A message streamed in parts
  // is logged once per part with the same message id and request id: counted once (the first),
  // as ccusage does. "<synthetic>" marks notices Claude Code writes itself, with no usage.
  'claude-code': {
    name: 'claude-code',
    format: 'jsonl',
    fields: {
      time: 'timestamp',
      model: 'message.model',
      input: 'message.usage.input_tokens',
      cached: 'message.usage.cache_read_input_tokens',
      cache_write: 'message.usage.cache_creation_input_tokens',
      cache_write_1h: 'message.usage.cache_creation.ephemeral_1h_input_tokens',
      output: 'message.usage.output_tokens',
      id: 'message.id+requestId',
    },
    requestWhen: 'message.usage',
    requestType: 'assistant',
    notModels: ['<synthetic>'],
    mapped: [],
  },
  // OpenAI's usage export (the dashboard's completions CSV, one row per time bucket and grouping):
  // input_tokens includes input_cached_tokens; start_time is Unix seconds; batch is true/false.
  'openai-usage': {
    name: 'openai-usage',
    format: 'csv',
    fields: { time: 'start_time', model: 'model', input_total: 'input_tokens', cached: 'input_cached_tokens', output: 'output_tokens', requests: 'num_model_requests', batch: 'batch' },
    requestWhen: undefined,
    notModels: [],
    mapped: [],
  },
  // LiteLLM proxy spend logs (the LiteLLM_SpendLogs table, exported as CSV): prompt_tokens
  // includes cached tokens; the cache split lives in the metadata column's JSON, which this
  // preset does not read (map cached= to a column holding it). request_id is the table's key.
  'litellm-spend': {
    name: 'litellm-spend',
    format: 'csv',
    fields: { time: 'startTime', model: 'model', input_total: 'prompt_tokens', output: 'completion_tokens', id: 'request_id' },
    requestWhen: undefined,
    notModels: [],
    mapped: [],
  },
  aggregated: { name: AGGREGATED, format: 'csv', fields: {}, requestWhen: undefined, notModels: [], mapped: [] },
};





/**
 * The layout to read with: a preset or none, then each `--map field=column` over it. Without a
 * preset the format comes from the file's extension and every field must be mapped.
 */
export function layoutOf(preset: string | undefined, maps: readonly string[]): { layout: UsageLayout; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  let base: UsageLayout = { name: 'mapped', format: undefined, fields: {}, requestWhen: undefined, notModels: [], mapped: [] };
  if (preset !== undefined) {
    const found = (PRESET_NAMES as readonly string[]).includes(preset) ? USAGE_PRESETS[preset as PresetName] : undefined;
    if (found === undefined) problems.push({ message: `--preset: no preset "${preset}"${suggestion(preset, PRESET_NAMES)}; expected one of ${PRESET_NAMES.join(', ')}` });
    else base = found;
  }
  const fields = { ...base.fields };
  const mapped: UsageField[] = [];
  for (const map of maps) {
    const match = /^([a-z_0-9]+)=(.+)$/.exec(map.trim());
    if (match === null) {
      problems.push({ message: `--map: expected field=column, like input=prompt_tokens, got "${map}"` });
      continue;
    }
    const [, field, column] = match as unknown as [string, string, string];
    if (!(USAGE_FIELDS as readonly string[]).includes(field)) {
      problems.push({ message: `--map: no field "${field}"${suggestion(field, USAGE_FIELDS)}; the fields are ${USAGE_FIELDS.join(', ')}` });
      continue;
    }
    fields[field as UsageField] = column.trim();
    mapped.push(field as UsageField);
    // a mapped input replaces the preset's other way of giving it
    if (field === 'input') delete fields.input_total;
    if (field === 'input_total') delete fields.input;
  }
  const layout = { ...base, fields, mapped };
  if (layout.name === AGGREGATED && maps.length > 0) problems.push({ message: `--map: the aggregated layout's columns are fixed (${AGGREGATED_COLUMNS.join(', ')}); write them with those names` });
  else if (problems.length === 0 && layout.name !== AGGREGATED) problems.push(...missingFields(layout));
  return { layout, problems };
}

function missingFields(layout: UsageLayout): Diagnostic[] {
  const missing: string[] = [];
  if (layout.fields.time === undefined) missing.push('time');
  if (layout.fields.input === undefined && layout.fields.input_total === undefined) missing.push('input (or input_total)');
  if (layout.fields.output === undefined) missing.push('output');
  if (missing.length === 0) return [];
  const how = layout.name === 'mapped' ? `choose a --preset (${PRESET_NAMES.join(', ')}) or map them` : `map them`;
  return [{ message: `the usage layout has no ${missing.join(', ')}; ${how} with --map field=column` }];
}
