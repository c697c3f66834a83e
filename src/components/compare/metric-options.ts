import { CELLS, SECTION_LABELS, type TableSection } from '~/report/model'
import { METRICS, type MetricGroup } from '~/report/metrics'

/** One option of the metric selector. */
export interface MetricOption {
  key: string
  label: string
}

/** A labelled group of the metric selector. */
export interface MetricOptionGroup {
  id: string
  label: string
  options: MetricOption[]
}

const GROUP_ORDER: readonly MetricGroup[] = ['applications', 'outcomes', 'applicants', 'appeal', 'rates']
const SECTIONS: readonly TableSection[] = ['active', 'apply', 'appeal']

/**
 * The metric selector's groups: the derived metrics of src/report/metrics.ts by their group, then
 * every cell of the format model under its printed section title (二、三、四), labelled with its
 * printed row and column labels. `groupLabel` names the derived groups in the UI language.
 */
export function metricOptionGroups(lang: 'zh' | 'en', groupLabel: (g: MetricGroup) => string): MetricOptionGroup[] {
  const derived = GROUP_ORDER.map((g) => ({
    id: `derived.${g}`,
    label: groupLabel(g),
    options: METRICS.filter((m) => m.group === g).map((m) => ({ key: m.key, label: m.label[lang] })),
  })).filter((g) => g.options.length > 0)
  const cells = SECTIONS.map((s) => ({
    id: `section.${s}`,
    label: SECTION_LABELS[s][lang],
    options: CELLS.filter((c) => c.section === s).map((c) => ({ key: c.key, label: c.label[lang] })),
  }))
  return [...derived, ...cells]
}
