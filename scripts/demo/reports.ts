import type { FormatId } from '~/report/model'
import { applyBreak } from './breaks'
import { planFaults } from './faults'
import type { Fault } from './manifest'
import { Rng } from './prng'
import { buildProse, type DemoProse } from './prose'
import { buildRoster, DEMO_DISTRICT, type DemoUnit } from './roster'
import { subSeed } from './seed'
import { drawVolumes, formatForYear, generateSeries, unitYearKey, type DemoRecord } from './series'

/** One demo report, ready to render. */
export interface DemoReport extends DemoRecord {
  /** The 函 the preamble cites: the year's format, even when the tables are the other one. */
  claimed: FormatId
  /** The unit name the title prints (district prefix or not; an alias for renamed_unit). */
  printedName: string
  prose: DemoProse
  /** Render the headings without any table (tables_missing). */
  tablesMissing: boolean
}

/** What the demo generator needs besides the seed. */
export interface DemoShape {
  seed: number
  units: number
  years: [number, number]
  faults: boolean
}

/** Every unit, every published report (missing ones left out) and the planted faults. */
export interface DemoContent {
  roster: DemoUnit[]
  reports: DemoReport[]
  faults: Fault[]
}

/**
 * Build the demo's unit registry and reports in memory: figures, faults, prose. Rendering to
 * files is a separate step (generate.ts), so tests can check the figures directly.
 */
export function buildDemoContent(shape: DemoShape): DemoContent {
  const { seed } = shape
  const years = Array.from({ length: shape.years[1] - shape.years[0] + 1 }, (_, i) => shape.years[0] + i)
  if (years.length < 1) throw new Error(`demo: empty year range ${shape.years.join('–')}`)
  if (shape.units < 1) throw new Error(`demo: at least one unit is needed (got ${shape.units})`)
  const roster = buildRoster(new Rng(subSeed(seed, 'roster')), shape.units)
  const volumes = drawVolumes(seed, roster, years)
  const plan = shape.faults ? planFaults(seed, roster, years, volumes) : null
  const records = generateSeries(seed, roster, years, volumes, plan?.tweaks ?? new Map())

  const faults = [...(plan?.faults ?? [])]
  const breakRng = new Rng(subSeed(seed, 'breaks'))
  for (const b of plan?.breaks ?? []) {
    const record = records.get(unitYearKey(b.unit.name, b.year))!
    const result = applyBreak(breakRng, record.cells, b.rule)
    if (!result) continue
    faults.push({ id: `${b.rule.toLowerCase()}-${b.unit.name}-${b.year}`, kind: b.rule, unit: b.unit.name, year: b.year, expect: { rule: b.rule, level: 'error', cells: result.cells }, note: result.note })
  }

  const reports: DemoReport[] = []
  for (const year of years) {
    for (const unit of roster) {
      const k = unitYearKey(unit.name, year)
      if (plan?.missing.has(k)) continue
      const record = records.get(k)!
      // each report draws its wording from its own stream: stable whatever else changes
      const rng = new Rng(subSeed(seed, `prose/${k}`))
      const printedName = plan?.printedNames.get(k) ?? (unit.kind === '部门' || rng.chance(0.7) ? withDistrict(unit.name) : unit.name)
      const claimed = formatForYear(year)
      reports.push({
        ...record,
        claimed,
        printedName,
        prose: buildProse(rng, { unit, year, cells: record.cells }),
        tablesMissing: plan?.tablesMissing.has(k) ?? false,
      })
    }
  }
  faults.sort((a, b) => a.year - b.year || compareText(a.unit, b.unit) || compareText(a.id, b.id))
  return { roster, reports, faults }
}

const withDistrict = (name: string) => (name.startsWith(DEMO_DISTRICT.name) ? name : `${DEMO_DISTRICT.name}${name}`)

/** Code-point order: the same on every machine, unlike locale collation. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
