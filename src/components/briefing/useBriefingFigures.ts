import { computed, type Ref } from 'vue'
import { buildKpis, kpiBasis } from '~/charts/options/overview-kpis'
import { yearsFromRows } from '~/charts/options/overview-data'
import { changeFromRows } from '~/composables/kpi-change'
import { useOverviewQuery } from '~/composables/useOverviewQuery'
import { useQuery } from '~/composables/useQuery'
import { likeForLikeSql, type LikeForLikeRow } from '~/db/sql/overview-change'
import type { Scope } from '~/db/sql/scope'

/**
 * The briefing's key figures: the 总览's own per-year totals (useOverviewQuery), its KPI tiles with
 * the "基于 n/N 份报告" basis and suppression rule (buildKpis, kpiBasis) and its like-for-like change
 * (likeForLikeSql) — the same numbers as the overview, over the whole district (no kind filter).
 */
export function useBriefingFigures(scope: Ref<Scope | null>, year: Ref<number | null>, lang: Ref<'zh' | 'en'>) {
  const live = useOverviewQuery(() => scope.value)
  const years = computed(() => (live.rows.value ? yearsFromRows(live.rows.value) : null))
  const like = useQuery<LikeForLikeRow>(() => (scope.value && year.value !== null ? likeForLikeSql(scope.value, year.value) : null))
  const change = computed(() => (year.value !== null && like.status.value === 'ready' && like.rows.value ? changeFromRows(like.rows.value, year.value) : null))
  const basis = computed(() => (years.value ? kpiBasis(years.value, year.value) : null))
  const kpis = computed(() => (years.value ? buildKpis(years.value, year.value, lang.value, change.value) : []))
  const current = computed(() => years.value?.find((y) => y.year === year.value) ?? null)
  return { live, like, years, change, basis, kpis, current }
}
