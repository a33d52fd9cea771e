/** One generated case: a command line, the files it reads, and what the oracle may expect of it. */

export interface CaseFile {
  /** Relative to the case's working directory. */
  path: string;
  /** The bytes, or 'directory' for a directory where a file is expected. */
  content: Buffer | 'directory';
}

export type Command = 'compare' | 'check' | 'export' | 'flows' | 'diff' | 'validate' | 'catalog validate' | 'catalog show' | 'simulate' | 'sensitivity' | 'sweep' | 'optimize';

export interface FuzzCase {
  seed: number;
  index: number;
  command: Command;
  /** The output format asked for (the command's default when not given). */
  format: string;
  argv: string[];
  env: Record<string, string>;
  files: CaseFile[];
  /**
   * How the CLI shows the inputs, relative to the case's directory: a located error line starts
   * with one of these (or `--set …`). The bundled catalog, outside the case directory, is added
   * by the oracle.
   */
  shownNames: string[];
  /**
   * Other ways a message may be located: at an option given a made-up value
   * (`error: --max-increase: …`), or at the command's own argument (`catalog show <model>`).
   */
  otherLocations: string[];
  exitCodes: number[];
  /** Where the report goes with `--out`, else stdout. */
  outFile?: string;
  /** Figures that come straight from a saved result (diff, check --baseline), whose sign is the file's. */
  figuresFromFiles: boolean;
  /** What was mutated, in words. */
  notes: string[];
}
