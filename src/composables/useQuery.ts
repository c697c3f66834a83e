import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { asDbError, type DbError } from '~/db/errors'
import { useDbStore } from '~/stores/db'
import { usePrebuiltStore } from '~/stores/prebuilt'
import { sameRows } from './same-rows'

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
  /** True while `rows` are the data build's prebuilt answer and the engine has not confirmed them yet. */
  provisional: Ref<boolean>
  /** Run the current SQL again. */
  reload: () => Promise<void>
}

/**
 * Run `sql()` whenever it changes and the engine is ready. A null SQL means "nothing to ask yet".
 * Errors are captured in `error` (with their SQL) and never thrown, so a bad query shows an
 * ErrorPanel instead of breaking the page. A slower earlier run never overwrites a later one.
 *
 * Before the engine: when the data build prebuilt this exact SQL (src/stores/prebuilt.ts), its rows
 * are shown at once (`status` ready, `provisional` true). The engine still runs the SQL when it is
 * ready — in the background, not counted as a query the page waits for — and its rows replace the
 * prebuilt ones only when they differ, so an agreeing answer redraws nothing.
 */
export function useQuery<T = Record<string, unknown>>(sql: () => string | null): QueryHandle<T> {
  const db = useDbStore()
  const prebuilt = usePrebuiltStore()
  const rows = shallowRef<T[] | null>(null)
  const provisional = ref(false)
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
    // Every run supersedes the earlier ones: a slower answer to an older SQL never lands.
    const mine = ++seq
    if (!text) {
      status.value = 'idle'
      return
    }
    const early = showPrebuilt(text)
    if (db.status !== 'ready') {
      // With prebuilt rows shown, a failed engine leaves them standing (they are this build's numbers); the header shows the engine error.
      if (early) return
      status.value = db.status === 'error' ? 'error' : 'waiting'
      error.value = db.status === 'error' ? db.error : null
      return
    }
    if (early) {
      // The page shows the answer already: confirm it once the browser is idle, not while it draws
      // the change (and not at all if the SQL changed again before then).
      db.confirmWhenIdle(() => (mine === seq ? confirm(text, mine) : undefined))
      return
    }
    status.value = 'loading'
    provisional.value = false
    await confirm(text, mine)
  }

  /** Run `text` on the engine and show its rows unless a later run superseded this one (in the background when prebuilt rows are shown). */
  async function confirm(text: string, mine: number): Promise<void> {
    const background = provisional.value
    try {
      const result = await db.query<T>(text, { background })
      if (mine !== seq) return
      show(result)
      provisional.value = false
    } catch (err) {
      if (mine !== seq) return
      error.value = asDbError(err, text)
      status.value = 'error'
    }
  }

  /** Show rows unless they equal the shown ones (then nothing changes, so nothing redraws). */
  function show(next: T[]): void {
    if (!rows.value || !sameRows(rows.value, next)) rows.value = next
    error.value = null
    status.value = 'ready'
  }

  /** Show the prebuilt rows of `text`, if the build made them; true when it did. */
  function showPrebuilt(text: string): boolean {
    const hit = prebuilt.lookup<T>(text)
    if (!hit) return false
    show(hit)
    provisional.value = true
    return true
  }

  const source = () => {
    const { text, failure } = evaluate()
    return failure !== undefined ? `\u0000${String(failure)}` : text
  }
  watch([source, () => db.status], () => void run(), { immediate: true })
  // A prebuilt file that arrives after the SQL was asked answers a query still waiting for the engine.
  watch(() => prebuilt.version, () => {
    if ((status.value === 'waiting' || status.value === 'loading') && lastSql.value) showPrebuilt(lastSql.value)
  })
  return { rows, status, error, sql: lastSql, provisional, reload: run }
}
