import Papa from 'papaparse'

/** A column of a CSV export: the field to read and the header to print. */
export interface CsvColumn {
  prop: string
  label: string
}

/**
 * CSV text for rows, with a UTF-8 BOM so Excel on Chinese Windows opens it as UTF-8 instead of GBK.
 * Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs report text as a formula.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly CsvColumn[]): string {
  const data = rows.map((r) => columns.map((c) => guard(r[c.prop])))
  return `\uFEFF${Papa.unparse({ fields: columns.map((c) => c.label), data }, { newline: '\r\n' })}`
}

function guard(v: unknown): unknown {
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) return `'${v}`
  return v ?? ''
}

/** Offer text as a file download (browser only). */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(new Blob([text], { type }), filename)
}

/** Offer a blob (a built workbook, an image) as a file download (browser only). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
