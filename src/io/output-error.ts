/**
 * The report could not be written where it was going (standard output on a full disk, a closed
 * terminal): not bad input and not a bug in the arithmetic, but no result either, so the run
 * ends with one line and exit 3. A reader that stopped reading (`| head`) is not an error.
 */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}
