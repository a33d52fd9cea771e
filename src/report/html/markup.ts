/**
 * HTML and SVG as text. Every piece of a report that came from a user's file (a scenario's name,
 * an option id, a party) goes through `esc`: control characters shown as escapes, as in every
 * other report, then the five characters markup gives meaning to replaced by entities, so a name
 * like `<script>` is shown, never run.
 */
import { visible } from '../../model/safe-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A coordinate: a tenth of a pixel is finer than any screen shows, and keeps the file small. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Text cut to `length` characters with an ellipsis in the middle, for labels that share a line
 * with a chart: option ids tend to differ at their ends (azure-global-ptu, azure-global-paygo).
 * The whole text is in the tooltip and the tables.
 */
export function clip(text: string, length: number): string {
  if (text.length <= length) return text;
  const head = Math.ceil((length - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (length - 1 - head))}`;
}
