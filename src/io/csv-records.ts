/**
 * CSV records from lines of bytes, as RFC 4180 reads them, fast where usage logs are plain: a
 * line without a quote is its cells split at the commas, which is what any CSV reader makes of
 * it; a line with a quote is read by csv-parse, together with the lines after it while a quoted
 * cell is still open (a cell holding a line break). Quotes inside an unquoted cell are kept
 * (csv-parse's relax_quotes, as spreadsheets read them); a record csv-parse refuses is a bad
 * record, reported at its first line. Empty lines are skipped; a byte-order mark is dropped.
 */
import { parse } from 'csv-parse/sync';

const QUOTE = 34;
const COMMA = 44;
/** A quoted cell open across more lines than this is a broken file, not a cell. */
const MAX_OPEN_LINES = 1000;
/** No usage log has more columns; a line of a million commas is not split into a million cells. */
export const MAX_CELLS = 10_000;

export interface CsvLines {
  /** One line's bytes, [start, end), its line break left out. */
  line(buf: Buffer, start: number, end: number): void;
  /** The file has ended. */
  end(): void;
}

export function csvRecords(onRecord: (cells: string[], line: number) => void, onBad: (line: number, message: string) => void): CsvLines {
  let lineNumber = 0;
  let open: { text: string; line: number; lines: number } | undefined;
  const quoted = (text: string, line: number, lines: number) => {
    let records: string[][];
    try {
      records = parse(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch (error) {
      if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' && lines < MAX_OPEN_LINES) {
        open = { text: `${text}\n`, line, lines };
        return;
      }
      onBad(line, `cannot read as CSV: ${(error as Error).message}`);
      return;
    }
    for (const record of records) {
      if (record.length > MAX_CELLS) onBad(line, `has ${record.length} cells; a usage log has at most ${MAX_CELLS}`);
      else onRecord(record, line);
    }
  };
  return {
    line(buf, start, end) {
      lineNumber++;
      if (lineNumber === 1 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
      const text = buf.toString('utf8', start, end);
      if (open !== undefined) {
        const { text: before, line, lines } = open;
        open = undefined;
        return quoted(before + text, line, lines + 1);
      }
      if (start === end) return;
      let commas = 0;
      for (let i = start; i < end; i++) {
        const c = buf[i];
        if (c === QUOTE) return quoted(text, lineNumber, 1);
        if (c === COMMA) commas++;
      }
      if (commas >= MAX_CELLS) return onBad(lineNumber, `has ${commas + 1} cells; a usage log has at most ${MAX_CELLS}`);
      onRecord(text.split(','), lineNumber);
    },
    end() {
      if (open !== undefined) onBad(open.line, 'cannot read as CSV: a quoted cell is not closed before the file ends');
    },
  };
}
