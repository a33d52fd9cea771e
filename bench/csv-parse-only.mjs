// The CSV reference of `npm run bench`: csv-parse alone reading a file's records, nothing done
// with them (options: a BOM skipped, empty lines skipped, as replay reads CSV).
//   node bench/csv-parse-only.mjs <file.csv>     prints the number of records
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
for await (const _ of createReadStream(process.argv[2]).pipe(parse({ bom: true, skip_empty_lines: true }))) records++;
console.log(records);
