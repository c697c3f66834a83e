import type { UnitRecord } from '~/build/types'
import { UNIT_KINDS, type UnitKind } from '~/db/schema'
import { str } from '~/db/sql/literal'
import { localInfo } from './registry'
import type { RegistrySpec } from './types'

type Query = <T>(sql: string) => Promise<T[]>

/** A district's row of the districts table (its place names). */
export interface DistrictPlaceRow {
  name: string
  city: string | null
  province: string | null
}

/** A row of the units table, as the engine returns it and the open data's units.json holds it. */
export interface RegistryUnitRow {
  unit: string
  unit_code: string | null
  unit_kind: string
  aliases: string | null
  valid_from: number | null
  valid_to: number | null
}

/**
 * A published district's registry as the engine holds it (units and districts tables), for
 * matching dropped reports against it. Its place names (name, city, province) are kept: the
 * matcher strips them from printed names, as the build does for that district.
 */
export async function districtRegistrySpec(query: Query, district: string): Promise<RegistrySpec> {
  const [info] = await query<DistrictPlaceRow>(`SELECT name, city, province FROM districts WHERE district = ${str(district)}`)
  if (!info) throw new Error(`Unknown district "${district}"`)
  const rows = await query<RegistryUnitRow>(`SELECT unit, unit_code, unit_kind, aliases, valid_from, valid_to FROM units WHERE district = ${str(district)}`)
  return registrySpecFromRows(district, info, rows)
}

/** The registry of a district from its districts row and its units rows (wherever they were read). */
export function registrySpecFromRows(district: string, info: DistrictPlaceRow, rows: readonly RegistryUnitRow[]): RegistrySpec & { kind: 'district' } {
  const units: UnitRecord[] = rows
    .filter((r) => (UNIT_KINDS as readonly string[]).includes(r.unit_kind))
    .map((r) => ({
      code: r.unit_code, name: r.unit, kind: r.unit_kind as UnitKind,
      aliases: (r.aliases ?? '').split('|').filter(Boolean), valid_from: r.valid_from, valid_to: r.valid_to,
    }))
  return { kind: 'district', district, info: { ...localInfo(info.name), city: info.city ?? '', province: info.province ?? '' }, units }
}
