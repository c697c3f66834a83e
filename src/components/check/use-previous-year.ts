import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { previousCellsSql, previousYearSql, type PreviousCellRow, type PreviousYearRow } from '~/db/sql/check'
import type { CoverageStatus } from '~/db/schema'
import { openJsonUrl } from '~/db/data-files'
import { districtRegistrySpec, registrySpecFromRows, type DistrictPlaceRow, type RegistryUnitRow } from '~/local/district-registry'
import type { RegistrySpec } from '~/local/types'
import type { DetectedFormat } from '~/report/model/types'
import type { Finding, ParseResult } from '~/report/types'
import { useDbStore } from '~/stores/db'
import { fetchJson, useSummaryStore } from '~/stores/summary'
import { crossYearFindings, type YearCells } from './cross-year'
import { matchDraftUnit, type DistrictUnits, type DraftUnitMatch, type UnitChoice } from './draft-unit'

/** The unit's previous year as the published data holds it. */
export interface PreviousYear {
  district: string
  unit: string
  year: number
  /** Coverage status of that unit-year; null when the year is outside the district's grid. */
  status: CoverageStatus | null
  /** The report that counts for it, with its cells; null when none was received. */
  report: (YearCells & { reportId: number; file: string | null; sourceUrl: string | null }) | null
}

/** Every published district's registry, from open/districts.json and open/units.json. */
async function openRegistries(): Promise<Map<string, RegistrySpec>> {
  const [places, units] = await Promise.all([
    fetchJson<(DistrictPlaceRow & { district: string })[]>(openJsonUrl('districts')),
    fetchJson<(RegistryUnitRow & { district: string })[]>(openJsonUrl('units')),
  ])
  const unitsOf = new Map<string, RegistryUnitRow[]>()
  for (const u of units) {
    const rows = unitsOf.get(u.district)
    if (rows) rows.push(u)
    else unitsOf.set(u.district, [u])
  }
  return new Map(places.map((p) => [p.district, registrySpecFromRows(p.district, p, unitsOf.get(p.district) ?? [])]))
}

/**
 * The draft check's comparison with the previous published year: loads the districts' registries,
 * matches the draft's unit (the user may correct it), reads year − 1 of that unit from the data and
 * runs the cross-year rules on the pair. Everything runs in the browser (the previous year in its engine).
 */
export function usePreviousYear(report: Ref<ParseResult | null>, preferredDistrict: Ref<string | null>) {
  const db = useDbStore()
  const summary = useSummaryStore()
  const districts = shallowRef<DistrictUnits[]>([])
  const match = shallowRef<DraftUnitMatch | null>(null)
  /** The unit the comparison uses: the matched one, or what the user chose. */
  const choice = ref<UnitChoice | null>(null)
  const previous = shallowRef<PreviousYear | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = shallowRef<Error | null>(null)
  let asked = 0

  async function loadDistricts(): Promise<DistrictUnits[]> {
    if (districts.value.length) return districts.value
    // The districts index.json lists (and the browser's own), not the engine's districts table: the
    // engine holds one district's database at a time. The published registries come from the open
    // data's two small all-district files — asking the engine would swap (download) every district's
    // database in turn; a district kept in this browser only (no database file) is in the engine.
    await summary.loadIndex()
    const list = summary.districts
    const published = list.some((d) => d.db) ? await openRegistries() : new Map<string, RegistrySpec>()
    const out: DistrictUnits[] = []
    for (const d of list) {
      const s = d.db ? published.get(d.id) : await districtRegistrySpec(db.query, d.id)
      if (!s) throw new Error(`${openJsonUrl('districts')} has no district "${d.id}" (listed in index.json)`)
      if (s.kind === 'district') out.push({ district: s.district, name: d.name, info: s.info, units: s.units })
    }
    districts.value = out
    return districts.value
  }

  async function readPrevious(c: UnitChoice, year: number): Promise<PreviousYear> {
    const [row] = await db.query<PreviousYearRow>(previousYearSql(c.district, c.unit, year))
    if (!row || row.report_id === null) return { ...c, year, status: row?.status ?? null, report: null }
    const cells: Record<string, number | null> = {}
    for (const cell of await db.query<PreviousCellRow>(previousCellsSql(c.district, row.report_id))) cells[cell.key] = cell.value
    return {
      ...c, year, status: row.status,
      report: { year, format: (row.format ?? 'unknown') as DetectedFormat, cells, reportId: row.report_id, file: row.file, sourceUrl: row.source_url },
    }
  }

  /** Match the draft (again), then compare. */
  async function run(): Promise<void> {
    const r = report.value
    const mine = ++asked
    previous.value = null
    error.value = null
    if (!r) {
      match.value = null
      choice.value = null
      status.value = 'idle'
      return
    }
    status.value = 'loading'
    try {
      const ds = await loadDistricts()
      if (mine !== asked) return
      const m = matchDraftUnit(ds, r.meta.unit, r.meta.file, preferredDistrict.value)
      match.value = m
      // Unmatched: the selects start on the district being viewed (or the first one), no unit yet.
      const start = ds.find((d) => d.district === preferredDistrict.value) ?? ds[0]
      choice.value = m.kind === 'matched' ? m.choice : m.kind === 'ambiguous' ? { district: m.options[0]!.district, unit: '' } : start ? { district: start.district, unit: '' } : null
      await compare(mine)
    } catch (e) {
      if (mine !== asked) return
      error.value = e instanceof Error ? e : new Error(String(e))
      status.value = 'error'
    }
  }

  async function compare(mine = ++asked): Promise<void> {
    const r = report.value
    const c = choice.value
    previous.value = null
    if (!r || !c || !c.unit || r.meta.year === null) {
      status.value = 'ready'
      return
    }
    status.value = 'loading'
    try {
      const p = await readPrevious(c, r.meta.year - 1)
      if (mine !== asked) return
      previous.value = p
      status.value = 'ready'
    } catch (e) {
      if (mine !== asked) return
      error.value = e instanceof Error ? e : new Error(String(e))
      status.value = 'error'
    }
  }

  /** The user corrects the unit (or district): compare with that unit instead. */
  function choose(c: UnitChoice | null): void {
    choice.value = c
    void compare()
  }

  /** The draft as the cross-year rules read it (null without a year). */
  const draftYear = computed<YearCells | null>(() => {
    const r = report.value
    return r && r.meta.year !== null ? { year: r.meta.year, format: r.meta.format, cells: r.cells } : null
  })

  /** The cross-year findings of the draft against the previous published year. */
  const findings = computed<Finding[]>(() => {
    const d = draftYear.value
    const p = previous.value?.report
    return d && p ? crossYearFindings(d, p) : []
  })

  watch(report, () => void run())

  return { districts, match, choice, previous, status, error, findings, draftYear, choose, retry: run }
}
