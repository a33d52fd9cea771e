/** `cloudtco schema`: the scenario format's JSON Schema, for editors and other tools. */
import path from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { displayPath } from '../../io/read-text.js';
import { scenarioJsonSchema } from '../../model/scenario-json-schema.js';
import { jsonText } from '../../report/text-formats.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { writeStdout } from '../output.js';

export async function schemaCommand(options: { out?: string }, io: CliIo): Promise<number> {
  const text = jsonText(scenarioJsonSchema());
  if (options.out === undefined) await writeStdout(io, text);
  else await writeFileAtomic(path.resolve(io.cwd, options.out), text, displayPath(options.out, io.cwd));
  return EXIT.ok;
}
