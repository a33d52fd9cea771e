/**
 * The one owner of colour. Whether to colour is decided once, from the command line and the
 * environment, in this order: --no-color; NO_COLOR set and non-empty (https://no-color.org);
 * FORCE_COLOR ("0" or "false" turns it off, anything else on); otherwise only on a terminal.
 * chalk on its own ignores NO_COLOR, hence the explicit check.
 */
import { Chalk } from 'chalk';

export interface ColorSettings {
  flag: boolean;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

export function colorEnabled({ flag, env, isTTY }: ColorSettings): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  worse(text: string): string;
  bad(text: string): string;
}

export function createStyle(color: boolean): Style {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    good: (t) => chalk.green(t),
    worse: (t) => chalk.yellow(t),
    bad: (t) => chalk.red(t),
  };
}

/** cli-table3 lines for a table whose rows have no rules between them: one line per row, as a bill reads. */
export const ROWS_WITHOUT_RULES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
