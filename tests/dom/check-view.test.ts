import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pathToFileURL } from 'node:url'
import { unitsFromCsv } from '~/build/units-csv'
import type { Connector } from '~/db/connector'
import { previousCellsSql, previousYearSql } from '~/db/sql/check'
import { i18n } from '~/i18n'
import { parseReport } from '~/report/read'
import { setPdfAssets } from '~/report/parse/pdf-options'
import { setEngineFactory } from '~/stores/db'
import CheckView from '~/views/CheckView.vue'

// happy-dom replaces URL, so the fixture is found from the project root instead of import.meta.url.
const SAMPLE = readFileSync(resolve(process.cwd(), 'tests/fixtures/shared/hulan-baikui-2021.txt'))
// The page names pdf.js's worker by its Vite asset URL, which only a served build resolves; under
// happy-dom the same worker file is named by its path on disk (the parser path is unchanged).
setPdfAssets({ workerSrc: pathToFileURL(resolve(process.cwd(), 'node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs')).href })
const PDF = readFileSync(resolve(process.cwd(), 'tests/corpus/raw/c027.pdf'))
// The first bytes of a real PNG: what a user choosing a screenshot of the report hands over.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])

const PINGTAN = resolve(process.cwd(), 'data/districts/pingtan')
const FINANCE = '平潭综合实验区财政金融局'
const POLICE = '平潭综合实验区公安局'
// c025 is 财政金融局's real 2023 report; its 上年结转 row is planted from 0 to 2 in the 总计 column.
const C025 = readFileSync(resolve(process.cwd(), 'tests/corpus/raw/c025.txt'), 'utf8')
const PLANTED = C025.replace('上年结转政府信息公开申请数量0 0 0 0 0 00', '上年结转政府信息公开申请数量0 0 0 0 0 02')

/**
 * A fake engine holding 平潭's real registry and 财政金融局's real published 2022 report (parsed from
 * the data folder), answering exactly the SQL the page's builders write; anything else fails the test.
 */
function pingtanEngine(): string[] {
  const asked: string[] = []
  const units = unitsFromCsv(readFileSync(resolve(PINGTAN, 'units.csv'), 'utf8'), 'units.csv', [])
  const prev = parseReport(new Uint8Array(readFileSync(resolve(PINGTAN, 'reports/2022/财政金融局2022.txt'))), '财政金融局2022.txt')
  if (!prev.ok) throw new Error('2022 report unreadable')
  const answers = new Map<string, unknown[]>([
    [previousYearSql('pingtan', FINANCE, 2022), [{ year: 2022, status: 'received', report_id: 42, format: 'gov2021', file: 'reports/2022/财政金融局2022.txt', source_url: null }]],
    [previousYearSql('pingtan', POLICE, 2023), [{ year: 2023, status: 'not_collected', report_id: null, format: null, file: null, source_url: null }]],
    [previousYearSql('pingtan', POLICE, 2018), []],
    [previousCellsSql('pingtan', 42), Object.entries(prev.report.cells).map(([key, value]) => ({ key, value }))],
  ])
  const connector: Connector = {
    async query<T>(sql: string) {
      asked.push(sql)
      const hit = answers.get(sql)
      if (hit) return hit as T[]
      // The registry is not asked here: it comes from the open data's JSON (below), not by swapping each district's database in.
      throw new Error(`unexpected SQL: ${sql}`)
    },
    async exec() {},
  }
  setEngineFactory(async () => connector)
  // The districts to match against come from index.json, as the page loads it; their registries from open/districts.json and open/units.json.
  const files: Record<string, unknown> = {
    'data/index.json': { districts: [{ id: 'pingtan', name: '平潭综合实验区', synthetic: false, summary: 'summary/pingtan.json', db: 'db/pingtan.duckdb' }] },
    'data/open/districts.json': [{ district: 'pingtan', name: '平潭综合实验区', city: null, province: '福建省' }],
    'data/open/units.json': units.map((u) => ({ district: 'pingtan', unit: u.name, unit_code: u.code, unit_kind: u.kind, aliases: u.aliases.join('|'), valid_from: u.valid_from, valid_to: u.valid_to })),
  }
  vi.stubGlobal('fetch', async (url: string) => {
    if (!(String(url) in files)) throw new Error(`unexpected fetch: ${url}`)
    return new Response(JSON.stringify(files[String(url)]))
  })
  return asked
}

afterEach(() => vi.unstubAllGlobals())

function mountCheck() {
  pingtanEngine()
  return mount(CheckView, { global: { plugins: [createPinia(), i18n] } })
}

/** Wait until the comparison with the previous year has settled. */
async function settled(w: ReturnType<typeof mountCheck>) {
  await vi.waitFor(() => { if (w.find('[data-previous-year]').attributes('data-status') === 'loading') throw new Error('comparing') }, { timeout: 10_000, interval: 20 })
  await flushPromises()
}

/** Choose a file in the upload's <input type=file>, as a user would. */
async function choose(w: ReturnType<typeof mountCheck>, file: File) {
  const input = w.find('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await vi.waitFor(() => { if (w.find('[data-reading]').exists()) throw new Error('still reading') }, { timeout: 10_000, interval: 20 })
  await flushPromises()
}

describe('CheckView', () => {
  it('parses an uploaded draft in the browser and redraws its official tables with findings', async () => {
    const w = mountCheck()
    await choose(w, new File([SAMPLE], 'hulan-baikui-2021.txt', { type: 'text/plain' }))
    expect(w.find('[data-meta="unit"]').text()).toBe('呼兰区白奎镇')
    expect(w.find('[data-meta="year"]').text()).toBe('2021')
    expect(w.find('[data-meta="format"]').text()).toBe('gov2021')
    expect(w.find('[data-meta="cells"]').text()).toBe('200')
    expect(w.find('[data-layout="gov2021.apply"]').exists()).toBe(true)
    // The sample leaves 四、结转下年度继续办理 blank: blank, not 0 and not "not found".
    expect(w.find('td[data-key="apply.carry_forward.total"]').attributes('data-presence')).toBe('blank')
    expect(w.find('td[data-key="apply.new.total"]').text()).toBe('0')
    const listed = w.findAll('[data-findings] [data-rule]').length
    expect(w.find('[data-summary]').text()).toMatch(/\d+ 个错误/)
    expect(w.text()).toContain(`共 ${listed} 条校验发现`)
    expect(w.find('[data-prose="other"]').text()).toContain('2021年我镇无收取信息处理费情况')
  })

  it('names the file when it cannot be read as a report', async () => {
    const w = mountCheck()
    await choose(w, new File([], 'empty.txt'))
    expect(w.find('[data-check-error]').text()).toContain('empty.txt')
    expect(w.find('[data-layout]').exists()).toBe(false)
  })

  it('tells a picture apart from a report: a parse message naming the file and why, not a failed query with a retry', async () => {
    const w = mountCheck()
    await choose(w, new File([PNG], 'screenshot.png', { type: 'image/png' }))
    const error = w.find('[data-check-error]')
    expect(error.find('strong').text()).toBe('无法作为年度报告解析')
    expect(error.find('[data-check-error-message]').text()).toBe('screenshot.png：不是文本、HTML 或 .docx 文件（二进制内容）')
    expect(w.text()).not.toContain('查询失败')
    expect(w.find('[data-retry]').exists()).toBe(false)
    expect(w.find('[data-draft-meta]').exists()).toBe(false)
  })

  it('says a text file without headings or tables is not an annual report, naming it', async () => {
    const w = mountCheck()
    await choose(w, new File(['会议纪要\n今天开会讨论了下周的工作安排。\n'], 'minutes.txt', { type: 'text/plain' }))
    expect(w.find('[data-check-error-message]').text()).toBe('minutes.txt：不是政府信息公开工作年度报告（未找到章节标题或表格）')
    expect(w.find('[data-retry]').exists()).toBe(false)
  })

  it('shows the sections found by their printed headings, not parser ids', async () => {
    const w = mountCheck()
    await choose(w, new File([SAMPLE], 'hulan-baikui-2021.txt', { type: 'text/plain' }))
    const sections = w.findAll('[data-meta="sections"] span').map((s) => s.text())
    expect(sections).toEqual(expect.arrayContaining(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']))
    expect(w.find('[data-meta="sections"]').text()).not.toMatch(/sec\.|active|apply|appeal/)
    i18n.global.locale.value = 'en'
    await flushPromises()
    try {
      expect(w.findAll('[data-meta="sections"] span').map((s) => s.text())).toContain('III. Disclosure applications received and handled')
    } finally {
      i18n.global.locale.value = 'zh'
    }
  })

  it('downloads the findings as a checklist CSV: rule, level, cells, Chinese message, done', async () => {
    const w = mountCheck()
    // c027 breaks its own 四 totals, so it has findings to list.
    await choose(w, new File([PDF], 'c027.pdf', { type: 'application/pdf' }))
    const blobs: Blob[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:checklist' })
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { expect(this.download).toBe('c027-checklist.csv') })
    try {
      await w.find('[data-checklist]').trigger('click')
      expect(click).toHaveBeenCalledTimes(1)
      const text = await blobs[0]!.text()
      const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n')
      expect(lines[0]).toBe('规则,级别,涉及单元格,说明,已改')
      // First the suspect-cell row: c027's broken 四 total could be any of its cells, so no value is suggested.
      expect(lines[1]).toMatch(/^最可能出错,,.*\[review\.total\].*,以下单元格均可能出错，证据不足以确定一个/)
      const rows = lines.slice(2)
      const listed = w.findAll('[data-findings] [data-rule]')
      expect(listed.length).toBeGreaterThan(0)
      expect(rows.length).toBe(listed.length)
      const first = listed[0]!
      expect(rows[0]).toContain(`${first.attributes('data-rule')},`)
      expect(rows[0]).toContain(first.find('.finding-list__message').text())
      const withCells = listed.findIndex((f) => f.find('.finding-list__cell').exists())
      if (withCells >= 0) expect(rows[withCells]).toContain(`[${listed[withCells]!.find('.finding-list__cell').attributes('title')}]`)
      // Every row ends with the empty "done" column to tick.
      expect(lines.slice(1).every((l) => l.endsWith(','))).toBe(true)
    } finally {
      create.mockRestore(); revoke.mockRestore(); click.mockRestore()
    }
  }, 60_000)

  it('reads a real PDF draft (pdf.js, text layer) and redraws its tables', async () => {
    const w = mountCheck()
    await choose(w, new File([PDF], 'c027.pdf', { type: 'application/pdf' }))
    expect(w.find('[data-check-error]').exists()).toBe(false)
    expect(w.find('[data-meta="unit"]').text()).toBe('洪泽区人民政府')
    expect(w.find('[data-layout="gov2021.appeal"] td[data-key="review.maintained"]').text()).toContain('10')
  }, 60_000)
})

describe('CheckView against the previous published year', { timeout: 30_000 }, () => {
  it('names the unit, shows C1 with both cells and values, links last year’s report and points at the planted cell', async () => {
    const w = mountCheck()
    await choose(w, new File([PLANTED], 'c025.txt', { type: 'text/plain' }))
    await settled(w)
    expect(w.find('[data-prev-unit]').text()).toContain(`草稿单位：${FINANCE}（平潭综合实验区）`)
    const c1 = w.find('[data-prev-state="mismatch"] [data-rule="C1"]')
    expect(c1.find('[data-pair]').text()).toBe('本稿“二、上年结转政府信息公开申请数量 · 总计” 2 ≠ 2022 年报告的“四、结转下年度继续办理 · 总计” 0')
    expect(w.find('[data-prev-link]').attributes('href')).toBe(`#/unit/${encodeURIComponent(FINANCE)}?district=pingtan&year=2022`)
    // The main findings list carries the cross-year finding too.
    expect(w.find('[data-findings] [data-rule="C1"]').exists()).toBe(true)
    // The C1 finding counts in the summary beside the draft's own A1/A3.
    expect(w.find('[data-summary]').text()).toMatch(/^2 个错误，1 个警告/)
    const likely = w.find('[data-suspect="likely"]')
    expect(likely.attributes('data-key')).toBe('apply.carried_over.total')
    expect(likely.text()).toContain('最可能出错的单元格：三、收到和处理政府信息公开申请情况 › 二、上年结转政府信息公开申请数量 › 总计（现为 2，使各项相符应为 0）')
    expect(likely.text()).toContain('A1、A3、C1')
    i18n.global.locale.value = 'en'
    await flushPromises()
    try {
      expect(w.find('[data-pair]').text()).toBe('Draft “II. Applications carried over from last year / Total” 2 ≠ “IV. Carried forward to next year / Total” 0 in the 2022 report')
      expect(w.find('[data-suspect="likely"] button').text()).toBe('Most likely wrong cell: III. Disclosure applications received and handled › II. Applications carried over from last year › Total (now 2; 0 would make every sum agree)')
      expect(w.find('[data-prev-link]').attributes('href')).toContain('&lang=en')
    } finally {
      i18n.global.locale.value = 'zh'
    }
    await flushPromises()
    // Clicking it selects the cell in the redrawn tables.
    await likely.find('button').trigger('click')
    expect(w.find('td[data-key="apply.carried_over.total"]').classes().join(' ')).toMatch(/selected/)
  })

  it('puts the suspect cell and the cross-year finding in the checklist CSV', async () => {
    const w = mountCheck()
    await choose(w, new File([PLANTED], 'c025.txt', { type: 'text/plain' }))
    await settled(w)
    const blobs: Blob[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:checklist' })
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      await w.find('[data-checklist]').trigger('click')
      const lines = (await blobs[0]!.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
      expect(lines[1]).toBe('最可能出错,,二、上年结转政府信息公开申请数量 · 总计 [apply.carried_over.total],三、收到和处理政府信息公开申请情况 › 二、上年结转政府信息公开申请数量 › 总计：现为 2，使各项相符应为 0（A1、A3、C1）,')
      expect(lines.some((l) => l.startsWith('C1,警告,') && l.includes('2023年“二、上年结转”总计=2，但2022年“四、结转下年度继续办理”总计=0'))).toBe(true)
    } finally {
      create.mockRestore(); revoke.mockRestore(); click.mockRestore()
    }
  })

  it('says the previous year is not published here, with its coverage status, instead of staying silent', async () => {
    const w = mountCheck()
    await choose(w, new File([readFileSync(resolve(process.cwd(), 'tests/corpus/raw/c003.txt'))], 'c003.txt', { type: 'text/plain' }))
    await settled(w)
    expect(w.find('[data-prev-unit]').text()).toContain(POLICE)
    expect(w.find('[data-prev-state="not-received"]').text()).toContain(`${POLICE} 2023 年报告：未收录`)
    expect(w.find('[data-prev-state="mismatch"]').exists()).toBe(false)
  })

  it('says the data holds no previous year at all for a draft of the first collected year', async () => {
    const w = mountCheck()
    await choose(w, new File([readFileSync(resolve(process.cwd(), 'tests/corpus/raw/c002.txt'))], 'c002.txt', { type: 'text/plain' }))
    await settled(w)
    expect(w.find('[data-prev-state="outside"]').text()).toContain(`本站数据不含 ${POLICE} 2018 年度`)
  })

  it('shows a failed query as an error with a retry, not as “no previous year”', async () => {
    const w = mountCheck()
    setEngineFactory(async () => ({ async query() { throw new Error('engine gone') }, async exec() {} }))
    await choose(w, new File([PLANTED], 'c025.txt', { type: 'text/plain' }))
    await settled(w)
    expect(w.find('[data-previous-year] [data-error-panel]').exists()).toBe(true)
    expect(w.find('[data-prev-state]').exists()).toBe(false)
    // The draft's own sums still point at the cell.
    expect(w.find('[data-suspect="likely"]').attributes('data-key')).toBe('apply.carried_over.total')
  })

  it('lets the user pick the unit when the draft’s name matches none, then compares', async () => {
    const w = mountCheck()
    const renamed = PLANTED.replaceAll('平潭综合实验区财政金融局', '某某委员会')
    await choose(w, new File([renamed], '某某委员会2023.txt', { type: 'text/plain' }))
    await settled(w)
    expect(w.find('[data-prev-unit="missing"]').text()).toContain('某某委员会')
    expect(w.find('[data-prev-state="mismatch"]').exists()).toBe(false)
    // Without the comparison only the draft's own sums point at the cell: A1 and A3.
    expect(w.find('[data-suspect="likely"]').text()).toContain('A1、A3')
    await w.find('select[data-pick="unit"]').setValue(FINANCE)
    await settled(w)
    expect(w.find('[data-prev-state="mismatch"] [data-rule="C1"] [data-pair]').text()).toContain('≠ 2022 年报告')
    expect(w.find('[data-suspect="likely"]').text()).toContain('A1、A3、C1')
  })
})
