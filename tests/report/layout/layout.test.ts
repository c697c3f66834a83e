import { describe, expect, it } from 'vitest'
import { keysOf, type FormatId } from '~/report/model'
import { formatLayout, type LayoutCell, type LayoutTable } from '~/report/layout'

const FORMATS: FormatId[] = ['gov2021', 'gov2019']

/** Place every cell on a grid the way an HTML table does; fail on overlaps or ragged rows. */
function occupancy(table: LayoutTable): string[][] {
  const grid: string[][] = table.rows.map(() => [])
  table.rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = grid[r + dr]
          if (!line) throw new Error(`${table.id}: row ${r} spans past the table end`)
          if (line[c + dc] !== undefined) throw new Error(`${table.id}: overlap at ${r + dr},${c + dc}`)
          line[c + dc] = cell.kind === 'value' ? cell.key : cell.text.zh
        }
      }
      c += cell.colspan
    }
  })
  return grid
}

const texts = (row: LayoutCell[]) => row.map((c) => (c.kind === 'value' ? c.key : c.text.zh))

describe('official table layout', () => {
  it.each(FORMATS)('%s: every cell key of the format appears once, in print order', (format) => {
    const keys = formatLayout(format).sections.flatMap((s) => s.table.rows.flat().flatMap((c) => (c.kind === 'value' ? [c.key] : [])))
    expect(keys).toEqual(keysOf(format))
  })

  it.each(FORMATS)('%s: every table is a rectangle with no overlapping spans', (format) => {
    for (const { table } of formatLayout(format).sections) {
      const grid = occupancy(table)
      for (const line of grid) {
        expect(line).toHaveLength(table.columns)
        expect(line.every((slot) => slot !== undefined)).toBe(true)
      }
    }
  })

  it('draws the 2021 section 二 blocks as printed: caption, 信息内容 header, stretched single columns', () => {
    const rows = formatLayout('gov2021').sections[0]!.table.rows
    expect(texts(rows[0]!)).toEqual(['第二十条第（一）项'])
    expect(texts(rows[1]!)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'])
    expect(texts(rows[2]!)).toEqual(['规章', 'active.regulation.issued', 'active.regulation.repealed', 'active.regulation.in_force'])
    const fee = rows.find((r) => r[0]!.kind === 'label' && r[0]!.text.zh === '行政事业性收费')!
    expect(fee[1]).toMatchObject({ key: 'active.fee.amount_wan', colspan: 3 })
  })

  it.each([['gov2021', 22], ['gov2019', 20]] as const)('%s: 三、本年度办理结果 spans %i rows', (format, span) => {
    const cells = formatLayout(format).sections[1]!.table.rows.flat()
    expect(cells.find((c) => c.kind === 'label' && c.text.zh === '三、本年度办理结果')!.rowspan).toBe(span)
  })

  it('puts each group label on the row of its first sub-row, spanning the group (gov2021)', () => {
    const rows = formatLayout('gov2021').sections[1]!.table.rows
    const withheld = rows.find((r) => texts(r).includes('（三）不予公开'))!
    expect(texts(withheld).slice(0, 2)).toEqual(['（三）不予公开', '1.属于国家秘密'])
    expect(withheld[0]!.rowspan).toBe(8)
    const other = rows.find((r) => texts(r).includes('（六）其他处理'))!
    expect(other[0]!.rowspan).toBe(3)
    expect(texts(other)[1]).toMatch(/逾期不补正/)
  })

  it('prints gov2019 （六）其他处理 as one row with its own seven cells', () => {
    const rows = formatLayout('gov2019').sections[1]!.table.rows
    const other = rows.find((r) => texts(r).includes('（六）其他处理'))!
    expect(other[0]).toMatchObject({ kind: 'label', colspan: 2, rowspan: 1 })
    expect(texts(other).slice(1)).toEqual([
      'apply.result.other.subtotal.natural_person', 'apply.result.other.subtotal.legal.commercial',
      'apply.result.other.subtotal.legal.research', 'apply.result.other.subtotal.legal.public_interest',
      'apply.result.other.subtotal.legal.law_service', 'apply.result.other.subtotal.legal.other',
      'apply.result.other.subtotal.total',
    ])
  })

  it('carries the 勾稽 note in the 3×3 top-left block of section 三', () => {
    const note = formatLayout('gov2019').sections[1]!.table.rows[0]![0]!
    expect(note).toMatchObject({ kind: 'note', rowspan: 3, colspan: 3 })
    expect(note.kind === 'note' && note.text.zh).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
  })

  it('draws section 四 with three header rows over 15 values', () => {
    const rows = formatLayout('gov2021').sections[2]!.table.rows
    expect(texts(rows[0]!)).toEqual(['行政复议', '行政诉讼'])
    expect(rows[0]!.map((c) => c.colspan)).toEqual([5, 10])
    expect(texts(rows[1]!)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'])
    expect(rows[2]).toHaveLength(10)
    expect(rows[3]).toHaveLength(15)
  })
})
