import { run } from '../../src/cli/main.js';
import { REPO } from './fixtures.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const TODAY = '2026-12-03';

/** Runs the CLI in-process from the repository root, with a clean environment, no terminal and a fixed date. */
export async function runCli(args: string[], options: { env?: Record<string, string>; isTTY?: boolean; stderrTTY?: boolean; cwd?: string; today?: string; stdin?: NodeJS.ReadableStream & { isTTY?: boolean } } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: {
      write: (text: string, written?: (error?: Error | null) => void) => {
        stdout += text;
        written?.();
        return true;
      },
      isTTY: options.isTTY ?? false,
    },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrTTY ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? REPO,
    today: options.today ?? TODAY,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });
  return { code, stdout, stderr };
}
