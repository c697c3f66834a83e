import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { i18n } from '~/i18n'
import CheckView from '~/views/CheckView.vue'

// happy-dom replaces URL, so the fixture is found from the project root instead of import.meta.url.
const SAMPLE = readFileSync(resolve(process.cwd(), 'tests/fixtures/shared/hulan-baikui-2021.txt'))

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
    expect(w.find('[data-error-panel]').text()).toContain('empty.txt')
    expect(w.find('[data-layout]').exists()).toBe(false)
  })
})
