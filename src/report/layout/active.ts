import { activeTablesOf } from '../model/active'
import type { FormatId, Label } from '../model/types'
import type { LayoutCell, LayoutTable } from './types'

const INFO_CONTENT: Label = { zh: '信息内容', en: 'Information' }

/** "第二十条第（五）项" → "Article 20, item (5)": the caption names an item of 条例 article 20. */
function captionLabel(caption: string, item: number): Label {
  return { zh: caption, en: `Article 20, item (${item})` }
}

/**
 * Section 二 as printed: one table whose small blocks each start with a full-width caption row
 * 第二十条第（N）项 and a header row 信息内容 …. The template is as wide as its widest block
 * (4 columns); a block with fewer columns stretches its last column, which is how the 2021
 * template prints 本年处理决定数量 and 本年收费金额 under three 2021 columns.
 */
export function activeLayout(format: FormatId): LayoutTable {
  const tables = activeTablesOf(format)
  const width = 1 + Math.max(...tables.map((t) => t.cols.length))
  const rows: LayoutCell[][] = []
  for (const t of tables) {
    const lastSpan = width - t.cols.length
    const span = (i: number) => (i === t.cols.length - 1 ? lastSpan : 1)
    rows.push([{ kind: 'caption', text: captionLabel(t.caption, t.item), rowspan: 1, colspan: width }])
    rows.push([
      { kind: 'head', text: INFO_CONTENT, rowspan: 1, colspan: 1 },
      ...t.cols.map((c, i): LayoutCell => ({ kind: 'head', text: c.label, rowspan: 1, colspan: span(i) })),
    ])
    for (const r of t.rows) {
      rows.push([
        { kind: 'label', text: r.label, rowspan: 1, colspan: 1 },
        ...t.cols.map((c, i): LayoutCell => ({ kind: 'value', key: `active.${r.key}.${c.key}`, rowspan: 1, colspan: span(i) })),
      ])
    }
  }
  return { id: `${format}.active`, section: 'active', columns: width, rows }
}
