import type { UnitRecord } from '~/build/types'
import { UNIT_KINDS, type UnitKind } from '~/db/schema'
import { str } from '~/db/sql/literal'
import { localInfo } from './registry'
import type { RegistrySpec } from './types'

type Query = <T>(sql: string) => Promise<T[]>

/**
 * A published district's registry as the engine holds it (units and districts tables), for
 * matching dropped reports against it. Its place names (name, city, province) are kept: the
 * matcher strips them from printed names, as the build does for that district.
 */
export async function districtRegistrySpec(query: Query, district: string): Promise<RegistrySpec> {
  const [info] = await query<{ name: string; city: string | null; province: string | null }>(
    `SELECT name, city, province FROM districts WHERE district = ${str(district)}`,
  )
  if (!info) throw new Error(`Unknown district "${district}"`)
  const rows = await query<{ unit: string; unit_code: string | null; unit_kind: string; aliases: string | null; valid_from: number | null; valid_to: number | null }>(
    `SELECT unit, unit_code, unit_kind, aliases, valid_from, valid_to FROM units WHERE district = ${str(district)}`,
  )
  const units: UnitRecord[] = rows
    .filter((r) => (UNIT_KINDS as readonly string[]).includes(r.unit_kind))
    .map((r) => ({
      code: r.unit_code, name: r.unit, kind: r.unit_kind as UnitKind,
      aliases: (r.aliases ?? '').split('|').filter(Boolean), valid_from: r.valid_from, valid_to: r.valid_to,
    }))
  return { kind: 'district', district, info: { ...localInfo(info.name), city: info.city ?? '', province: info.province ?? '' }, units }
}
