import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { GeneratedDistrict } from './generate'

/**
 * Write a generated district as a district folder the data build reads (district.json, units.csv,
 * reports/…), with `place` (name, city, province…) laid over its district.json: the benchmarks'
 * many districts. Returns the number of report files written.
 */
export function writeDistrictFolder(dir: string, demo: GeneratedDistrict, place: Record<string, string> = {}): number {
  const write = (path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), data)
  }
  write('district.json', JSON.stringify({ ...demo.district, ...place }))
  write('units.csv', demo.unitsCsv)
  for (const f of demo.files) write(f.path, f.bytes)
  return demo.files.length
}
