import { TABLES } from './schema'
import { openTableSelect } from './open-tables'
import { OFFLINE_SETTINGS_SQL } from './views'
import { str } from './sql/literal'

/**
 * How the SQL console's own DuckDB database is set up. The console runs visitors' SQL in a
 * separate database instance (src/db/console-engine.ts), never on the dashboard's connection, so
 * nothing typed there can change what the charts read. Inside that instance DuckDB itself — not a
 * text check of the SQL — refuses what a public console must not do:
 *
 * - `enable_external_access=false`: no file or URL is opened after setup (read_csv('http://…'),
 *   COPY … TO, ATTACH of a file or URL, INSTALL, glob). The data file is attached before it is
 *   switched off and stays readable through its open handle.
 * - no extension is installed or loaded behind the user's back (autoinstall/autoload/community).
 * - `lock_configuration=true` last: no statement can switch any of this back on.
 *
 * The statements run in this order after the data file is registered under `fileName`.
 */
export function consoleSetupSql(fileName: string, alias: string): string[] {
  return [
    ...OFFLINE_SETTINGS_SQL,
    'SET allow_community_extensions=false',
    `ATTACH ${str(fileName)} AS "${alias}" (READ_ONLY)`,
    // The console's views carry the download columns too (cells.label_zh, cells.provenance).
    ...TABLES.map((t) => `CREATE OR REPLACE VIEW ${t.name} AS ${openTableSelect(t.name, `"${alias}".main`, { ordered: false })}`),
    'SET enable_external_access=false',
    'SET lock_configuration=true',
  ]
}
