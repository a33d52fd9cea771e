/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as actions/toolkit
 * escapes them: `%`, CR and LF in the message; also `:` and `,` in property values. Other control
 * characters are shown as escapes (model/safe-text.ts), so a name cannot start a command of its own.
 */
import { visible } from '../model/safe-text.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  file?: string | undefined;
  line?: number | undefined;
  col?: number | undefined;
  title?: string | undefined;
  message: string;
}

export function escapeData(text: string): string {
  return visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One annotation as the line that makes it. */
export function workflowCommand(a: Annotation): string {
  const properties = [
    ...(a.file === undefined ? [] : [`file=${escapeProperty(a.file)}`]),
    ...(a.line === undefined ? [] : [`line=${a.line}`]),
    ...(a.col === undefined ? [] : [`col=${a.col}`]),
    ...(a.title === undefined ? [] : [`title=${escapeProperty(a.title)}`]),
  ].join(',');
  return `::${a.level}${properties === '' ? '' : ` ${properties}`}::${escapeData(a.message)}`;
}
