import type { PlainValue } from './connector'

/** A column of a console result: its name and DuckDB/Arrow type as text. */
export interface ConsoleColumn {
  name: string
  type: string
}

export interface ConsoleResult {
  columns: ConsoleColumn[]
  rows: Record<string, PlainValue>[]
}

/** The SQL console's engine (console-engine.ts in the browser; a fake in component tests). */
export interface ConsoleEngine {
  /** Run one statement; rejects with ConsoleStopped on cancel or when `timeoutMs` passes. */
  run(sql: string, timeoutMs: number): Promise<ConsoleResult>
  /** Start the engine ahead of the first query (a failure shows on that query instead). */
  prepare(): void
  /** Stop the running query (no-op when none runs). */
  cancel(): void
  /** Terminate the engine. */
  close(): Promise<void>
}

/** Why a console query stopped before it finished. */
export class ConsoleStopped extends Error {
  constructor(readonly why: 'cancelled' | 'timeout', readonly limitMs: number) {
    super(why === 'timeout' ? `Query stopped after the time limit of ${Math.round(limitMs / 1000)} s` : 'Query cancelled')
    this.name = 'ConsoleStopped'
  }
}
