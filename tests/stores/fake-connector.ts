import type { Connector } from '~/db/connector'

/** A Connector answering from a function, recording every SQL it was asked. */
export function fakeConnector(answer: (sql: string) => unknown[] | Error): Connector & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    async query<T>(sql: string): Promise<T[]> {
      calls.push(sql)
      const result = answer(sql)
      if (result instanceof Error) throw result
      return result as T[]
    },
    async exec(sql: string): Promise<void> {
      calls.push(sql)
    },
  }
}
