/**
 * A failed query, carrying the SQL that failed so the UI can show both (ErrorPanel) and a bug
 * report can quote them. Modelled on mosaic's QueryError.
 */
export class DbError extends Error {
  /** The SQL text that failed; empty when the engine itself failed to start. */
  readonly sql: string

  constructor(cause: unknown, sql: string) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(sql ? `${reason}\n\nSQL: ${sql}` : reason, { cause })
    this.name = 'DbError'
    this.sql = sql
  }

  /** The engine's own message, without the SQL appended. */
  get reason(): string {
    return this.cause instanceof Error ? this.cause.message : String(this.cause)
  }
}

/** Wrap anything thrown by an engine call as a DbError (idempotent). */
export function asDbError(err: unknown, sql: string): DbError {
  return err instanceof DbError ? err : new DbError(err, sql)
}
