import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { NationalIndex } from '~/build/national-index'
import { NATIONAL_JSON } from '~/db/national'

/**
 * The national index (national.json): everything the province view draws, loaded once with a plain
 * fetch — the view never needs the database engine. A failed load can be retried.
 */
export const useNationalStore = defineStore('national', () => {
  const index = shallowRef<NationalIndex | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<string | null>(null)
  let pending: Promise<void> | null = null

  async function fetchIndex(): Promise<void> {
    status.value = 'loading'
    error.value = null
    try {
      const res = await fetch(NATIONAL_JSON)
      if (!res.ok) throw new Error(`Could not load ${NATIONAL_JSON}: HTTP ${res.status}`)
      let data: NationalIndex
      try {
        data = (await res.json()) as NationalIndex
      } catch (err) {
        throw new Error(`${NATIONAL_JSON} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
      }
      if (data?.format !== 1 || !Array.isArray(data.provinces) || !Array.isArray(data.years)) throw new Error(`${NATIONAL_JSON} is not a national index of format 1`)
      index.value = data
      status.value = 'ready'
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
      status.value = 'error'
      pending = null
    }
  }

  /** Load once; later calls share the first load (or retry after an error). */
  function load(): Promise<void> {
    pending ??= fetchIndex()
    return pending
  }

  return { index, status, error, load }
})
