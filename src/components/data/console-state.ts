import { ref, shallowRef } from 'vue'
import type { ConsoleResult } from '~/db/console-types'
import type { DbError } from '~/db/errors'

/**
 * The console's run state, kept for the page's lifetime rather than the component's: a long query
 * keeps running in its own engine while the visitor looks at other views, and on return the console
 * shows it still running (with Cancel) or its result.
 */
export const consoleState = {
  running: ref<'query' | 'export' | null>(null),
  result: shallowRef<ConsoleResult | null>(null),
  error: shallowRef<DbError | string | null>(null),
}
