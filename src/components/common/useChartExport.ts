import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ChartOption } from '~/charts/echarts'
import { legendEntries } from '~/charts/export-legend'
import { chartImage, composeChartPng, exportLines } from '~/charts/export-png'
import { useScope } from '~/composables/useScope'
import { useFiltersStore } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'
import { downloadBlob } from './csv'
import { kindLabel } from './kinds'

/** What the card knows about its chart at the moment of saving. */
export interface ChartToSave {
  id: string
  title: string
  option: ChartOption | null
  /** The chart's drawn size in CSS pixels; null when it is not on screen. */
  size: { width: number; height: number } | null
}

/** Image pixels per CSS pixel: sharp on a projector, still a small file. */
const PIXEL_RATIO = 2

/**
 * The chart card's "save image": the chart redrawn off screen, framed by its title, the view's
 * scope (district, year and range, unit kinds and units, the cross-filter), its full legend, the
 * source and time, and the synthetic-data mark for generated districts; downloaded as
 * `<chart>-<district>-<year>.png`.
 */
export function useChartExport(current: () => ChartToSave) {
  const { t, locale } = useI18n()
  const filters = useFiltersStore()
  const summaryStore = useSummaryStore()
  const { district, year, yearRange, synthetic } = useScope()
  const saving = ref(false)

  async function save(): Promise<void> {
    const chart = current()
    if (!chart.option || saving.value) return
    saving.value = true
    try {
      const lang = locale.value === 'en' ? 'en' : 'zh'
      const districtName = summaryStore.districts.find((d) => d.id === district.value)?.name ?? summaryStore.summary?.name ?? district.value ?? ''
      const lines = exportLines(
        chart.title,
        {
          districtName,
          synthetic: synthetic.value,
          year: year.value,
          yearRange: yearRange.value,
          kinds: filters.state.kinds.map((k) => kindLabel(k, lang)),
          units: filters.state.units,
          crossUnit: filters.state.xUnit,
          crossYear: filters.state.xYear,
        },
        t,
        new Date(),
        location.href,
        lang,
      )
      const width = chart.size?.width || 720
      const height = chart.size?.height || 360
      const chartUrl = await chartImage(chart.option, width, height, PIXEL_RATIO)
      const png = await composeChartPng({ chartUrl, width, height, lines, legend: legendEntries(chart.option), pixelRatio: PIXEL_RATIO })
      downloadBlob(png, [chart.id, district.value, year.value].filter((p) => p !== null && p !== '').join('-') + '.png')
    } catch (err) {
      console.error(`Chart "${chart.id}": the image could not be saved: ${err instanceof Error ? err.message : String(err)}`)
    } finally {
      saving.value = false
    }
  }

  return { save, saving }
}
