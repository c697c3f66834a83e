import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import { TABLES } from '~/db/schema'
import type { LocalBuild, RegistrySpec } from './types'

/**
 * The local district kept in the browser's own IndexedDB, never sent anywhere. Stored: the rows of
 * every table (so a reload shows the district at once, with no re-parsing), and the placed report
 * files with the registry they were matched against (for the export, and to derive the rows again
 * when a newer site changes the tables' columns — `schema` tells).
 */
export interface StoredDistrict {
  version: typeof STORE_VERSION
  /** Column names of every table when the rows were made; a site with other columns re-derives. */
  schema: string
  savedAt: string
  spec: RegistrySpec
  build: LocalBuild
}

const STORE_VERSION = 1
const KEY = 'district'
let store: UseStore | null = null
// Opened on first use: pages that never touch the local district never open IndexedDB.
const db = () => (store ??= createStore('gov-local-district', 'local'))

/** The tables' columns, as a fingerprint of the row shape. */
export function schemaFingerprint(): string {
  return TABLES.map((t) => `${t.name}(${t.fields.map((f) => f.name).join(',')})`).join(';')
}

export async function saveDistrict(spec: RegistrySpec, build: LocalBuild): Promise<void> {
  const value: StoredDistrict = { version: STORE_VERSION, schema: schemaFingerprint(), savedAt: new Date().toISOString(), spec, build }
  await set(KEY, value, db())
}

/** The stored district, or null when there is none or it was written by an incompatible version. */
export async function loadDistrict(): Promise<StoredDistrict | null> {
  const value = (await get<StoredDistrict>(KEY, db())) ?? null
  return value && value.version === STORE_VERSION ? value : null
}

export async function deleteDistrict(): Promise<void> {
  await del(KEY, db())
}
