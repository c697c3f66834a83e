import { coreKey, nameKey, placePrefixes, titleToName } from './unit-names'
import type { DistrictInfo, UnitRecord } from './types'
import { baseName } from '~/util/file-name'

/** The outcome of matching: the unit and which candidate matched it, or why nothing did. */
export type UnitMatch =
  | { ok: true; unit: UnitRecord; via: string }
  | { ok: false; reason: string; reason_en: string; /** The registry units a name fits equally well (ambiguous), else absent. */ candidates?: string[] }

/**
 * The district's unit registry with a name index over canonical names and aliases.
 * Matching order: exact key of each candidate (the report's self-named unit first, then the file
 * name), then the longest registry name contained in a candidate. A key shared by two units is
 * ambiguous and never matches silently.
 */
export class UnitRegistry {
  private readonly prefixes: string[]
  private readonly byKey = new Map<string, UnitRecord[]>()
  private readonly cores: { core: string; unit: UnitRecord }[] = []

  constructor(readonly units: readonly UnitRecord[], info: DistrictInfo) {
    this.prefixes = placePrefixes(info)
    for (const unit of units) {
      const keys = new Set([unit.name, ...unit.aliases].map((n) => nameKey(n, this.prefixes)))
      for (const key of keys) {
        const list = this.byKey.get(key) ?? []
        if (!list.includes(unit)) list.push(unit)
        this.byKey.set(key, list)
        const core = coreKey(key)
        if (core.length >= 2) this.cores.push({ core, unit })
      }
    }
    this.cores.sort((a, b) => b.core.length - a.core.length)
  }

  /** Match a report to a unit from its self-named unit and its file name (either may be null). */
  match(printed: string | null, fileName: string): UnitMatch {
    const candidates = [printed, titleToName(printed ?? ''), titleToName(baseName(fileName))].filter((c): c is string => !!c)
    for (const c of candidates) {
      const hit = this.byKey.get(nameKey(c, this.prefixes))
      if (hit?.length === 1) return { ok: true, unit: hit[0]!, via: c }
      if (hit && hit.length > 1) return ambiguous(c, hit)
    }
    for (const c of candidates) {
      const core = coreKey(nameKey(c, this.prefixes))
      const hits = this.cores.filter((e) => core.includes(e.core))
      if (hits.length === 0) continue
      const best = hits.filter((h) => h.core.length === hits[0]!.core.length)
      const units = [...new Set(best.map((h) => h.unit))]
      if (units.length === 1) return { ok: true, unit: units[0]!, via: c }
      return ambiguous(c, units)
    }
    const tried = candidates.map((c) => `“${c}”`).join('、')
    return {
      ok: false,
      reason: `单位登记表中没有与 ${tried || '（无名称）'} 对应的单位`,
      reason_en: `No registry unit matches ${candidates.map((c) => `"${c}"`).join(', ') || '(no name)'}`,
    }
  }
}

function ambiguous(name: string, units: readonly UnitRecord[]): UnitMatch {
  const names = units.map((u) => u.name).join('、')
  return {
    ok: false,
    reason: `“${name}”可对应多个登记单位：${names}`,
    reason_en: `"${name}" matches several registry units: ${units.map((u) => u.name).join(', ')}`,
    candidates: units.map((u) => u.name),
  }
}
