import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CountedYear, NationalDistrictInput } from '~/build/national-index'
import type { DistrictInfo } from './types'

/**
 * The file of an output folder that makes it a part `npm run merge` can take in: per district what
 * the shared files (index.json, national.json, datapackage.json) need beyond the district's own
 * database and summary — its district.json, its counted reports per year, the year and level of its
 * findings, its report addresses — and the output's `created`. Every build writes it, so any output
 * (one district's job, a city, a merged province) can be merged again. A dot file, like the build's
 * marker: machinery of the build, not a published file (datapackage.json does not list it).
 */
export const PART_FILE = '.build-part.json'

/** Version of {@link PartManifest}; a part of another version is refused with a message. */
export const PART_FORMAT = 1

export interface PartDistrict {
  id: string
  info: DistrictInfo
  counted: readonly CountedYear[]
  findings: NationalDistrictInput['findings']
  urls: string[]
}

export interface PartManifest {
  created: string
  districts: PartDistrict[]
}

export function writePartManifest(outDir: string, m: PartManifest): void {
  writeFileSync(join(outDir, PART_FILE), JSON.stringify({ format: PART_FORMAT, ...m }))
}

/** Read a part's manifest; throws a message naming the folder and what is wrong. */
export function readPartManifest(dir: string): PartManifest {
  const file = join(dir, PART_FILE)
  if (!existsSync(file)) throw new Error(`${dir}: no ${PART_FILE}; a part is the output folder of \`npm run build:data\` (or of an earlier merge)`)
  let m: unknown
  try {
    m = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`, { cause: e })
  }
  const o = m as Partial<PartManifest> & { format?: unknown }
  if (o.format !== PART_FORMAT) throw new Error(`${file}: format ${JSON.stringify(o.format)}, this merge reads format ${PART_FORMAT}; rebuild the part with this version`)
  if (typeof o.created !== 'string' || !Array.isArray(o.districts)) throw new Error(`${file}: expected "created" (text) and "districts" (a list)`)
  for (const [i, d] of o.districts.entries()) {
    const ok = d && typeof d.id === 'string' && d.info && typeof d.info.name === 'string' && Array.isArray(d.counted) && Array.isArray(d.findings) && Array.isArray(d.urls)
    if (!ok) throw new Error(`${file}: districts[${i}] lacks id, info, counted, findings or urls`)
  }
  return { created: o.created, districts: o.districts }
}
