import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { OVERVIEW_METRICS } from '~/db/sql/overview'
import { overviewRows } from './overview-rows'
import type { DistrictSummary } from '~/db/summary'
import type { DistrictEntry } from '~/db/data-files'
import { buildDataIntoTemp } from '../util/built-data'

// The overview paints from the summary JSON and then switches to SQL: both must give the same
// numbers on the real build output, or the page visibly changes when the engine becomes ready.
let out: string
let db: NodeConnector
let index: { districts: DistrictEntry[] }

let remove: () => void

beforeAll(async () => {
  ;({ out, remove } = buildDataIntoTemp())
  index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))
  db = await openNodeConnector(join(out, 'gov.duckdb'))
}, 120_000)
afterAll(() => {
  db?.close()
  remove?.()
})

describe('summary JSON and overview SQL agree on the built data', () => {
  it('every district, year and overview metric', async () => {
    expect(index.districts.length).toBeGreaterThan(0)
    for (const d of index.districts) {
      const summary = JSON.parse(readFileSync(join(out, d.summary), 'utf8')) as DistrictSummary
      const rows = await overviewRows(db, { district: d.id })
      expect(rows.map((r) => r.year), d.id).toEqual(summary.by_year.map((y) => y.year))
      for (const [i, y] of summary.by_year.entries()) {
        const row = rows[i]!
        expect([row.expected, row.received], `${d.id} ${y.year} coverage`).toEqual([y.expected, y.received])
        for (const m of OVERVIEW_METRICS) {
          const want = y.metrics[m] ?? null
          if (want === null) expect(row[m], `${d.id} ${y.year} ${m}`).toBeNull()
          else expect(row[m], `${d.id} ${y.year} ${m}`).toBeCloseTo(want, 9)
        }
      }
    }
  })
})
