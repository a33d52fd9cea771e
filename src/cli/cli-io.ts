/** What a CLI run may touch of the outside world, injected so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** 0 ok; 1 a check failed; 2 bad input or usage; 3 internal error (a bug). */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 3 } as const;
