// The JSONL reference of `npm run bench`: a bare loop that reads every .jsonl file under a
// directory line by line (readline) and JSON.parses each line, nothing done with the values.
//   node bench/jsonl-parse-only.mjs <dir>     prints the number of lines parsed
import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const files = readdirSync(process.argv[2], { recursive: true })
  .filter((name) => name.endsWith('.jsonl'))
  .sort();
let lines = 0;
for (const file of files) {
  for await (const line of createInterface({ input: createReadStream(path.join(process.argv[2], file)), crlfDelay: Infinity })) {
    if (line === '') continue;
    JSON.parse(line);
    lines++;
  }
}
console.log(lines);
