import { clean } from '~/build/unit-names'
import { UnitRegistry } from '~/build/unit-registry'
import type { DistrictInfo, UnitRecord } from '~/build/types'

/** One district's registry, as a draft's unit is matched against it. */
export interface DistrictUnits {
  district: string
  /** The district's name (平潭综合实验区), also the prefix a report prints before its unit. */
  name: string
  info: DistrictInfo
  units: readonly UnitRecord[]
}

/** A registry unit a draft may belong to. */
export interface UnitChoice {
  district: string
  unit: string
}

/** Which registered unit a draft is from, as far as its printed name and file name tell. */
export type DraftUnitMatch =
  | { kind: 'matched'; choice: UnitChoice; via: string }
  /** Several units fit (in one district or in several): the user picks one. */
  | { kind: 'ambiguous'; options: UnitChoice[] }
  /** No registry has the unit: the reasons per district, for the user to pick one by hand. */
  | { kind: 'missing'; reasons: { district: string; reason: string; reason_en: string }[] }

/**
 * Matches a draft to a registered unit with the data build's own matcher (src/build/unit-registry.ts:
 * canonical names and aliases, place prefixes and body suffixes stripped), district by district.
 * A match in the district the user is looking at wins; of matches in several districts, the one whose
 * name the report prints (平潭综合实验区财政金融局) wins; otherwise the user is asked to choose.
 */
export function matchDraftUnit(districts: readonly DistrictUnits[], printed: string | null, fileName: string, preferred: string | null): DraftUnitMatch {
  const hits: { choice: UnitChoice; via: string; district: DistrictUnits }[] = []
  const options: UnitChoice[] = []
  const reasons: { district: string; reason: string; reason_en: string }[] = []
  for (const d of districts) {
    const m = new UnitRegistry(d.units, d.info).match(printed, fileName)
    if (m.ok) hits.push({ choice: { district: d.district, unit: m.unit.name }, via: m.via, district: d })
    else if (m.candidates) options.push(...m.candidates.map((unit) => ({ district: d.district, unit })))
    else reasons.push({ district: d.district, reason: m.reason, reason_en: m.reason_en })
  }
  const own = hits.find((h) => h.choice.district === preferred)
  if (own) return { kind: 'matched', choice: own.choice, via: own.via }
  const named = hits.filter((h) => clean(`${printed ?? ''}${fileName}`).includes(clean(h.district.name)))
  const pick = hits.length === 1 ? hits[0] : named.length === 1 ? named[0] : undefined
  if (pick) return { kind: 'matched', choice: pick.choice, via: pick.via }
  if (hits.length > 1 || options.length) return { kind: 'ambiguous', options: [...hits.map((h) => h.choice), ...options] }
  return { kind: 'missing', reasons }
}
