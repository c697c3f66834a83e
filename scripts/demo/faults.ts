import type { BreakRule } from './breaks'
import type { Fault } from './manifest'
import { Rng } from './prng'
import { DEMO_DISTRICT, type DemoUnit } from './roster'
import { subSeed } from './seed'
import { unitYearKey, type GenerationTweak } from './series'

/** A break (A1–A4) to apply to a generated report; its cells are known only once applied. */
export interface PlannedBreak {
  unit: DemoUnit
  year: number
  rule: BreakRule
}

/** Where each fault goes. Keys of the maps and sets are `unitYearKey(unit, year)`. */
export interface FaultPlan {
  /** Faults drawn into the figures themselves (spike, carry-over, copy, 2019 tables in a 2021+ year). */
  tweaks: Map<string, GenerationTweak>
  breaks: PlannedBreak[]
  /** Reports that print the unit under an alias instead of its registry name. */
  printedNames: Map<string, string>
  /** Unit-years with no report file at all. */
  missing: Set<string>
  /** Reports published with their headings but without tables (rendered as HTML with the tables stripped). */
  tablesMissing: Set<string>
  /** Every planned fault except the breaks (added once applied); `file` is filled in when rendered. */
  faults: Fault[]
}

/** Fewest units and years a faulty demo needs: each fault takes a unit of its own and a middle year. */
export const MIN_FAULT_UNITS = 16
export const MIN_FAULT_YEARS = 4

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/**
 * Choose a distinct unit for every fault kind, and its year. Deterministic from the seed. Throws
 * a clear error when the district is too small to hold every fault.
 */
export function planFaults(seed: number, roster: readonly DemoUnit[], years: readonly number[], volumes: ReadonlyMap<string, number>): FaultPlan {
  if (roster.length < MIN_FAULT_UNITS || years.length < MIN_FAULT_YEARS)
    throw new Error(`demo: planting faults needs at least ${MIN_FAULT_UNITS} units and ${MIN_FAULT_YEARS} years (got ${roster.length} units, ${years.length} years); pass faults: false`)
  const rng = new Rng(subSeed(seed, 'faults'))
  const plan: FaultPlan = { tweaks: new Map(), breaks: [], printedNames: new Map(), missing: new Set(), tablesMissing: new Set(), faults: [] }
  const used = new Set<string>()
  const shuffled = rng.sample(roster, roster.length)
  const take = (ok: (u: DemoUnit) => boolean = () => true): DemoUnit => {
    const unit = shuffled.find((u) => !used.has(u.name) && ok(u))
    if (!unit) throw new Error('demo: no unit left for a fault; use a larger district')
    used.add(unit.name)
    return unit
  }
  const middle = years.slice(1, -1)
  const first = years[0]!
  const last = years[years.length - 1]!
  const volume = (u: DemoUnit, y: number) => volumes.get(unitYearKey(u.name, y)) ?? 0
  const add = (f: Omit<Fault, 'id'>) => plan.faults.push({ id: `${f.kind.toLowerCase()}-${f.unit}-${f.year}`, ...f })
  const tweak = (u: DemoUnit, y: number, t: GenerationTweak) => plan.tweaks.set(unitYearKey(u.name, y), { ...plan.tweaks.get(unitYearKey(u.name, y)), ...t })

  // renamed_unit: the town that was a 乡 until 2021 prints its old name in its earlier reports
  const renamed = roster.find((u) => u.kind === '镇' && u.aliases[0]?.endsWith('乡'))
  if (renamed) {
    used.add(renamed.name)
    const early = years.filter((y) => y < 2021)
    for (const y of early.length ? early : [first]) {
      plan.printedNames.set(unitYearKey(renamed.name, y), `${DEMO_DISTRICT.name}${renamed.aliases[0]}`)
      add({ kind: 'renamed_unit', unit: renamed.name, year: y, expect: { rule: 'unmatched', absent: true }, note: `the report calls the unit by its former name ${renamed.aliases[0]} (an alias in units.csv); it must still match ${renamed.name}` })
    }
  }

  // copy_paste: in the first year (no earlier report, so the copied carry-over breaks no chain) a unit
  // prints another unit's tables; the source must come earlier in the roster and have applications.
  // X1 calls identical tables a copy only on real evidence (src/report/validate/rules/x1-copy-paste.ts):
  // a 2019-format section 二 usually carries it, a 2021-format one rarely does, so a 2021+ first year
  // copies a busy unit whose sections 三+四 are evidence enough.
  const minCopyVolume = first >= 2021 ? 12 : 3
  const canSource = (u: DemoUnit) => !used.has(u.name) && volume(u, first) >= minCopyVolume && roster.indexOf(u) < roster.length - 1
  const source = shuffled.find((u) => u.kind !== '部门' && canSource(u)) ?? shuffled.find(canSource)
  if (source) {
    used.add(source.name)
    const target = take((u) => roster.indexOf(u) > roster.indexOf(source))
    tweak(target, first, { copyFrom: source.name })
    add({
      kind: 'copy_paste', unit: target.name, year: first, expect: { rule: 'X1' }, copied_from: { unit: source.name, year: first },
      note: `tables 二, 三 and 四 copied verbatim from ${source.name}'s ${first} report, file layout included (X1 is raised on both reports)`,
    })
  }

  // spike: a department's new applications 12–18× its usual (median of its other years)
  const spiky = take((u) => u.kind === '部门' && median(years.map((y) => volume(u, y))) >= 3)
  const spikeYear = rng.pick(middle)
  const usual = median(years.filter((y) => y !== spikeYear).map((y) => volume(spiky, y)))
  const spikeTotal = Math.max(25, Math.round(usual * rng.uniform(12, 18)))
  tweak(spiky, spikeYear, { newTotal: spikeTotal })
  add({ kind: 'spike', unit: spiky.name, year: spikeYear, expect: { rule: 'X2', cells: ['apply.new.total'] }, note: `apply.new.total = ${spikeTotal}, usual (median of other years) ${usual}` })

  // carry_over: a department's 上年结转 differs from last year's 结转下年度 (report itself consistent)
  const carrier = take((u) => u.kind === '部门')
  const carryYear = rng.pick(middle)
  const extra = rng.int(2, 5)
  tweak(carrier, carryYear, { carriedOverExtra: extra })
  add({ kind: 'carry_over', unit: carrier.name, year: carryYear, expect: { rule: 'C1', level: 'warn', cells: ['apply.carried_over.total'] }, note: `二、上年结转 自然人 is ${extra} more than the ${carryYear - 1} report's 四、结转下年度` })

  // format_mismatch: 2019 (trial) tables in a 2021-or-later report, as 阎良区 did in 2021
  const late = middle.filter((y) => y >= 2021)
  if (late.length) {
    const unit = take()
    const year = late.includes(2022) ? 2022 : rng.pick(late)
    tweak(unit, year, { format: 'gov2019' })
    add({ kind: 'format_mismatch', unit: unit.name, year, expect: { rule: 'F1', level: 'warn' }, note: `the ${year} report prints the gov2019 tables (its preamble still cites 〔2021〕30号)` })
  }

  // A1–A4: one figure changed, so exactly that rule fails; A3 needs decided cases, so the busiest department
  for (const rule of ['A1', 'A2', 'A4'] as const) plan.breaks.push({ unit: take(), year: rng.pick(middle), rule })
  const busiest = [...roster].filter((u) => u.kind === '部门' && !used.has(u.name)).sort((a, b) => b.profile.applications - a.profile.applications)[0]
  if (busiest) {
    used.add(busiest.name)
    plan.breaks.push({ unit: busiest, year: middle.reduce((a, y) => (volume(busiest, y) > volume(busiest, a) ? y : a)), rule: 'A3' })
  }

  // tables_missing: the web page kept the headings but lost its tables (variation “tables missing” in docs/formats.md)
  const bare = take()
  const bareYear = rng.pick(middle)
  plan.tablesMissing.add(unitYearKey(bare.name, bareYear))
  add({ kind: 'tables_missing', unit: bare.name, year: bareYear, expect: { rule: 'tables_missing' }, note: 'HTML page with the section headings but no tables' })

  // missing: a gap in the middle (C5), a unit that started publishing late, one not yet collected.
  // The first two are declared looked for and not found in sources.csv (not_published, a finding);
  // the third has no such row: not_collected, which is no fault of the unit and raises no finding.
  const gap = take()
  const gapYear = rng.pick(middle)
  plan.missing.add(unitYearKey(gap.name, gapYear))
  add({ kind: 'missing', unit: gap.name, year: gapYear, expect: { rule: 'C5', level: 'info', coverage: 'not_published' }, note: `no ${gapYear} report, but reports for ${gapYear - 1} and ${gapYear + 1}; sources.csv says it was looked for and not found` })
  for (const [unit, year, coverage, note] of [
    [take(), first, 'not_published', 'the unit published its first report a year late; sources.csv says the first year was looked for and not found'],
    [take(), last, 'not_collected', 'the latest report is not in the folder and sources.csv records no search: not collected, not the unit\'s fault'],
  ] as const) {
    plan.missing.add(unitYearKey(unit.name, year))
    add({ kind: 'missing', unit: unit.name, year, expect: coverage === 'not_published' ? { rule: 'not_published', level: 'warn', coverage } : { rule: 'coverage', coverage }, note })
  }
  return plan
}
