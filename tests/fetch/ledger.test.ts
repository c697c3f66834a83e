/** The build's use of fetch-ledger.csv: what the file states wins; the page date only fills a gap; Last-Modified never does. */
import { describe, expect, it } from 'vitest'
import { applyLedger, LEDGER_COLUMNS, ledgerByFile, parseLedger, type LedgerRow } from '../../scripts/build/ledger'
import type { BuiltReport, ParseResult } from '../../scripts/build/types'

function built(meta: { source_url: string | null; published_at: string | null }, url: string | null = 'http://sources/url'): BuiltReport {
  const report = { meta: { unit: '白云镇', year: 2021, ...meta }, cells: {}, findings: [] } as unknown as ParseResult
  return { reportId: 0, district: 'd', file: 'reports/2021/白云镇-2021.docx', sha256: '', provenance: 'published', url, report, unit: null, unitName: '白云镇', year: 2021, status: 'ok', findings: [] }
}

function ledgerRow(over: Partial<LedgerRow>): LedgerRow {
  const row = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, ''])) as LedgerRow
  return { ...row, unit: '白云镇', year: '2021', url: 'http://h/a.docx', parent_url: 'http://h/page.html', file: 'reports/2021/白云镇-2021.docx', last_modified: 'Mon, 20 Jan 2020 01:00:00 GMT', ...over }
}

describe('applyLedger', () => {
  it("gives an attachment its page's address and its page's date when the file states neither", () => {
    const b = built({ source_url: null, published_at: null })
    const shared = b.report
    applyLedger(b, ledgerRow({ published_at: '2022-01-20' }))
    expect(b.url).toBe('http://h/page.html')
    expect(b.report!.meta.published_at).toBe('2022-01-20')
    // The parse result itself is not changed (it may be shared).
    expect(shared!.meta.published_at).toBeNull()
  })

  it('keeps what the file states', () => {
    const b = built({ source_url: 'http://own/page', published_at: '2022-01-10' })
    applyLedger(b, ledgerRow({ published_at: '2022-01-20' }))
    expect(b.url).toBe('http://sources/url')
    expect(b.report!.meta.published_at).toBe('2022-01-10')
  })

  it('never takes HTTP Last-Modified as the publication date', () => {
    const b = built({ source_url: null, published_at: null })
    applyLedger(b, ledgerRow({ published_at: '' }))
    expect(b.report!.meta.published_at).toBeNull()
  })

  it('a page row (no parent) gives its own address; no row changes nothing', () => {
    const b = built({ source_url: null, published_at: null })
    applyLedger(b, ledgerRow({ url: 'http://h/page-itself.html', parent_url: '' }))
    expect(b.url).toBe('http://h/page-itself.html')
    const c = built({ source_url: null, published_at: null })
    applyLedger(c, undefined)
    expect(c.url).toBe('http://sources/url')
  })
})

describe('parseLedger', () => {
  it('reads rows by file and names a broken header', () => {
    const { rows, problems } = parseLedger(`${LEDGER_COLUMNS.join(',')}\n白云镇,2021,http://h/a,,,reports/2021/a.docx${',' .repeat(LEDGER_COLUMNS.length - 6)}\n`)
    expect(problems).toEqual([])
    expect([...ledgerByFile(rows).keys()]).toEqual(['reports/2021/a.docx'])
    expect(parseLedger('unit,year\n白云镇,2021\n').problems).toEqual(['line 1: the header lacks column "url", "file"; ledger not used'])
  })
})
