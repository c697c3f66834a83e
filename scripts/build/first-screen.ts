import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DistrictEntry } from '~/db/data-files'

/**
 * Which district database the service worker precaches: only the one the dashboard opens on
 * (index.json's first district), so a first visit stores what its first screen needs — and a
 * build of a thousand districts does not make every visitor download a thousand files. Other
 * districts are fetched when chosen. `siteDir` is the built site (dist/), read after Vite copied
 * the data into it; null when it has no index.json (a site built without data).
 */
export function firstScreenDatabase(siteDir: string): string | null {
  try {
    const index = JSON.parse(readFileSync(join(siteDir, 'data', 'index.json'), 'utf8')) as { districts?: DistrictEntry[] }
    const db = index.districts?.find((d) => d.db)?.db
    return db ? `data/${db}` : null
  } catch {
    return null
  }
}

/** A Workbox manifest transform keeping, of the district databases (data/db/), only {@link firstScreenDatabase}. */
export function keepFirstScreenDatabase(siteDir: () => string) {
  return <T extends { url: string }>(entries: T[]): { manifest: T[]; warnings: string[] } => {
    const first = firstScreenDatabase(siteDir())
    return { manifest: entries.filter((e) => !e.url.startsWith('data/db/') || e.url === first), warnings: [] }
  }
}
