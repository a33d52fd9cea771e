/**
 * What every run must satisfy, whatever the input (the contract): exit 0, a located
 * exit 2 (or 1 where a command gates); never an internal error, a stack trace, a hang, a
 * message that is not located, control characters or GitHub workflow commands smuggled into
 * the output, or a figure that is not a finite, non-negative decimal.
 */
import path from 'node:path';
import { BUNDLED_CATALOG } from './corpus.js';
import { csvFigureProblems, jsonFigureProblems, textFigureProblems, type FigureProblem } from './figures.js';
import type { FuzzCase } from './fuzz-case.js';

export type FailureKind =
  | 'hang'
  | 'worker-crash'
  | 'internal-error'
  | 'stack-trace'
  | 'unexpected-exit'
  | 'unlocated-error'
  | 'huge-stderr'
  | 'stderr-control-chars'
  | 'stdout-control-chars'
  | 'workflow-command-injection'
  | 'bad-output'
  | 'bad-figure'
  | 'negative-figure'
  | 'negative-zero';

export interface Failure {
  kind: FailureKind;
  detail: string;
  /** The output line at fault, when there is one: what distinct failures are told apart by. */
  line?: string;
}

/** What a run produced. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The worker stopped capturing stderr: it was far over any sane size. */
  stderrCut?: boolean;
  /** The worker stopped capturing stdout past 16 MB. */
  stdoutCut?: boolean;
  /** The --out file's text, if the case wrote one and it exists. */
  outText?: string;
  ms: number;
}

export const MAX_STDERR_BYTES = 20_000;

/** C0 controls but tab and line feed, DEL, and C1 controls (U+009B is a CSI to some terminals). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** cloudtco's own annotations (check --format github) always carry properties: `::error file=…` or `::notice title=…`. */
const OWN_ANNOTATION = /^::(error|warning|notice) (file|title)=[^\n]*::/;
/** cloudtco's error annotation for bad input under `check --format github`, with the file property if it has one. */
const OWN_ERROR = /^::error(?: file=(?<file>[^,:]*)(?:,line=\d+)?(?:,col=\d+)?)?::/;
/** A workflow-command property as actions/toolkit escapes it. */
const unescapeProperty = (text: string) => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

/** Formats read by people in a terminal or a CI log, where controls and workflow commands act. */
const HUMAN_FORMATS = new Set(['table', 'markdown', 'github', 'text', 'html']);
/** Markup that would load or run something: an HTML report holds none, whatever names it shows. */
const ACTIVE_MARKUP = /<(script|iframe|object|embed|img|image|link|use|foreignObject)\b|<[^>]*\s(src|href|xlink:href|on[a-z]+)=/i;

const shown = (text: string, max = 160) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

/** A failure, with the line at fault cut to what tells it apart: a long run keeps thousands. */
function failure(kind: FailureKind, detail: string, line?: string): Failure {
  return { kind, detail, ...(line === undefined ? {} : { line: line.slice(0, 500) }) };
}

export function judge(c: FuzzCase, result: RunResult, cwd: string): Failure[] {
  const failures: Failure[] = [];
  const fail = (kind: FailureKind, detail: string, line?: string) => failures.push(failure(kind, detail, line));
  const { code, stderr } = result;

  if (code === 3 || /internal error/i.test(stderr)) fail('internal-error', firstLines(stderr, 2));
  if (/^\s+at /m.test(stderr)) fail('stack-trace', firstLines(stderr.slice(stderr.search(/^\s+at /m)), 1));
  if (code !== 3 && !c.exitCodes.includes(code)) fail('unexpected-exit', `exit ${code}, expected one of ${c.exitCodes.join(', ')}; stderr ${shown(stderr)}`);

  const stderrBytes = Buffer.byteLength(stderr);
  const stderrLines = stderr.split('\n');
  if (result.stderrCut === true) stderrLines.pop(); // the last line was cut short by the capture, not by the CLI
  if (stderrBytes > MAX_STDERR_BYTES) {
    const longest = stderrLines.reduce((a, b) => (b.length > a.length ? b : a), '');
    fail('huge-stderr', `${result.stderrCut === true ? 'over ' : ''}${stderrBytes} bytes in ${stderrLines.length} lines; the longest (${longest.length} characters): ${shown(longest, 120)}`, longest);
  }
  const control = CONTROL.exec(stderr);
  if (control) fail('stderr-control-chars', `U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${shown(lineAt(stderr, control.index))}`, lineAt(stderr, control.index));
  // `check --format github` reports bad input as its own error annotations: `::error::<located line>`,
  // or `::error file=…,line=…::<path: message>` where the properties carry the place
  const annotated = c.command === 'check' && c.format === 'github';
  const command = stderrLines.find((l) => /^\s*::/.test(l) && !(annotated && OWN_ERROR.test(l)));
  if (command !== undefined) fail('workflow-command-injection', `stderr line ${shown(command)}`, command);

  if (code === 2) {
    const allowed = locatedPrefixes(c, cwd);
    const lines = stderrLines.filter((l, i, all) => l !== '' || i < all.length - 1);
    if (lines.length === 0) fail('unlocated-error', 'exit 2 with nothing on stderr');
    const located = (line: string) => {
      const own = annotated ? OWN_ERROR.exec(line) : null;
      const file = own?.groups?.file;
      if (file !== undefined) return allowed.some((prefix) => startsWithName(`${unescapeProperty(file)}:`, prefix));
      // an annotation's message is the problem without its `error: ` (the annotation says it)
      const text = own === null ? line : line.slice(own[0].length);
      return allowed.some((prefix) => startsWithName(text, prefix) || (own !== null && startsWithName(`error: ${text}`, prefix)));
    };
    const unlocated = lines.find((line) => !located(line));
    if (unlocated !== undefined) fail('unlocated-error', shown(unlocated), unlocated);
  }

  if ((code === 0 || code === 1) && c.exitCodes.includes(code)) failures.push(...outputFailures(c, result));
  return failures;
}

/** The names a located line may start with: the inputs as shown, `--set …`, or an option the fuzzer gave a bad value. */
function locatedPrefixes(c: FuzzCase, cwd: string): string[] {
  const bundled = path.relative(cwd, BUNDLED_CATALOG).startsWith('..') ? BUNDLED_CATALOG : path.relative(cwd, BUNDLED_CATALOG);
  return [...c.shownNames.map((n) => (n === BUNDLED_CATALOG ? bundled : n)), '--set ', 'GITHUB_STEP_SUMMARY=', ...c.otherLocations];
}

/** `scen.yaml:3:5 …`, `scen.yaml: …`, `cat/models.csv:2 …` — the name, then a position, a path or a message. */
function startsWithName(line: string, prefix: string): boolean {
  if (/[ =:"]$/.test(prefix)) return line.startsWith(prefix);
  return line.startsWith(prefix) && /^[:/ ]/.test(line.slice(prefix.length));
}

function outputFailures(c: FuzzCase, result: RunResult): Failure[] {
  const failures: Failure[] = [];
  const fail = (kind: FailureKind, detail: string, line?: string) => failures.push(failure(kind, detail, line));
  const output = c.outFile === undefined ? result.stdout : result.outText;
  if (c.outFile !== undefined && result.stdout !== '') fail('bad-output', `--out ${c.outFile} also wrote ${result.stdout.length} characters to stdout`);
  if (output === undefined) return [...failures, { kind: 'bad-output', detail: `--out ${c.outFile} was not written` }];
  if (output.trim() === '') return [...failures, { kind: 'bad-output', detail: 'empty report' }];
  // a report past the worker's capture size (16 MB: a what-if's 100 000-character value on every
  // export row, say) is cut short here, not by the CLI: what was captured is all there is to judge
  const cut = c.outFile === undefined && result.stdoutCut === true;

  if (HUMAN_FORMATS.has(c.format)) {
    const control = CONTROL.exec(output);
    if (control) fail('stdout-control-chars', `U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${shown(lineAt(output, control.index))}`, lineAt(output, control.index));
    const injected = output.split('\n').find((line) => /^\s*::/.test(line) && !(c.format === 'github' && OWN_ANNOTATION.test(line)));
    if (injected !== undefined) fail('workflow-command-injection', `report line ${shown(injected)}`, injected);
  }
  if (c.format === 'html' && ACTIVE_MARKUP.test(output)) fail('bad-output', `HTML with active markup: ${shown(lineAt(output, output.search(ACTIVE_MARKUP)))}`);
  if (c.format === 'junit' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(output)) fail('bad-output', 'JUnit XML with characters XML 1.0 forbids');

  let problems: FigureProblem[];
  if (cut) {
    problems = textFigureProblems(output, inputText(c));
  } else if (c.format === 'json') {
    let report: unknown;
    try {
      report = JSON.parse(output);
    } catch (error) {
      return [...failures, { kind: 'bad-output', detail: `not JSON: ${(error as Error).message}` }];
    }
    problems = jsonFigureProblems(c.command, report, c.figuresFromFiles);
  } else {
    problems = c.format === 'csv' ? csvFigureProblems(c.command, output, c.figuresFromFiles) : textFigureProblems(output, inputText(c));
  }
  for (const p of problems) fail(p.kind, `${p.where} = ${p.value}`, `${p.where} = ${p.value}`);
  return failures;
}

/** Everything the case gave the CLI, as text: what a report may quote. */
function inputText(c: FuzzCase): string {
  return [...c.argv, ...c.files.map((f) => (f.content === 'directory' ? '' : f.content.toString('utf8')))].join('\n');
}

function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end);
}

function firstLines(text: string, n: number): string {
  return text.split('\n').slice(0, n).join(' ⏎ ').slice(0, 300);
}
