/**
 * PDF read directly (src/report/parse/pdf.ts, pdf-rows.ts) on the real WPS-made report c027.pdf:
 * the rows and cells of its tables, page furniture dropped, metadata, and the parse CLI on good and
 * broken PDFs.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { StructuredDoc } from '~/report/parse/doc'
import { parseReportAsync } from '~/report/read'
import { pdfDate, readPdf } from '~/report/parse/pdf'
import { pagesToDoc } from '~/report/parse/pdf-rows'

const root = new URL('../../', import.meta.url)
const c027Path = new URL('tests/corpus/raw/c027.pdf', root)
const c027 = new Uint8Array(readFileSync(c027Path))
const expected = JSON.parse(readFileSync(new URL('tests/corpus/expected/c027.json', root), 'utf8')) as { cells: Record<string, number | null> }

const APPLY_COLUMNS = ['natural_person', 'legal.commercial', 'legal.research', 'legal.public_interest', 'legal.law_service', 'legal.other', 'total']
/** Section 三 rows of c027 by a distinctive piece of their printed label. */
const APPLY_ROWS: [string, string][] = [
  ['本年新收', 'new'],
  ['上年结转', 'carried_over'],
  ['予以公开', 'result.granted'],
  ['部分公开', 'result.partial'],
  ['国家秘密', 'result.withheld.state_secret'],
  ['行政止公开', 'result.withheld.law_prohibited'],
  ['三安全一稳定', 'result.withheld.security_stability'],
  ['第三方合法权益', 'result.withheld.third_party'],
  ['内部事务', 'result.withheld.internal_affairs'],
  ['过程性信息', 'result.withheld.process_info'],
  ['行政执法案卷', 'result.withheld.enforcement_file'],
  ['行政查询事项', 'result.withheld.admin_query'],
  ['不掌握', 'result.unable.not_held'],
  ['另行制作', 'result.unable.needs_creation'],
  ['仍不明确', 'result.unable.still_unclear'],
  ['信访举报', 'result.not_processed.petition'],
  ['重复申请', 'result.not_processed.repeat'],
  ['公开出版物', 'result.not_processed.publication'],
  ['大量反复', 'result.not_processed.excessive'],
  ['重新出具', 'result.not_processed.confirm_reissue'],
  ['总计', 'result.total'],
  ['结转下年度', 'carry_forward'],
]
const APPEAL_KEYS = ['review.maintained', 'review.corrected', 'review.other', 'review.pending', 'review.total',
  ...['direct', 'after_review'].flatMap((k) => ['maintained', 'corrected', 'other', 'pending', 'total'].map((c) => `litigation.${k}.${c}`))]

const compact = (s: string): string => s.replace(/\s+/g, '')
const tableRows = (doc: StructuredDoc): string[][] => doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []))
const rowWith = (rows: string[][], label: string): string[] | undefined => rows.find((r) => r.some((c) => compact(c).includes(label)) && r.length > 7)

let doc: StructuredDoc
beforeAll(async () => {
  const read = await readPdf(c027)
  if (!read.ok) throw new Error(read.reason_en)
  doc = read.doc
  expect(read.title).toBe('洪泽区人民政府2023年政府信息公开工作年度报告')
  expect(read.published_at).toBe('2024-02-26')
  expect(read.pages).toBe(5)
})

describe('c027.pdf → StructuredDoc', () => {
  it('keeps the input bytes intact (pdf.js gets a copy)', () => {
    expect(c027.byteLength).toBeGreaterThan(100_000)
    expect(String.fromCharCode(...c027.subarray(0, 5))).toBe('%PDF-')
  })

  it('section 三: every row has its label and its 7 value cells in column order, across the page break', () => {
    const rows = tableRows(doc)
    // (六)其他处理 is printed as one row here (the ground truth scores its 2021 sub-rows only).
    expect(rowWith(rows, '其他处理')!.slice(-7)).toEqual(['0', '0', '0', '0', '0', '0', '0'])
    for (const [label, key] of APPLY_ROWS) {
      const row = rowWith(rows, label)
      expect(row, label).toBeDefined()
      const values = row!.slice(-7)
      const want = APPLY_COLUMNS.map((c) => String(expected.cells[`apply.${key}.${c}`]))
      expect(values, label).toEqual(want)
    }
    // 1.本机关不掌握 is on page 3, 3.补正后申请内容仍不明确 on page 4: one table.
    const applyTable = doc.blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.some((c) => c.includes('本年新收'))))
    expect(applyTable?.kind === 'table' && applyTable.rows.some((r) => r.some((c) => c.includes('结转下年度')))).toBe(true)
  })

  it('wrapped labels are joined into their row', () => {
    const rows = tableRows(doc)
    expect(compact(rowWith(rows, '部分公开')![0]!)).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')
    expect(rowWith(rows, '重新出具')!.map(compact)[0]).toBe('5.要求行政机关确认或重新出具已获取信息')
  })

  it("section 四: the 15 value cells in print order", () => {
    const row = tableRows(doc).find((r) => r.length === 15 && r.every((c) => /^\d+$/.test(c)))
    expect(row).toEqual(APPEAL_KEYS.map((k) => String(expected.cells[k])))
  })

  it('section 二: label and value cells of each sub-table', () => {
    const rows = tableRows(doc)
    expect(rows).toContainEqual(['规章', '0', '0', '0'])
    expect(rows).toContainEqual(['行政规范性文件', '0', '5', '5'])
    expect(rows).toContainEqual(['行政许可', '550'])
    expect(rows).toContainEqual(['行政处罚', '4119'])
    expect(rows).toContainEqual(['行政强制', '195'])
    expect(rows).toContainEqual(['行政事业性收费', '7730.28'])
  })

  it('drops page numbers; headings and prose are paragraphs', () => {
    const paras = doc.blocks.filter((b) => b.kind === 'para').map((b) => (b.kind === 'para' ? compact(b.text) : ''))
    const all = [...paras, ...tableRows(doc).flatMap((r) => (r.length === 1 ? [compact(r[0]!)] : []))]
    expect(all.filter((t) => /^[-—]?\d+[-—]?$/.test(t) || /^第\d+页$/.test(t))).toEqual([])
    for (const h of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']) {
      expect(paras).toContain(h)
    }
  })
})

describe('pdf-rows geometry', () => {
  const item = (str: string, x: number, y: number, h = 10) => ({ str, x, y, w: str.length * h * (/^[\d.]+$/.test(str) ? 0.5 : 1), h })
  it('drops page numbers and running headers, keeps a row of zeros in the margin', () => {
    const page = (n: number) => ({
      width: 595,
      height: 842,
      items: [item('某某区人民政府办公室', 200, 800), item(`- ${n} -`, 290, 40), item(`第${n}页`, 280, 28), item('正文', 80, 400 - n)],
    })
    const out = pagesToDoc([page(1), page(2), page(3)])
    expect(out.blocks).toEqual([1, 2, 3].map(() => ({ kind: 'para', text: '正文' })))
  })
  it('puts a blank where a value is missing under the columns of the fuller rows', () => {
    const row = (label: string, y: number, values: (string | null)[]) => [item(label, 60, y), ...values.flatMap((v, i) => (v === null ? [] : [item(v, 300 + 40 * i, y)]))]
    const out = pagesToDoc([{ width: 595, height: 842, items: [...row('规章', 500, ['1', '2', '3']), ...row('行政规范性文件', 480, ['4', null, '6'])] }])
    expect(out.blocks).toEqual([{ kind: 'table', rows: [['规章', '1', '2', '3'], ['行政规范性文件', '4', '', '6']] }])
  })
})

describe('PDF metadata date', () => {
  it('reads D:YYYYMMDD… as written', () => {
    expect(pdfDate("D:20240226144123+06'41'")).toBe('2024-02-26')
    expect(pdfDate('D:2024')).toBeNull()
    expect(pdfDate(undefined)).toBeNull()
  })
})

describe('parseReportAsync on PDFs', () => {
  it('c027.pdf parses with rendering pdf and the metadata date', async () => {
    const outcome = await parseReportAsync(c027, 'c027.pdf')
    if (!outcome.ok) throw new Error(outcome.error_en)
    expect(outcome.report.meta.rendering).toBe('pdf')
    expect(outcome.report.meta.published_at).toBe('2024-02-26')
    expect(outcome.report.meta.source_url).toBeNull()
    expect(outcome.report.meta.year).toBe(2023)
  })

  it('a truncated, a garbage and a text-less PDF give one bilingual line naming the file', async () => {
    const blank = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    )
    const cases: [string, Uint8Array, RegExp][] = [
      ['cut.pdf', c027.slice(0, 3000), /damaged or incomplete/],
      ['junk.pdf', new TextEncoder().encode('%PDF-1.7\n\x00\x01 not a pdf at all'), /damaged|cannot be read/],
      ['scan.pdf', blank, /no text layer.*OCR/],
    ]
    for (const [name, bytes, why] of cases) {
      const outcome = await parseReportAsync(bytes, name)
      expect(outcome.ok, name).toBe(false)
      if (outcome.ok) continue
      expect(outcome.error.startsWith(`${name}：`)).toBe(true)
      expect(outcome.error_en.startsWith(`${name}: `)).toBe(true)
      expect(outcome.error_en).toMatch(why)
      expect(`${outcome.error}${outcome.error_en}`).not.toMatch(/\n/)
    }
  })

  it('non-PDF files still go through parseReport', async () => {
    const txt = new Uint8Array(readFileSync(new URL('tests/fixtures/shared/hulan-baikui-2021.txt', root)))
    const outcome = await parseReportAsync(txt, 'hulan.txt')
    expect(outcome.ok).toBe(true)
  })
})

describe('parse CLI on PDFs', () => {
  const cli = (file: string) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/parse.ts', file], { cwd: root, encoding: 'utf8', timeout: 120_000 })

  it('prints JSON with meta.rendering pdf', () => {
    const run = cli('tests/corpus/raw/c027.pdf')
    expect(run.status, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout) as { meta: { rendering: string; published_at: string; file: string } }
    expect(json.meta.rendering).toBe('pdf')
    expect(json.meta.published_at).toBe('2024-02-26')
  })

  it('a truncated PDF: exit 1 and one stderr line naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-cli-'))
    const file = join(dir, 'cut.pdf')
    writeFileSync(file, c027.slice(0, 150_000))
    const run = cli(file)
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    const lines = run.stderr.split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(file)
  })
})
