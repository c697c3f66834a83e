import type { EChartsOption } from 'echarts'
import type { CorrectionRow } from '~/db/sql/appeal'
import { correctionTooltip, RESULT_COLORS } from './appeal-results'
import { formatValue } from './compare-helpers'

/** Texts of the correction-rate ranking (from i18n). */
export interface CorrectionLabels {
  rate: string
  corrected: string
  concluded: string
}

/**
 * Units ranked by correction rate (纠正 ÷ 审结), as horizontal bars labelled "rate (corrected/
 * concluded)" so a 100 % from one case is not mistaken for a pattern. Units with nothing concluded
 * keep a row with no bar. `highlighted` marks the crossfilter unit.
 */
export function appealCorrectionOption(rows: readonly CorrectionRow[], labels: CorrectionLabels, opts: { highlighted: string | null }): EChartsOption {
  return {
    grid: { left: 8, right: 88, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const r = rows[(p as { dataIndex: number }).dataIndex]
        return r ? correctionTooltip(r.unit, r.rate, r.corrected, r.concluded, labels) : ''
      },
    },
    xAxis: { type: 'value', max: 1, position: 'top', axisLabel: { hideOverlap: true, formatter: (v: number) => formatValue(v, true) } },
    yAxis: { type: 'category', inverse: true, triggerEvent: true, data: rows.map((r) => r.unit), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: labels.rate,
        barMaxWidth: 18,
        data: rows.map((r) => ({
          value: r.rate ?? '-',
          unit: r.unit,
          itemStyle: { color: r.unit === opts.highlighted ? '#e08a3c' : RESULT_COLORS.corrected },
          label: { formatter: `${formatValue(r.rate, true)} (${formatValue(r.corrected, false)}/${formatValue(r.concluded, false)})` },
        })),
        label: { show: true, position: 'right' },
      },
    ],
  }
}
