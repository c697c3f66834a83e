import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officialDocx } from '~/components/data/official-docx'
import { officialSheet, type OfficialSheet } from '~/components/data/official-sheet'
import { officialXlsx } from '~/components/data/official-xlsx'
import type { NodeConnector } from '~/db/node'
import { officialDistrictCellsSql, officialFormatsSql, officialUnitCellsSql, type OfficialCellRow } from '~/db/sql/data'
import { formatLayout } from '~/report/layout'
import { FIXTURE_CELLS, openFixtureDb } from './fixture-db'

let db: NodeConnector
let close: () => void
beforeAll(async () => ({ db, close } = await openFixtureDb()))
afterAll(() => close())

const where = (sheet: OfficialSheet, key: string) => {
  for (const [r, row] of sheet.rows.entries()) for (const [c, cell] of row.entries()) if (cell?.key === key) return { r, c }
  throw new Error(`${key} not in the sheet`)
}

describe('official-format export', () => {
  it('lays out every value cell of the format once, under the printed headers, with the merges of the template', async () => {
    const rows = await db.query<OfficialCellRow>(officialUnitCellsSql('demo', '甲镇', 2021))
    expect(rows[0]!.format).toBe('gov2021')
    const sheet = officialSheet('gov2021', new Map(rows.map((r) => [r.key, r.value])), '甲镇 2021')
    const keys = sheet.rows.flat().filter((c) => c?.kind === 'value').map((c) => c!.key)
    const layoutKeys = formatLayout('gov2021').sections.flatMap((s) => s.table.rows.flat()).filter((c) => c.kind === 'value').map((c) => (c as { key: string }).key)
    expect(keys).toEqual(layoutKeys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(sheet.rows.flat().find((c) => c?.key === 'apply.new.total')!.value).toBe(FIXTURE_CELLS['甲镇']![2021]!['apply.new.total'])
    // Section 四: 行政复议 spans its five result columns.
    const review = sheet.rows.flat().find((c) => c?.value === '行政复议')!
    const at = sheet.rows.findIndex((row) => row.includes(review))
    expect(sheet.merges).toContainEqual({ row: at, col: 0, rowspan: 1, colspan: 5 })
  })

  it('writes .xlsx with the values where the template prints them and the header merges', async () => {
    const rows = await db.query<OfficialCellRow>(officialUnitCellsSql('demo', '甲镇', 2021))
    const sheet = officialSheet('gov2021', new Map(rows.map((r) => [r.key, r.value])), '甲镇 2021年政府信息公开工作年度报告（表格）')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await officialXlsx(sheet, '甲镇-2021')).buffer as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('甲镇-2021')
    expect(ws.getCell(1, 1).value).toBe('甲镇 2021年政府信息公开工作年度报告（表格）')
    for (const key of ['apply.new.total', 'apply.result.granted.total', 'review.total', 'litigation.direct.maintained']) {
      const { r, c } = where(sheet, key)
      expect(ws.getCell(r + 1, c + 1).value, key).toBe(FIXTURE_CELLS['甲镇']![2021]![key])
    }
    const m = sheet.merges.find((x) => x.colspan > 1 && x.row > 0)!
    expect(ws.getCell(m.row + 1, m.col + 2).isMerged).toBe(true)
    expect(ws.getCell(m.row + 1, m.col + 2).master.address).toBe(ws.getCell(m.row + 1, m.col + 1).address)
  })

  it('writes .docx with the title, the section tables, their spans and values', async () => {
    const rows = await db.query<OfficialCellRow>(officialUnitCellsSql('demo', '甲镇', 2021))
    const sheet = officialSheet('gov2021', new Map(rows.map((r) => [r.key, r.value])), '甲镇 2021 表格')
    const files = unzipSync(await officialDocx(sheet))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain('甲镇 2021 表格')
    expect(xml).toContain('二、主动公开政府信息情况')
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3)
    expect(xml).toMatch(/<w:gridSpan w:val="5"\/>/)
    expect(xml).toContain('<w:vMerge w:val="restart"/>')
    expect(xml).toContain('属于国家秘密')
  })

  it('sums a district over the counted reports of one format, and says which formats there are', async () => {
    const formats = await db.query<{ format: string; reports: number }>(officialFormatsSql('demo', 2021))
    expect(formats.length).toBeGreaterThan(0)
    const rows = await db.query<OfficialCellRow>(officialDistrictCellsSql('demo', 2021, formats[0]!.format))
    const [expected] = await db.query<{ v: number }>(
      `SELECT SUM(c.value) AS v FROM cells c JOIN reports r USING (report_id) WHERE c.district = 'demo' AND c.year = 2021 AND r.counted AND r.format = '${formats[0]!.format}' AND c.key = 'apply.new.total'`,
    )
    expect(rows.find((r) => r.key === 'apply.new.total')!.value).toBe(expected!.v)
    const [all] = await db.query<{ v: number }>("SELECT SUM(value) AS v FROM cells WHERE district = 'demo' AND year = 2021 AND key = 'apply.new.total'")
    expect(all!.v).toBeGreaterThanOrEqual(expected!.v)
  })
})
