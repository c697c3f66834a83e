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

/** Fetch and parse a JSON file of the data folder (taking index.html's early download of it once); errors name the URL. */
export async function fetchJson<T>(url: string): Promise<T> {
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
    throw new Error(`${url} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
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
  /** Summaries fetched or being fetched, by district: two loads of one district share one download. */
  const fetched = new Map<string, Promise<DistrictSummary>>()
  function summaryOf(entry: DistrictEntry): Promise<DistrictSummary> {
    let p = fetched.get(entry.id)
    if (!p) {
      p = fetchJson<DistrictSummary>(summaryUrl(entry))
      fetched.set(entry.id, p)
      p.catch(() => fetched.delete(entry.id)) // a retry fetches again
    }
    return p
  }
  let wanted: string | null = null
  /** Districts kept in this browser only (src/local), listed after index.json's with their summaries. */
  const extras = new Map<string, { entry: DistrictEntry; summary: DistrictSummary }>()
  /** Settles once the browser's own districts are known (a reload restores them before the first load()). */
  let extrasKnown: Promise<unknown> = Promise.resolve()
  let published: DistrictEntry[] = []

  /** Load index.json once. */
  function loadIndex(): Promise<DistrictEntry[]> {
    indexLoad ??= fetchJson<{ districts: DistrictEntry[] }>(INDEX_JSON).then(
      (idx) => {
        if (!Array.isArray(idx?.districts)) throw new Error(`${INDEX_JSON} has no "districts" list`)
        published = idx.districts
        districts.value = [...published, ...[...extras.values()].map((x) => x.entry)]
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
      await extrasKnown
      const list = [...(await loadIndex()), ...[...extras.values()].map((x) => x.entry)]
      const entry = list.find((d) => d.id === id) ?? list[0]
      if (!entry) throw new Error(`${INDEX_JSON} lists no district`)
      if (id && entry.id !== id) throw new Error(`Unknown district "${id}" (known: ${list.map((d) => d.id).join(', ')})`)
      wanted = entry.id
      const s = extras.get(entry.id)?.summary ?? (await summaryOf(entry))
      if (wanted !== entry.id) return // a later load() superseded this one
      summary.value = s
      status.value = 'ready'
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
      status.value = 'error'
    }
  }

  /**
   * Add, replace or (with null) remove a district that lives in this browser only, with its summary;
   * `known` (optional) is awaited by load() first, so a reload can restore one before it is asked for.
   */
  function setExtra(id: string, value: { entry: DistrictEntry; summary: DistrictSummary } | null, known?: Promise<unknown>): void {
    if (known) extrasKnown = known.catch(() => {})
    if (value) extras.set(id, value)
    else extras.delete(id)
    districts.value = [...published, ...[...extras.values()].map((x) => x.entry)]
    if (wanted === id && value) summary.value = value.summary
  }

  return { districts, summary, status, error, loadIndex, load, setExtra }
})
