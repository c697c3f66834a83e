import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Router } from 'vue-router'
import type { DistrictEntry } from '~/db/data-files'
import { PREBUILT_FORMAT, PREBUILT_VIEWS, prebuiltKey, prebuiltPath, type PrebuiltFile, type PrebuiltInfo, type PrebuiltView } from '~/db/prebuilt'
import { idle } from '~/util/idle'
import { perfMeasure, perfNow } from '~/util/perf'
import { useFiltersStore } from './filters'
import { useSummaryStore } from './summary'

/** A district entry of index.json, with its prebuilt files when the build wrote them. */
export type PrebuiltEntry = DistrictEntry & { prebuilt?: PrebuiltInfo }

/** Take a download index.html started before the app loaded (URL → parsed JSON), once. */
function early(url: string): Promise<unknown> | undefined {
  const pre = typeof window === 'undefined' ? undefined : window.__govPrefetch
  const p = pre?.[url]
  if (p) delete pre![url]
  return p
}

/** A prebuilt file's results, or null when it is not usable (another build's, another layout, missing). */
function usable(file: unknown, info: PrebuiltInfo): Record<string, unknown[]> | null {
  const f = file as Partial<PrebuiltFile> | null
  if (!f || f.format !== PREBUILT_FORMAT || f.digest !== info.digest || typeof f.results !== 'object' || f.results === null) return null
  return f.results
}

/**
 * Results the data build computed ahead of the engine (src/db/prebuilt.ts), by SQL text. useQuery
 * asks {@link lookup} before the engine: a hit paints at once. Files are read per district and
 * view (the default state first, then the states one click away); a file whose digest is not
 * the one index.json lists for the database is from another build and is ignored, as is one that
 * fails to load — the view then simply waits for the engine, as it would without prebuilt files.
 */
export const usePrebuiltStore = defineStore('prebuilt', () => {
  const results = new Map<string, unknown[]>()
  /** Bumped whenever results arrive, so a query that missed looks again. */
  const version = ref(0)
  const loads = new Map<string, Promise<void>>()

  /** The prebuilt rows of this exact SQL text, if any. */
  function lookup<T>(sql: string): T[] | undefined {
    return results.get(prebuiltKey(sql)) as T[] | undefined
  }

  /** Read one file (once per URL); a failure is a miss, never an error shown. */
  function loadFile(path: string, info: PrebuiltInfo): Promise<void> {
    const url = `data/${path}`
    let load = loads.get(url)
    if (!load) {
      const t = perfNow()
      load = (early(url) ?? fetch(url).then((r) => (r.ok ? r.json() : null)))
        .then((file) => {
          const got = usable(file, info)
          if (!got) return
          for (const [k, rows] of Object.entries(got)) if (Array.isArray(rows)) results.set(k, rows)
          version.value++
          perfMeasure('prebuilt', t, { url, results: Object.keys(got).length })
        })
        .catch(() => {})
      loads.set(url, load)
    }
    return load
  }

  /**
   * Load a view's prebuilt results for a district: its default state first, then the states one
   * click away — at once when the page opened in one of them (`moreNow`: a link with a year or kind),
   * else once the page is idle.
   */
  async function want(entry: PrebuiltEntry | undefined, view: string, unit?: string, moreNow = false): Promise<void> {
    const info = entry?.prebuilt
    if (!info || !(PREBUILT_VIEWS as readonly string[]).includes(view) || !info.views.includes(view as PrebuiltView)) return
    const v = view as PrebuiltView
    if (v === 'unit' && !unit) return
    await loadFile(prebuiltPath(info, v, { unit }), info)
    // The states one click away are a larger file: read once the page is idle, not while it draws its first chart.
    if (!moreNow) await idle(500)
    await loadFile(prebuiltPath(info, v, { unit, more: true }), info)
  }

  return { version, lookup, want }
})

/**
 * Load the prebuilt files of the current view and district as soon as both are known: the route
 * (its name, and the unit of the unit page) and index.json (the summary store loads it at start).
 */
export function bindPrebuiltToRouter(router: Router): () => void {
  const prebuilt = usePrebuiltStore()
  const summary = useSummaryStore()
  const filters = useFiltersStore()
  return watch(
    [() => router.currentRoute.value, () => summary.districts, () => filters.state.district, () => summary.summary],
    ([route, districts, id, current]) => {
      const list = districts as PrebuiltEntry[]
      const entry = id ? list.find((d) => d.id === id) : list[0]
      // The unit page's file exists for registry names only: ask once the summary says the name is one (an alias waits for the engine).
      const param = route.params.unit
      const unit = typeof param === 'string' && current?.district === entry?.id && current?.units.some((u) => u.unit === param) ? param : undefined
      // A link that opens on another year or kind needs the states-one-click-away file for its first screen.
      const moreNow = ['year', 'kind', 'from', 'to'].some((k) => k in route.query)
      void prebuilt.want(entry, String(route.name ?? ''), unit, moreNow)
    },
    { immediate: true },
  )
}
