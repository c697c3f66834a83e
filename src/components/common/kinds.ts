import type { UnitKind } from '~/db/schema'

const EN: Record<UnitKind, string> = { 街道: 'Street offices', 镇: 'Towns', 乡: 'Townships', 部门: 'Departments', 区本级: 'District level' }

/** A unit kind's label in the UI language (the Chinese name is the stored value). */
export function kindLabel(kind: string, locale: 'zh' | 'en'): string {
  return locale === 'en' ? (EN[kind as UnitKind] ?? kind) : kind
}
