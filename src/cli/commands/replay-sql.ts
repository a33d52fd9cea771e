/** `cloudtco replay sql --dialect duckdb|bigquery|spark`: prints the query that aggregates raw requests for replay (report/usage-sql.ts). */
import { catalogDirs, loadCatalogs } from '../../io/catalog-dir.js';
import { layoutOf, type UsageField } from '../../io/usage-layouts.js';
import { InputError, type Diagnostic } from '../../model/diagnostic.js';
import { identifierProblem, usageSql } from '../../report/usage-sql.js';
import type { SqlDialect } from '../../io/usage-choices.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { emit } from '../output.js';

export interface ReplaySqlOptions {
  dialect: SqlDialect;
  table: string;
  map: string[];
  catalog: string[];
  out?: string;
  color: boolean;
}

export async function replaySqlCommand(options: ReplaySqlOptions, io: CliIo): Promise<number> {
  // the raw table's columns, as --map names them; none given: the fields' own names
  const { layout, problems } = layoutOf(undefined, options.map);
  const given = problems.filter((p) => !p.message.startsWith('the usage layout has no'));
  const names: Diagnostic[] = [options.table, ...Object.values(layout.fields)].flatMap((name) => {
    const problem = identifierProblem(name);
    return problem === undefined ? [] : [{ message: problem }];
  });
  if (given.length > 0 || names.length > 0) throw new InputError([...given, ...names]);
  if (layout.fields.id !== undefined) throw new InputError([{ message: '--map id=…: the query counts each row once; drop duplicate requests from the table first' }]);
  const catalog = await loadCatalogs(catalogDirs(options.catalog, io.cwd));
  const thresholds = [...new Set(catalog.models.flatMap((row) => (row.promptOver === undefined ? [] : [row.promptOver.toNumber()])))].sort((a, b) => a - b);
  const sql = usageSql({ dialect: options.dialect, table: options.table, columns: layout.fields as Partial<Record<UsageField, string>>, thresholds });
  await emit(() => sql, undefined, { format: 'sql', out: options.out, color: false }, io);
  return EXIT.ok;
}
