import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { DistrictEntry } from '~/db/data-files'
import { useDbStore } from '~/stores/db'
import { perfMeasure, perfNow } from '~/util/perf'
import { useFiltersStore } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'
import { loadLocalSql, removeLocalSql } from './local-sql'
import { deleteDistrict, loadDistrict, saveDistrict, schemaFingerprint } from './persist'
import type { WorkerProgress } from './run-worker'
import { LOCAL_DISTRICT, type DroppedFile, type LocalBuild, type RegistrySpec, type SkippedFile } from './types'

/** localStorage flag: a district is stored, so a page load opens IndexedDB only when there is one. */
const STORED_FLAG = 'gov-local-district'

/** The picker's label: always says the district is local (我的报告, 本地). */
export function localEntry(build: LocalBuild): DistrictEntry {
  const name = build.registry.info.name
  return { id: LOCAL_DISTRICT, name: name === '我的报告' ? '我的报告（本地）' : `我的报告（本地）· ${name}`, synthetic: false, summary: '' }
}

/**
 * The browser-local district's lifecycle: restored from IndexedDB on page load (before the engine
 * reports ready), built from dropped files in a worker, loaded into the engine beside the
 * published districts, saved, exported, removed.
 */
export const useLocalStore = defineStore('local', () => {
  const status = ref<'empty' | 'restoring' | 'working' | 'ready' | 'error'>('empty')
  const progress = ref<WorkerProgress | null>(null)
  const build = shallowRef<LocalBuild | null>(null)
  const spec = shallowRef<RegistrySpec | null>(null)
  const error = ref<string | null>(null)
  const savedAt = ref<string | null>(null)
  /** Milliseconds from the drop to "ready" of the last build (shown, and read by the benchmark). */
  const lastMs = ref<number | null>(null)
  let restoring: Promise<void> = Promise.resolve()

  function show(b: LocalBuild | null): void {
    build.value = b
    useSummaryStore().setExtra(LOCAL_DISTRICT, b ? { entry: localEntry(b), summary: b.summary } : null)
  }

  /** Page load: register the engine step and restore a stored district (re-derived if the tables changed since). */
  function install(): void {
    const db = useDbStore()
    db.onStart(LOCAL_DISTRICT, async (c) => {
      await restoring
      if (build.value) for (const sql of loadLocalSql(build.value.tables)) await c.exec(sql)
    })
    if (typeof localStorage === 'undefined' || localStorage.getItem(STORED_FLAG) !== '1') return
    status.value = 'restoring'
    restoring = restore()
    useSummaryStore().setExtra(LOCAL_DISTRICT, null, restoring)
  }

  async function restore(): Promise<void> {
    try {
      const stored = await loadDistrict()
      if (!stored) {
        status.value = 'empty'
        return
      }
      spec.value = stored.spec
      savedAt.value = stored.savedAt
      let b = stored.build
      if (stored.schema !== schemaFingerprint()) {
        // A newer site has other columns: read the stored files again with this site's build.
        const { buildInWorker } = await import('./run-worker')
        const files: DroppedFile[] = b.files.map((f) => ({ name: f.path, bytes: f.bytes }))
        b = await buildInWorker(files, [], stored.spec, (p) => (progress.value = p))
        await saveDistrict(stored.spec, b)
      }
      show(b)
      status.value = 'ready'
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      status.value = 'error'
    }
  }

  /** Build the local district from dropped files (replacing any before), load, save and list it. */
  async function load(files: DroppedFile[], skipped: SkippedFile[], registry: RegistrySpec, startedAt = performance.now()): Promise<void> {
    status.value = 'working'
    error.value = null
    progress.value = null
    try {
      let t = perfNow()
      const { buildInWorker } = await import('./run-worker')
      const b = await buildInWorker(files, skipped, registry, (p) => (progress.value = p))
      perfMeasure('local:worker', t, { files: files.length })
      t = perfNow()
      await useDbStore().alter(async (c) => {
        for (const sql of loadLocalSql(b.tables)) await c.exec(sql)
      })
      perfMeasure('local:engine', t)
      spec.value = registry
      show(b)
      t = perfNow()
      await saveDistrict(registry, b)
      perfMeasure('local:save', t)
      localStorage.setItem(STORED_FLAG, '1')
      savedAt.value = new Date().toISOString()
      lastMs.value = Math.round(performance.now() - startedAt)
      status.value = 'ready'
    } catch (e) {
      console.warn('local district not built:', e)
      error.value = (e instanceof Error ? e.message : '') || String(e)
      status.value = build.value ? 'ready' : 'error'
    }
  }

  /** Take the local district out of the engine, the picker and the browser's storage. */
  async function remove(): Promise<void> {
    const filters = useFiltersStore()
    if (filters.state.district === LOCAL_DISTRICT) filters.switchDistrict(null)
    await useDbStore().alter(async (c) => {
      for (const sql of removeLocalSql()) await c.exec(sql)
    })
    show(null)
    spec.value = null
    savedAt.value = null
    lastMs.value = null
    await deleteDistrict()
    localStorage.removeItem(STORED_FLAG)
    status.value = 'empty'
  }

  /** The district folder as a .zip download (district.json, units.csv, sources.csv, reports/). */
  async function exportZip(): Promise<void> {
    if (!build.value) return
    const { exportDistrictZip } = await import('./export-zip')
    const blob = new Blob([exportDistrictZip(build.value) as Uint8Array<ArrayBuffer>], { type: 'application/zip' })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = 'local-district.zip'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
  }

  return { status, progress, build, spec, error, savedAt, lastMs, install, load, remove, exportZip }
})
