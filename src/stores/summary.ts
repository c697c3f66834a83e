import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { INDEX_JSON, summaryUrl, type DistrictEntry } from '~/db/data-files'
import type { DistrictSummary } from '~/db/summary'

/** Downloads index.html started before the app loaded (URL → parsed JSON). */
declare global {
  interface Window {
    __govPrefetch?: Record<string, Promise<unknown> | undefined>
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  const early = typeof window === 'undefined' ? undefined : window.__govPrefetch?.[url]
  if (early) {
    delete window.__govPrefetch![url] // use once: a retry must really fetch again
    try {
      return (await early) as T
    } catch {
      // fall through to a fresh fetch, which reports the error with its own message
    }
  }
  const res = await fetch(url)
  if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}`)
  try {
    return (await res.json()) as T
  } catch (err) {
    throw new Error(`${url} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/**
 * The district list (index.json) and the current district's summary JSON: the first paint's data,
 * available long before the DuckDB engine. Loads each summary once per district.
 */
export const useSummaryStore = defineStore('summary', () => {
  const districts = ref<DistrictEntry[]>([])
  const summary = shallowRef<DistrictSummary | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<string | null>(null)
  let indexLoad: Promise<DistrictEntry[]> | null = null
  const loaded = new Map<string, DistrictSummary>()
  let wanted: string | null = null

  /** Load index.json once. */
  function loadIndex(): Promise<DistrictEntry[]> {
    indexLoad ??= fetchJson<{ districts: DistrictEntry[] }>(INDEX_JSON).then(
      (idx) => {
        if (!Array.isArray(idx?.districts)) throw new Error(`${INDEX_JSON} has no "districts" list`)
        districts.value = idx.districts
        return idx.districts
      },
      (err: unknown) => {
        indexLoad = null
        throw err
      },
    )
    return indexLoad
  }

  /** Load (or take from memory) the summary of a district; null id = the first district. */
  async function load(id: string | null): Promise<void> {
    status.value = 'loading'
    error.value = null
    try {
      const list = await loadIndex()
      const entry = list.find((d) => d.id === id) ?? list[0]
      if (!entry) throw new Error(`${INDEX_JSON} lists no district`)
      if (id && entry.id !== id) throw new Error(`Unknown district "${id}" (known: ${list.map((d) => d.id).join(', ')})`)
      wanted = entry.id
      const s = loaded.get(entry.id) ?? (await fetchJson<DistrictSummary>(summaryUrl(entry)))
      loaded.set(entry.id, s)
      if (wanted !== entry.id) return // a later load() superseded this one
      summary.value = s
      status.value = 'ready'
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
      status.value = 'error'
    }
  }

  return { districts, summary, status, error, loadIndex, load }
})
