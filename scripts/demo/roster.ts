import type { UnitKind } from '~/db/schema'
import type { Rng } from './prng'

/** Name of the fictional district every demo file names; never a real place. */
export const DEMO_DISTRICT = { name: '示例区', city: '示例市（虚构）', province: '示例省（虚构）' } as const

/**
 * How busy a unit is. `applications` is the mean number of new disclosure applications a year;
 * the other fields scale its section 二 figures. Real ranges from docs/formats.md and published
 * reports: townships mostly receive 0–10 applications a year, land, housing and police
 * departments dozens to hundreds.
 */
export interface UnitProfile {
  applications: number
  licenses: number
  penalties: number
  coercions: number
  /** Fees collected a year, in 万元 (2021 format). */
  feesWan: number
  /** Normative documents issued a year. */
  normative: number
}

/** A unit of the demo registry. */
export interface DemoUnit {
  /** Fictional division code (the province code 99 does not exist), empty for departments. */
  code: string
  /** Canonical registry name, as in units.csv. */
  name: string
  kind: Exclude<UnitKind, '区本级'>
  /** Other names the unit goes by; the first is an old name when the unit was renamed. */
  aliases: string[]
  /** How the unit refers to itself in prose: 我街道, 我镇, 我乡, 我局. */
  self: string
  profile: UnitProfile
}

const STREETS = ['城东', '城西', '南关', '北苑', '河滨', '新华', '文昌', '东湖', '西岭', '朝阳', '兴业', '和平']
const TOWNS = ['柳河', '青山', '石桥', '杏林', '白沙', '清水', '长丰', '榆树', '太平', '永安', '金沟', '松峰']
const TOWNSHIPS = ['东岭', '红星', '双塔', '胜利', '团山', '前进']

/** The six demo departments (requested realism: 自然资源局, 住建局 and 公安局 are the busy ones). */
const DEPARTMENTS: { name: string; self: string; profile: UnitProfile }[] = [
  { name: '自然资源局', self: '我局', profile: { applications: 140, licenses: 420, penalties: 40, coercions: 4, feesWan: 260, normative: 2 } },
  { name: '住房和城乡建设局', self: '我局', profile: { applications: 75, licenses: 260, penalties: 30, coercions: 2, feesWan: 85, normative: 2 } },
  { name: '公安分局', self: '我局', profile: { applications: 38, licenses: 1500, penalties: 1800, coercions: 90, feesWan: 24, normative: 1 } },
  { name: '人力资源和社会保障局', self: '我局', profile: { applications: 22, licenses: 120, penalties: 4, coercions: 0, feesWan: 0, normative: 3 } },
  { name: '教育局', self: '我局', profile: { applications: 8, licenses: 30, penalties: 1, coercions: 0, feesWan: 0, normative: 2 } },
  { name: '市场监督管理局', self: '我局', profile: { applications: 28, licenses: 800, penalties: 160, coercions: 12, feesWan: 6, normative: 1 } },
]

/** Extra department names for large benchmark districts. */
const MORE_DEPARTMENTS = ['交通运输局', '农业农村局', '水务局', '卫生健康局', '民政局', '财政局', '生态环境局', '应急管理局', '文化广电和旅游局', '司法局', '城市管理局', '退役军人事务局']

/** Kind mix of the standard demo: 6 街道, 7 镇, 3 乡, 6 部门 out of 22. */
const KIND_MIX: readonly (readonly [DemoUnit['kind'], number])[] = [
  ['街道', 6],
  ['镇', 7],
  ['乡', 3],
  ['部门', 6],
]

function townshipProfile(rng: Rng, kind: DemoUnit['kind']): UnitProfile {
  const busy = kind === '街道' ? rng.uniform(0.5, 6) : kind === '镇' ? rng.uniform(0.3, 4.5) : rng.uniform(0.05, 1.8)
  return {
    applications: busy,
    licenses: rng.chance(0.5) ? 0 : rng.uniform(2, 25),
    penalties: rng.chance(0.6) ? 0 : rng.uniform(0.5, 6),
    coercions: 0,
    feesWan: 0,
    normative: rng.uniform(0, 0.6),
  }
}

function departmentProfile(rng: Rng): UnitProfile {
  return {
    applications: rng.uniform(2, 60),
    licenses: rng.uniform(10, 400),
    penalties: rng.uniform(0, 120),
    coercions: rng.chance(0.5) ? 0 : rng.uniform(0.5, 8),
    feesWan: rng.chance(0.5) ? 0 : rng.uniform(1, 60),
    normative: rng.uniform(0.3, 2.5),
  }
}

/** Counts per kind for n units, keeping the 6:7:3:6 mix (the first 22 are exactly the standard demo). */
function kindCounts(n: number): Map<DemoUnit['kind'], number> {
  const total = KIND_MIX.reduce((a, [, c]) => a + c, 0)
  const counts = new Map(KIND_MIX.map(([k, c]) => [k, Math.floor((n * c) / total)]))
  let short = n - [...counts.values()].reduce((a, c) => a + c, 0)
  for (const [k] of KIND_MIX) if (short-- > 0) counts.set(k, counts.get(k)! + 1)
  return counts
}

const DIGITS = '〇一二三四五六七八九'

/** 2 → 二, 12 → 十二, 40 → 四十 (1–99): Chinese numerals, since digits in a unit name would read as a year. */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens > 1 ? DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${ones > 0 || tens === 0 ? DIGITS[ones] : ''}`
}

/**
 * The i-th name of a kind: the base list first, then numbered variants for big benchmark
 * districts (城东二 → 城东二街道; 交通运输局 → 交通运输二局).
 */
function nameOf(base: readonly string[], i: number): string {
  const stem = base[i % base.length]!
  const round = Math.floor(i / base.length)
  if (round === 0) return stem
  if (round > 98) throw new Error(`demo: too many units of one kind (${i + 1}); at most ${base.length * 99}`)
  const n = chineseNumber(round + 1)
  return stem.endsWith('局') ? `${stem.slice(0, -1)}${n}局` : `${stem}${n}`
}

/**
 * Build the demo unit registry. The first town is renamed from a 乡 (撤乡设镇 in 2021, as happens
 * in real districts), so its old name is an alias that early reports use.
 */
export function buildRoster(rng: Rng, n: number): DemoUnit[] {
  const counts = kindCounts(n)
  const units: DemoUnit[] = []
  const codeSerial = { 街道: 1, 镇: 101, 乡: 201 }
  const add = (kind: DemoUnit['kind'], name: string, aliases: string[], self: string, profile: UnitProfile) => {
    const code = kind === '部门' ? '' : `990101${String(codeSerial[kind]++).padStart(3, '0')}`
    units.push({ code, name, kind, aliases, self, profile })
  }
  for (let i = 0; i < counts.get('街道')!; i++) {
    const name = `${nameOf(STREETS, i)}街道`
    add('街道', name, [`${name}办事处`], '我街道', townshipProfile(rng, '街道'))
  }
  for (let i = 0; i < counts.get('镇')!; i++) {
    const stem = nameOf(TOWNS, i)
    const aliases = i === 0 ? [`${stem}乡`, `${stem}镇人民政府`] : [`${stem}镇人民政府`]
    add('镇', `${stem}镇`, aliases, '我镇', townshipProfile(rng, '镇'))
  }
  for (let i = 0; i < counts.get('乡')!; i++) {
    const stem = nameOf(TOWNSHIPS, i)
    add('乡', `${stem}乡`, [`${stem}乡人民政府`], '我乡', townshipProfile(rng, '乡'))
  }
  for (let i = 0; i < counts.get('部门')!; i++) {
    const known = DEPARTMENTS[i]
    const name = known ? known.name : nameOf(MORE_DEPARTMENTS, i - DEPARTMENTS.length)
    add('部门', `${DEMO_DISTRICT.name}${name}`, [name], '我局', known ? { ...known.profile } : departmentProfile(rng))
  }
  return units
}
