import { keysOf, type FormatId } from '~/report/model'
import { activeFigures, initialActiveState, type ActiveState } from './active-figures'
import { appealFigures } from './appeal-figures'
import { applyFigures, applicantWeights, type ByApplicant, type Cells } from './apply-figures'
import { Rng } from './prng'
import type { DemoUnit } from './roster'
import { subSeed } from './seed'

/** The national format a report of that year uses: gov2019 up to 2020, gov2021 from 2021 (docs/formats.md, “Timeline”). */
export function formatForYear(year: number): FormatId {
  return year >= 2021 ? 'gov2021' : 'gov2019'
}

/** One generated unit-year, before prose and rendering. */
export interface DemoRecord {
  unit: DemoUnit
  year: number
  /** The format of the printed tables. */
  format: FormatId
  /** Every cell of `format`, in print order. */
  cells: Cells
}

/**
 * Changes to a unit-year decided before its figures are drawn (the faults that must stay
 * internally consistent): a different table format, an applications spike, a carry-over that
 * does not match last year, or tables copied from another unit.
 */
export interface GenerationTweak {
  format?: FormatId
  /** Replaces the drawn number of new applications. */
  newTotal?: number
  /** Added to the natural-person column of 二、上年结转 (breaks the chain to last year only). */
  carriedOverExtra?: number
  /** Canonical name of a unit earlier in the roster whose same-year tables are copied verbatim. */
  copyFrom?: string
}

export const unitYearKey = (unit: string, year: number) => `${unit}/${year}`

/** District-wide wobble of application volumes over the years (a mild rise and fall). */
const yearFactor = (year: number) => 1 + 0.15 * Math.sin((year - 2019) * 0.8)

/** New applications per unit and year, drawn up front so spikes can be set against a unit's usual. */
export function drawVolumes(seed: number, roster: readonly DemoUnit[], years: readonly number[]): Map<string, number> {
  const rng = new Rng(subSeed(seed, 'volumes'))
  const volumes = new Map<string, number>()
  for (const unit of roster)
    for (const year of years) volumes.set(unitYearKey(unit.name, year), rng.poisson(unit.profile.applications * yearFactor(year) * rng.wobble(0.35)))
  return volumes
}

interface UnitState {
  /** Each unit draws from its own stream, so a fault planted in one unit leaves the others' figures unchanged. */
  rng: Rng
  carry: ByApplicant
  active: ActiveState
}

function initialState(seed: number, unit: DemoUnit): UnitState {
  const rng = new Rng(subSeed(seed, `figures/${unit.name}`))
  const pending = rng.poisson(unit.profile.applications * 0.04)
  return { rng, carry: rng.split(pending, applicantWeights(unit.kind)), active: initialActiveState(rng, unit) }
}

/**
 * Generate every unit-year in year order, chaining each unit's carry-forward into next year's
 * carry-over (C1/C2) and its section 二 stock (C3/C4). Reports later removed as "missing" are still
 * generated, so the chain across a gap stays what the unit would have printed.
 */
export function generateSeries(
  seed: number,
  roster: readonly DemoUnit[],
  years: readonly number[],
  volumes: ReadonlyMap<string, number>,
  tweaks: ReadonlyMap<string, GenerationTweak>,
): Map<string, DemoRecord> {
  const states = new Map(roster.map((u) => [u.name, initialState(seed, u)]))
  const out = new Map<string, DemoRecord>()
  for (const year of years) {
    const thisYear = new Map<string, { record: DemoRecord; carryForward: ByApplicant; next: ActiveState }>()
    for (const unit of roster) {
      const tweak = tweaks.get(unitYearKey(unit.name, year)) ?? {}
      const state = states.get(unit.name)!
      const source = tweak.copyFrom ? thisYear.get(tweak.copyFrom) : undefined
      if (tweak.copyFrom && !source) throw new Error(`demo: copy source ${tweak.copyFrom} must come before ${unit.name} in the roster`)
      const made = source
        ? { record: { ...source.record, unit, cells: { ...source.record.cells } }, carryForward: source.carryForward, next: source.next }
        : drawReport(unit, year, state, volumes.get(unitYearKey(unit.name, year)) ?? 0, tweak)
      thisYear.set(unit.name, made)
      out.set(unitYearKey(unit.name, year), made.record)
      states.set(unit.name, { rng: state.rng, carry: made.carryForward, active: made.next })
    }
  }
  return out
}

function drawReport(unit: DemoUnit, year: number, state: UnitState, drawn: number, tweak: GenerationTweak) {
  const rng = state.rng
  const format = tweak.format ?? formatForYear(year)
  const carriedOver = [...state.carry]
  if (tweak.carriedOverExtra) carriedOver[0] = carriedOver[0]! + tweak.carriedOverExtra
  const active = activeFigures(rng, unit, format, state.active)
  const apply = applyFigures(rng, {
    kind: unit.kind,
    format,
    newTotal: tweak.newTotal ?? drawn,
    carriedOver,
    blankZeroCarryForward: unit.kind !== '部门' && rng.chance(0.15),
  })
  const decided = apply.cells['apply.result.total.total'] ?? 0
  const appeal = appealFigures(rng, unit.kind, decided)
  // one object in print order; no spread of the three parts (slow on 200-key objects at 10,000 reports)
  const parts = [active.cells, apply.cells, appeal]
  const cells: Cells = {}
  for (const k of keysOf(format)) {
    const part = parts.find((p) => k in p)
    if (!part) throw new Error(`demo: no figure drawn for ${k} (${format})`)
    cells[k] = part[k]!
  }
  return { record: { unit, year, format, cells }, carryForward: apply.carryForward, next: active.next }
}
