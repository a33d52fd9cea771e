/**
 * Text from input files shown back to people: in error messages, in terminal tables, in CI logs.
 * A name may hold anything a file can, and what a terminal or a CI runner does with it is not
 * ours to decide, so shown text is made inert:
 *
 *   control characters   ESC, BEL, CR, LF, NUL, DEL, C1 controls, line separators and bidi
 *                        overrides are shown as escapes (`\x1b`, `\n`, `\u202e`): a terminal
 *                        would act on them, and a line break in a name would start a new line
 *                        of the log that says what the attacker wants
 *   workflow commands    a line starting with `::` (or the older `##[`) is a command to GitHub
 *                        Actions, which reads stdout and stderr alike; such a line gets a `\`
 *   length               a value quoted in a message is cut to about 80 characters, so a
 *                        10 MB cell costs one line of stderr, not 10 MB
 */

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides and isolates
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOf(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character shown as an escape; one line, however many it had. */
export function visible(text: string): string {
  return text.replace(CONTROL, escapeOf);
}

/** Several lines (a usage message, a stack): each made visible, and none a workflow command. */
export function visibleLines(text: string): string {
  return withoutWorkflowCommands(text.split('\n').map(visible).join('\n'));
}

/** How long a quoted value may be in a message: enough to recognise it. */
export const QUOTE_LIMIT = 80;

/** At most `limit` characters of the text, saying how much was left out. */
export function clipped(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length} characters)`;
}

/** A value as a message quotes it: `"lots"`, cut to about 80 characters, control characters escaped. */
export function quoted(text: string, limit = QUOTE_LIMIT): string {
  const cut = text.length <= limit ? text : text.slice(0, limit);
  const rest = text.length <= limit ? '' : `… (${text.length} characters)`;
  return `"${visible(cut).replace(/"/g, '\\"')}"${rest}`;
}

/** A line GitHub Actions would run as a workflow command (`::warning::…`, `##[error]…`). */
const COMMAND_LINE = /^(\s*)(::|##\[)/gm;

/** Every line that would read as a workflow command, prefixed with `\` so the runner shows it instead. */
export function withoutWorkflowCommands(text: string): string {
  return text.replace(COMMAND_LINE, '$1\\$2');
}
