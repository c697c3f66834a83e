import type { OfficialSheet } from './official-sheet'

/**
 * An official-format sheet as an .xlsx workbook (ExcelJS, imported on demand so the dashboard never
 * loads it unless someone exports): merged headers as printed, thin borders around the tables,
 * numbers as numbers, so the sheet can be pasted into next year's report.
 */
export async function officialXlsx(sheet: OfficialSheet, sheetName: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '政务公开年报看板'
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  const ws = wb.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1')
  ws.columns = Array.from({ length: sheet.columns }, (_, i) => ({ width: i === 0 ? 30 : 12 }))
  const border = { style: 'thin' as const }
  sheet.rows.forEach((row, r) => {
    for (let c = 0; c < sheet.columns; c++) {
      const slot = row[c]
      const cell = ws.getCell(r + 1, c + 1)
      if (slot) {
        cell.value = slot.value
        cell.font = { name: 'SimSun', size: slot.kind === 'title' ? 14 : 10.5, bold: slot.kind === 'title' || slot.kind === 'section' || slot.kind === 'caption' }
        cell.alignment = {
          vertical: 'middle', wrapText: true,
          horizontal: slot.kind === 'label' || slot.kind === 'section' || slot.kind === 'note' ? 'left' : 'center',
        }
      }
      if (c < sheet.tableWidth[r]!) cell.border = { top: border, left: border, bottom: border, right: border }
    }
  })
  for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowspan, m.col + m.colspan)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
