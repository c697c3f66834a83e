import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { parseReport } from '~/report/read'
import { parsePool } from '../../scripts/build/parse-pool'
import { ROOT } from './helpers'

it('the worker pool parses exactly as the in-process parser does, and keeps answers paired with files', async () => {
  const sample = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/shared/hulan-baikui-2021.txt')))
  const pool = parsePool(2)
  try {
    const names = ['a.txt', 'b.txt', 'c.txt', 'empty.txt']
    const inputs = names.map((n) => (n === 'empty.txt' ? new Uint8Array() : sample))
    const viaPool = await Promise.all(names.map((n, i) => pool.parse(inputs[i]!, n)))
    const direct = await Promise.all(names.map((n, i) => parseReport(inputs[i]!, n)))
    expect(viaPool).toEqual(direct)
    expect(pool.stats()).toEqual({ workers: 4, fallback: 0 })
    expect(viaPool.map((o) => (o.ok ? o.report.meta.file : 'unreadable'))).toEqual(['a.txt', 'b.txt', 'c.txt', 'unreadable'])
  } finally {
    await pool.close()
  }
}, 60_000)
