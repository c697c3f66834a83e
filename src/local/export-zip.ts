import { strToU8, zipSync, type Zippable } from 'fflate'
import Papa from 'papaparse'
import { SOURCE_COLUMNS } from '~/build/source-key'
import type { LocalBuild } from './types'

/**
 * The local district as a district folder, zipped: `district.json`, `units.csv`, `sources.csv` and
 * `reports/<year>/<file>` — the shape `npm run build:data` reads from data/districts/<id>/, so
 * whoever publishes the site unpacks it there and builds. Unpacked and built, it gives the same
 * reports as the browser shows (tests/local/export-build.test.ts).
 */
export function exportDistrictZip(build: LocalBuild): Uint8Array {
  const info = build.registry.info
  const district = {
    name: info.name,
    ...(info.city ? { city: info.city } : {}),
    ...(info.province ? { province: info.province } : {}),
    publisher: info.publisher,
    license: info.license,
    contact: info.contact,
    provenance: 'published',
  }
  const units = Papa.unparse({
    fields: ['code', 'name', 'kind', 'aliases', 'valid_from', 'valid_to'],
    data: build.registry.units.map((u) => [u.code ?? '', u.name, u.kind, u.aliases.join('|'), u.valid_from ?? '', u.valid_to ?? '']),
  }, { newline: '\n' })
  // No source is known for a dropped file: the header alone, ready for url / not_published rows.
  const sources = `${SOURCE_COLUMNS.join(',')}\n`
  const entries: Zippable = {
    'district.json': strToU8(`${JSON.stringify(district, null, 2)}\n`),
    'units.csv': strToU8(`${units}\n`),
    'sources.csv': strToU8(sources),
  }
  // Report files are stored as they are (already compressed formats gain nothing; text is small).
  for (const f of build.files) entries[f.path] = [f.bytes, { level: 6 }]
  return zipSync(entries)
}
