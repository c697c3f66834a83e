import Papa from 'papaparse'
import { UNIT_KINDS, type UnitKind } from '~/db/schema'
import type { UnitRecord } from './types'

/**
 * Reading units.csv text into registry units. Pure (no node:): the data build (district-input.ts)
 * and the browser's local district (src/local, an uploaded units.csv) apply the same rules.
 */

/** A district folder that cannot be built at all (no usable district.json or registry); the message names the file and why. */
export class DistrictError extends Error {
  /** Row problems found before the district was given up (they explain an empty registry). */
  problems: string[] = []
}

/** Rows of a CSV with a header line; parse errors become problems naming file and row (= line for one-line records). */
function parseCsv(name: string, text: string, problems: string[]): Record<string, string>[] {
  const out = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() })
  for (const e of out.errors) {
    // A row short of trailing empty columns is fine (the column checks follow); quoting errors and extra fields are not.
    if (e.code === 'TooFewFields') continue
    // Line of the error from its character offset when Papa gives one; else its data row (from 0) after the header line.
    const line = typeof e.index === 'number' ? text.slice(0, e.index).split('\n').length : typeof e.row === 'number' ? e.row + 2 : null
    problems.push(`${line === null ? name : `${name} row ${line}`}: CSV ${e.type === 'Quotes' ? 'quoting' : 'format'} error: ${e.message}`)
  }
  return out.data
}

function optYear(v: string | undefined, where: string, problems: string[]): number | null {
  const t = (v ?? '').trim()
  if (!t) return null
  if (/^\d{4}$/.test(t)) return Number(t)
  problems.push(`${where}: "${t}" is not a year; left empty`)
  return null
}

/** Columns units.csv must have. */
const UNIT_COLUMNS = ['name', 'kind'] as const

/**
 * units.csv text (already decoded) → registry units. Bad rows are problems naming `name0` and the
 * row, and are skipped; a registry with no usable unit throws a DistrictError.
 */
export function unitsFromCsv(text: string, name0: string, problems: string[]): UnitRecord[] {
  if (text.trim() === '') throw new DistrictError(`${name0}: the unit registry is empty (no header, no rows); every report would be unmatched`)
  const header = text.split('\n', 1)[0]!.split(',').map((h) => h.trim().replace(/^"|"$/g, ''))
  const lacking = UNIT_COLUMNS.filter((c) => !header.includes(c))
  if (lacking.length > 0) throw new DistrictError(`${name0} line 1: the header lacks column ${lacking.map((c) => `"${c}"`).join(', ')} (expected code,name,kind,aliases,valid_from,valid_to; got "${header.join(',').slice(0, 80)}")`)
  const units: UnitRecord[] = []
  const seen = new Map<string, number>()
  const codes = new Map<string, { row: number; name: string }>()
  parseCsv(name0, text, problems).forEach((row, i) => {
    const where = `${name0} row ${i + 2}`
    const name = (row.name ?? '').trim()
    if (!name) return void problems.push(`${where}: empty unit name; row skipped`)
    if (seen.has(name)) return void problems.push(`${where}: unit "${name}" listed twice (first in row ${seen.get(name)}); later row skipped`)
    const kind = (row.kind ?? '').trim() as UnitKind
    if (!UNIT_KINDS.includes(kind)) return void problems.push(`${where}: kind "${kind}" of "${name}" is not one of ${UNIT_KINDS.join('/')}; row skipped`)
    const code = (row.code ?? '').trim() || null
    if (code !== null && codes.has(code)) {
      const first = codes.get(code)!
      return void problems.push(`${where}: code "${code}" of "${name}" is already used by "${first.name}" (row ${first.row}); row skipped`)
    }
    seen.set(name, i + 2)
    if (code !== null) codes.set(code, { row: i + 2, name })
    units.push({
      code,
      name,
      kind,
      aliases: (row.aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean),
      valid_from: optYear(row.valid_from, `${where} valid_from`, problems),
      valid_to: optYear(row.valid_to, `${where} valid_to`, problems),
    })
  })
  if (units.length === 0) throw new DistrictError(`${name0}: the unit registry lists no usable unit${problems.length ? ' (see the rows above)' : ' (no data rows)'}; every report would be unmatched`)
  return units
}

