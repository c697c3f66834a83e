import { DistrictError, unitsFromCsv } from '~/build/units-csv'
import { nameKey, titleToName } from '~/build/unit-names'
import type { DistrictInfo, UnitRecord } from '~/build/types'
import type { UnitKind } from '~/db/schema'
import { decodeBytes } from '~/report/parse/decode'
import { unitKindOf } from '~/report/parse/unit-kind'
import type { ParsedFile, RegistrySpec, ResolvedRegistry } from './types'

/** District info of a local district that is not a published one: only its name (used to strip place prefixes). */
export function localInfo(name: string): DistrictInfo {
  return { name, city: '', province: '', publisher: '', license: '', license_note: '', contact: '', provenance: 'published', synthetic: false, years: null }
}

/** A registry that cannot be used at all (an uploaded units.csv that is unreadable or lists no usable unit). */
export class RegistryError extends Error {
  constructor(message: string, readonly problems: string[] = []) {
    super(message)
  }
}

/**
 * The registry the reports are matched against: a published district's units as they are, an
 * uploaded units.csv read by the data build's own rules (bad rows named and skipped), or units
 * inferred from the reports' self-given names. Throws a RegistryError when no unit can be had.
 */
export function resolveRegistry(spec: RegistrySpec, parsed: readonly ParsedFile[]): ResolvedRegistry {
  if (spec.kind === 'district') return { kind: 'district', source: spec.district, info: spec.info, units: spec.units, problems: [] }
  if (spec.kind === 'csv') {
    const decoded = decodeBytes(spec.bytes)
    if (!decoded.ok) throw new RegistryError(`${spec.fileName}: ${decoded.reason_en}`)
    const problems: string[] = []
    try {
      const units = unitsFromCsv(decoded.text, spec.fileName, problems)
      return { kind: 'csv', source: spec.fileName, info: localInfo(spec.name), units, problems }
    } catch (e) {
      if (e instanceof DistrictError) throw new RegistryError(e.message, problems)
      throw e
    }
  }
  return { kind: 'inferred', source: null, info: localInfo(spec.name), units: inferUnits(parsed, spec.name), problems: [] }
}

/**
 * Units inferred from the names reports print in their titles. Names that reduce to the same
 * matching key (白奎镇 / 白奎镇人民政府) are one unit, named by its most frequent printed form (then
 * the shortest); the other forms become aliases. The kind comes from the name (街道/镇/乡), a
 * district-level body (…区/县/市人民政府) is 区本级, anything else a 部门. Reports that print no
 * name infer nothing: they stay unmatched and the review says so.
 */
export function inferUnits(parsed: readonly ParsedFile[], districtName: string): UnitRecord[] {
  const prefixes = [districtName].filter((p) => p.length >= 2)
  const byKey = new Map<string, Map<string, number>>()
  for (const p of parsed) {
    if (!p.outcome.ok || !p.outcome.report.meta.unit) continue
    const printed = titleToName(p.outcome.report.meta.unit).trim()
    if (printed.length < 2) continue
    const key = nameKey(printed, prefixes)
    const forms = byKey.get(key) ?? new Map<string, number>()
    forms.set(printed, (forms.get(printed) ?? 0) + 1)
    byKey.set(key, forms)
  }
  const units: UnitRecord[] = []
  for (const forms of byKey.values()) {
    const ranked = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))
    const name = ranked[0]![0]
    units.push({ code: null, name, kind: inferKind(name), aliases: ranked.slice(1).map(([n]) => n), valid_from: null, valid_to: null })
  }
  return units.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function inferKind(name: string): UnitKind {
  const kind = unitKindOf(name)
  if (kind) return kind
  if (/(区|县|市|旗)(人民政府|政府)?$/.test(name)) return '区本级'
  return '部门'
}
