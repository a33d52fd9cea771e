/** What a CLI run may touch of the outside world, injected so tests can run it in-process. */
export interface CliIo {
  /** Must call `written` once the text is written, with the error if it could not be (EPIPE, ENOSPC), as Node's streams do: the CLI waits for it. */
  stdout: { write(text: string, written?: (error?: Error | null) => void): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Today as YYYY-MM-DD, for age checks; tests fix it, the real CLI reads the clock. */
  today?: string;
  /** Where answers to questions come from (`init` on a terminal); none: nothing is asked. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

export function todayOf(io: CliIo): string {
  return io.today ?? new Date().toISOString().slice(0, 10);
}

/** 0 ok; 1 a check failed; 2 bad input or usage; 3 the output could not be written, or an internal error (a bug). */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 3 } as const;
