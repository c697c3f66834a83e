import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '~/i18n'
import EChart from '~/charts/EChart.vue'

// The extra chart types (heatmap, sankey …) come in a chunk downloaded on first need. Here that
// download fails the first time — as a dropped connection would — and works on retry.
const download = vi.hoisted(() => ({ fail: true, attempts: 0 }))
vi.mock('~/charts/echarts-extra', async (importOriginal) => {
  download.attempts++
  if (download.fail) throw new Error('Failed to fetch dynamically imported module: echarts-extra.js')
  return importOriginal()
})

// happy-dom has no canvas: the ECharts instance is replaced by a recorder; the lazy loading
// (prepareOption) is the real one.
const drawn: unknown[] = []
vi.mock('~/charts/echarts', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/charts/echarts')>()
  return {
    ...real,
    createChart: () => ({
      on: () => {},
      setOption: (option: unknown) => drawn.push(option),
      dispose: () => {},
      resize: () => {},
      getDataURL: () => '',
    }),
  }
})

afterEach(() => vi.restoreAllMocks())

describe('EChart when its chart type cannot be downloaded', () => {
  it('shows an error with a retry in the card, and draws once the retry loads the type', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const heatmap = { visualMap: { min: 0, max: 1 }, series: [{ type: 'heatmap', data: [] }] }
    const w = mount(EChart, { props: { id: 'grid', option: heatmap }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await vi.waitFor(() => expect(w.find('[data-chart-error="grid"]').exists()).toBe(true))

    const alert = w.get('[data-chart-error="grid"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('图表组件下载失败')
    expect(drawn).toEqual([])
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('Chart "grid": could not load its chart type'))

    download.fail = false
    await alert.get('button').trigger('click')
    await vi.waitFor(() => expect(drawn).toHaveLength(1))
    expect(download.attempts).toBe(2)
    expect(w.find('[data-chart-error="grid"]').exists()).toBe(false)
    expect(drawn[0]).toMatchObject({ series: [{ type: 'heatmap' }] })
    w.unmount()
  })
})
