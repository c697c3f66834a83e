import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PrebuiltInfo } from '~/db/prebuilt'

/** Folder of the prebuilt files inside the output folder (scripts/build/prebuilt.ts writes them). */
export const PREBUILT_DIR = 'prebuilt'

/**
 * A Workbox manifest transform keeping, of the prebuilt files, only those of the district the
 * dashboard opens on (index.json's first): a first visit stores what its first screens need, and a
 * build of many districts does not make every visitor download all of theirs. `siteDir` is the
 * built site (dist/); without an index.json every prebuilt file is left out. Its own module with
 * type-only imports: vite.config.ts loads it before the `~` alias exists.
 */
export function keepFirstScreenPrebuilt(siteDir: () => string) {
  return <T extends { url: string }>(entries: T[]): { manifest: T[]; warnings: string[] } => {
    let dir: string | null
    try {
      const index = JSON.parse(readFileSync(join(siteDir(), 'data', 'index.json'), 'utf8')) as { districts?: { prebuilt?: PrebuiltInfo }[] }
      dir = index.districts?.[0]?.prebuilt?.dir ?? null
    } catch {
      dir = null
    }
    const keep = dir ? `data/${dir}/` : null
    return { manifest: entries.filter((e) => !e.url.startsWith(`data/${PREBUILT_DIR}/`) || (keep !== null && e.url.startsWith(keep))), warnings: [] }
  }
}
