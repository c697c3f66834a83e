import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { asDbError, type DbError } from '~/db/errors'
import { useDbStore } from '~/stores/db'

/** State of a {@link useQuery}: waiting = SQL is known but the engine is not ready yet. */
export type QueryStatus = 'idle' | 'waiting' | 'loading' | 'ready' | 'error'

/** What {@link useQuery} returns. */
export interface QueryHandle<T> {
  /** Rows of the last successful run (kept while a new run loads, so charts do not flicker). */
  rows: ShallowRef<T[] | null>
  status: Ref<QueryStatus>
  error: ShallowRef<DbError | null>
  /** The SQL of the last run, for ErrorPanel and "show SQL". */
  sql: Ref<string | null>
  /** Run the current SQL again. */
  reload: () => Promise<void>
}

/**
 * Run `sql()` whenever it changes and the engine is ready. A null SQL means "nothing to ask yet".
 * Errors are captured in `error` (with their SQL) and never thrown, so a bad query shows an
 * ErrorPanel instead of breaking the page. A slower earlier run never overwrites a later one.
 */
export function useQuery<T = Record<string, unknown>>(sql: () => string | null): QueryHandle<T> {
  const db = useDbStore()
  const rows = shallowRef<T[] | null>(null)
  const status = ref<QueryStatus>('idle')
  const error = shallowRef<DbError | null>(null)
  const lastSql = ref<string | null>(null)
  let seq = 0

  /** The SQL, or the error a builder threw (unknown metric, bad year): shown, never a crash. */
  function evaluate(): { text: string | null; failure?: unknown } {
    try {
      return { text: sql() }
    } catch (failure) {
      return { text: null, failure }
    }
  }

  async function run(): Promise<void> {
    const { text, failure } = evaluate()
    if (failure !== undefined) {
      error.value = asDbError(failure, '')
      status.value = 'error'
      return
    }
    lastSql.value = text
    if (!text) {
      status.value = 'idle'
      return
    }
    if (db.status !== 'ready') {
      status.value = db.status === 'error' ? 'error' : 'waiting'
      error.value = db.status === 'error' ? db.error : null
      return
    }
    const mine = ++seq
    status.value = 'loading'
    try {
      const result = await db.query<T>(text)
      if (mine !== seq) return
      rows.value = result
      error.value = null
      status.value = 'ready'
    } catch (err) {
      if (mine !== seq) return
      error.value = asDbError(err, text)
      status.value = 'error'
    }
  }

  const source = () => {
    const { text, failure } = evaluate()
    return failure !== undefined ? `\u0000${String(failure)}` : text
  }
  watch([source, () => db.status], () => void run(), { immediate: true })
  return { rows, status, error, sql: lastSql, reload: run }
}
