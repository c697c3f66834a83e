import type { OfficialSheet } from './official-sheet'

/**
 * An official-format sheet as a Word document (docx, imported on demand): the title, then each
 * section heading and its table with the printed merges, so the tables can be pasted into next
 * year's report. Cells covered by a merge are left out; the docx library writes the vertical
 * merge continuations itself.
 */
export async function officialDocx(sheet: OfficialSheet): Promise<Uint8Array> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } = await import('docx')
  const spans = new Map(sheet.merges.map((m) => [`${m.row}:${m.col}`, m]))
  const covered = new Set<string>()
  for (const m of sheet.merges) {
    for (let r = m.row; r < m.row + m.rowspan; r++) for (let c = m.col; c < m.col + m.colspan; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`)
  }
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = []
  let tableRows: InstanceType<typeof TableRow>[] = []
  const flush = () => {
    if (tableRows.length) children.push(new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } }))
    tableRows = []
  }
  sheet.rows.forEach((row, r) => {
    const first = row[0]
    if (sheet.tableWidth[r] === 0 && first) {
      flush()
      const heading = first.kind === 'title' ? HeadingLevel.TITLE : HeadingLevel.HEADING_2
      children.push(new Paragraph({ heading, children: [new TextRun(String(first.value ?? ''))] }))
      return
    }
    const cells: InstanceType<typeof TableCell>[] = []
    for (let c = 0; c < sheet.tableWidth[r]!; c++) {
      if (covered.has(`${r}:${c}`)) continue
      const slot = row[c]
      const m = spans.get(`${r}:${c}`)
      const bold = slot?.kind === 'caption' || slot?.kind === 'head'
      cells.push(new TableCell({
        rowSpan: m?.rowspan, columnSpan: m?.colspan, verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({
          alignment: slot?.kind === 'label' || slot?.kind === 'note' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text: slot?.value === null || slot?.value === undefined ? '' : String(slot.value), bold, size: 21 })],
        })],
      }))
    }
    tableRows.push(new TableRow({ children: cells }))
  })
  flush()
  const doc = new Document({ creator: '政务公开年报看板', title: String(sheet.rows[0]?.[0]?.value ?? ''), sections: [{ children }] })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
