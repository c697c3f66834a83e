import { useI18n } from 'vue-i18n'
import type { ProvinceMetric } from '~/charts/options/province-data'
import { metricDef } from '~/report/metrics'

/**
 * Names and definitions of the province view's metrics. The report metrics it sums (新收, 办结,
 * 公开率, 复议, 诉讼, 纠错率) are named and defined where every other page takes them from
 * (src/report/metrics.ts), so a renamed or redefined metric changes here too; only the index's own
 * 收录率 and 错误 have words of their own (province.metrics).
 */
export function useProvinceMetricText() {
  const { t, locale } = useI18n()
  const lang = () => (locale.value === 'en' ? 'en' : 'zh')
  const label = (m: ProvinceMetric): string => metricDef(m)?.label[lang()] ?? t(`province.metrics.${m}`)
  /** What the metric means and which printed cells it reads; the index's own metrics say it in their label. */
  const definition = (m: ProvinceMetric): string => metricDef(m)?.definition[lang()] ?? label(m)
  return { label, definition }
}
