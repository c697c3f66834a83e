import { TABLES } from './schema'
import { DB_ALIAS } from './data-files'

/**
 * Statements that expose the attached read-only database's tables under their plain names
 * (`cells`, `reports` …) so every SQL builder can say `FROM cells` in the browser and in Node.
 */
export function createViewsSql(alias: string = DB_ALIAS): string[] {
  return TABLES.map((t) => `CREATE OR REPLACE VIEW ${t.name} AS SELECT * FROM "${alias}".${t.name}`)
}

/**
 * Settings applied right after connecting: extension autoloading fetches from the internet, and
 * offline it fails with a misleading error in the browser and hangs under Node (docs/stack-notes.md).
 */
export const OFFLINE_SETTINGS_SQL = ['SET autoinstall_known_extensions=false', 'SET autoload_known_extensions=false']
