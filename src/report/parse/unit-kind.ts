import type { UnitKind } from '../types'
import { stripBodySuffix } from '../unit-name'

/**
 * The kind of unit a report names itself as, when its name says so (…街道办事处, …镇人民政府, …乡):
 * rule A10 needs it. Departments and district offices cannot be told from the name alone → null.
 */
export function unitKindOf(unit: string | null): UnitKind | null {
  if (!unit) return null
  const name = stripBodySuffix(unit)
  if (/街道$/.test(name)) return '街道'
  if (/镇$/.test(name)) return '镇'
  if (/乡$/.test(name)) return '乡'
  return null
}
