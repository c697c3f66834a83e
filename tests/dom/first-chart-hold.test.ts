/**
 * On a first visit the views' tables draw after the page's first chart (src/charts/first-chart.ts):
 * a table mounted while the app holds shows a box of about its height, then its rows once the
 * chart is drawn (or the fallback time has passed); a table that is the page's content (`eager`)
 * and any table mounted when nothing is held draw at once.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '~/i18n'

const rows = [{ unit: '甲镇', n: 3 }, { unit: '乙镇', n: 4 }]
const columns = [{ prop: 'unit', label: '单位' }, { prop: 'n', label: '数量' }]

// The hold is module state: each test gets fresh modules and a fresh <html>.
async function load() {
  vi.resetModules()
  const hold = await import('~/charts/first-chart')
  const TableCard = (await import('~/components/common/TableCard.vue')).default
  const table = (extra: Record<string, unknown> = {}) => mount(TableCard, { props: { id: 't', title: '表', rows, columns, ...extra }, global: { plugins: [i18n] } })
  return { ...hold, table }
}
beforeEach(() => {
  delete document.documentElement.dataset.firstChart
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

const settle = async () => {
  await vi.runOnlyPendingTimersAsync() // requestAnimationFrame, then the timeout after it
  await vi.runOnlyPendingTimersAsync()
  await flushPromises()
}

describe('tables wait for the first chart on a first visit', () => {
  it('shows a box while held, the rows once the first chart is drawn, and sets the test hook', async () => {
    const { holdUntilFirstChart, markChartDrawn, table } = await load()
    holdUntilFirstChart(60_000)
    const w = table()
    await flushPromises()
    expect(w.find('[data-table-pending]').exists()).toBe(true)
    expect(w.text()).not.toContain('甲镇')
    markChartDrawn()
    expect(document.documentElement.dataset.firstChart).toBe('1')
    await settle()
    expect(w.find('[data-table-pending]').exists()).toBe(false)
    expect(w.text()).toContain('甲镇')
  })

  it('draws after the fallback time when no chart is drawn', async () => {
    const { holdUntilFirstChart, table } = await load()
    holdUntilFirstChart(2000)
    const w = table()
    await vi.advanceTimersByTimeAsync(1900)
    expect(w.find('[data-table-pending]').exists()).toBe(true)
    await vi.advanceTimersByTimeAsync(200)
    await settle()
    expect(w.text()).toContain('乙镇')
  })

  it('an eager table, and every table when nothing is held, draws at once', async () => {
    const { holdUntilFirstChart, table } = await load()
    const free = table()
    await flushPromises()
    expect(free.find('[data-table-pending]').exists()).toBe(false)
    expect(free.text()).toContain('甲镇')
    holdUntilFirstChart(60_000)
    const eager = table({ eager: true })
    await flushPromises()
    expect(eager.find('[data-table-pending]').exists()).toBe(false)
    expect(eager.text()).toContain('甲镇')
  })
})

describe('charts under the hold', () => {
  it('one chart, the first ready, draws at once; the others are held', async () => {
    const { holdUntilFirstChart, claimFirstChart, afterFirstChart, markChartDrawn } = await load()
    expect(afterFirstChart()).toBeNull() // nothing held: every chart draws
    holdUntilFirstChart(60_000)
    expect(afterFirstChart()).not.toBeNull()
    expect(claimFirstChart()).toBe(true)
    expect(claimFirstChart()).toBe(false)
    markChartDrawn()
    // Still held in the task that drew the first chart (ECharts draws without animation at once,
    // and the next chart asks in the same task); open once the chart has been painted.
    expect(afterFirstChart()).not.toBeNull()
    await settle()
    expect(afterFirstChart()).toBeNull()
  })
})
