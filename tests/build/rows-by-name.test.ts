/**
 * Open-data rows are written by column name: a row with a missing, unknown or mistyped column (for
 * instance two values swapped) makes DatabaseWriter.append throw, naming the table and the column.
 */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DatabaseWriter } from '../../scripts/build/duckdb-writer'
import type { Row } from '~/build/rows'
import { queryDb, removeTemps, tempDir } from './helpers'

afterAll(removeTemps)

const coverage: Row = { district: 'alpha', unit: '甲镇', unit_code: '230111100', unit_kind: '镇', year: 2021, status: 'received', n_reports: 1 }

async function withWriter<T>(run: (db: DatabaseWriter, file: string) => Promise<T> | T): Promise<T> {
  const file = join(tempDir(), 'gov.duckdb')
  const db = await DatabaseWriter.create(file)
  try {
    return await run(db, file)
  } finally {
    await db.close()
  }
}

describe('DatabaseWriter.append writes rows by column name', () => {
  it('writes each value under its own column whatever the key order of the row', async () => {
    const file = join(tempDir(), 'gov.duckdb')
    const db = await DatabaseWriter.create(file)
    db.append('coverage', [Object.fromEntries(Object.entries(coverage).reverse())])
    await db.finishTables()
    await db.close()
    expect(await queryDb(file, 'SELECT * FROM coverage')).toEqual([{ ...coverage }])
  })

  it('fails on two values swapped, naming table and column', async () => {
    await withWriter((db) => {
      expect(() => db.append('coverage', [{ ...coverage, unit: 2021, year: '甲镇' }])).toThrow(/^coverage\.unit: 2021 is not a string/)
      expect(() => db.append('coverage', [{ ...coverage, year: '甲镇' }])).toThrow(/^coverage\.year: "甲镇" is not an integer/)
      expect(() => db.append('coverage', [{ ...coverage, status: '镇', unit_kind: 'received' }])).toThrow(/^coverage\.unit_kind: "received" is not one of 街道, 镇/)
    })
  })

  it('fails on a missing column, naming it', async () => {
    const { n_reports: _, ...missing } = coverage
    await withWriter((db) => {
      expect(() => db.append('coverage', [missing])).toThrow(/^coverage: the row has no column "n_reports"/)
    })
  })

  it('fails on a column the table does not have, naming it', async () => {
    await withWriter((db) => {
      expect(() => db.append('coverage', [{ ...coverage, reports: 1 }])).toThrow(/^coverage: the row has column "reports" the table does not have/)
    })
  })

  it('fails on a required column left empty', async () => {
    await withWriter((db) => {
      expect(() => db.append('coverage', [{ ...coverage, district: null }])).toThrow(/^coverage\.district: a value is required/)
      expect(() => db.append('coverage', [{ ...coverage, district: '' }])).toThrow(/^coverage\.district: a value is required/)
    })
  })
})
