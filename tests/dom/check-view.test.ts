import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { pathToFileURL } from 'node:url'
import { i18n } from '~/i18n'
import { setPdfAssets } from '~/report/parse/pdf-options'
import CheckView from '~/views/CheckView.vue'

// happy-dom replaces URL, so the fixture is found from the project root instead of import.meta.url.
const SAMPLE = readFileSync(resolve(process.cwd(), 'tests/fixtures/shared/hulan-baikui-2021.txt'))
// The page names pdf.js's worker by its Vite asset URL, which only a served build resolves; under
// happy-dom the same worker file is named by its path on disk (the parser path is unchanged).
setPdfAssets({ workerSrc: pathToFileURL(resolve(process.cwd(), 'node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs')).href })
const PDF = readFileSync(resolve(process.cwd(), 'tests/corpus/raw/c027.pdf'))
// The first bytes of a real PNG: what a user choosing a screenshot of the report hands over.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])

function mountCheck() {
  return mount(CheckView, { global: { plugins: [createPinia(), i18n] } })
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
      const listed = w.findAll('[data-findings] [data-rule]')
      expect(listed.length).toBeGreaterThan(0)
      expect(lines.length - 1).toBe(listed.length)
      const first = listed[0]!
      expect(lines[1]).toContain(`${first.attributes('data-rule')},`)
      expect(lines[1]).toContain(first.find('.finding-list__message').text())
      const withCells = listed.findIndex((f) => f.find('.finding-list__cell').exists())
      if (withCells >= 0) expect(lines[withCells + 1]).toContain(`[${listed[withCells]!.find('.finding-list__cell').attributes('title')}]`)
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
