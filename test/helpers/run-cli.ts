import { run } from '../../src/cli/main.js';
import { REPO } from './fixtures.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process from the repository root, with a clean environment and no terminal. */
export async function runCli(args: string[], options: { env?: Record<string, string>; isTTY?: boolean; cwd?: string } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd ?? REPO,
  });
  return { code, stdout, stderr };
}
