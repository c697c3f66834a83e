/**
 * Old binary Word (.doc) through word-extractor in Node: tests/fixtures/doc/docx-sample.doc is
 * tests/fixtures/reports/docx-sample.docx saved as "Word 97–2003" by LibreOffice.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport, parseReportAsync } from '~/report/read'

const read = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)))

describe('.doc (Word 97–2003)', () => {
  it('reads the same unit, year and cells as the .docx it was saved from (no cell differs)', async () => {
    const doc = await parseReportAsync(read('doc/docx-sample.doc'), 'docx-sample.doc')
    const docx = parseReport(read('reports/docx-sample.docx'), 'docx-sample.docx')
    if (!doc.ok || !docx.ok) throw new Error('unreadable')
    expect(doc.report.meta.encoding).toBe('doc')
    expect(doc.report.meta.unit).toBe(docx.report.meta.unit)
    expect(doc.report.meta.year).toBe(docx.report.meta.year)
    const cells = Object.entries(doc.report.cells)
    expect(cells.length).toBeGreaterThan(150)
    for (const [key, value] of cells) expect(docx.report.cells[key], key).toBe(value)
  })

  it('the synchronous parseReport still refuses .doc with the advice to save as .docx', () => {
    const outcome = parseReport(read('doc/docx-sample.doc'), 'docx-sample.doc')
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error_en).toMatch(/docx-sample\.doc: .*save as \.docx/)
  })
})
