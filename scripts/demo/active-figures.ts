import type { FormatId } from '~/report/model'
import type { Cells } from './apply-figures'
import type { Rng } from './prng'
import type { DemoUnit } from './roster'

/**
 * What section 二 carries from one year to the next: the stock of normative documents in force
 * (2021 format, rule C3), the number published so far (2019 对外公开总数量), and the 2019-format
 * item counts whose 上一年项目数量 is last year's count plus last year's 本年增/减 (rule C4).
 */
export interface ActiveState {
  inForce: number
  totalPublished: number
  items: Record<'license' | 'other_service' | 'penalty' | 'coercion' | 'fee', number>
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** The opening stock of a unit, before its first demo year. */
export function initialActiveState(rng: Rng, unit: DemoUnit): ActiveState {
  const p = unit.profile
  const dept = unit.kind === '部门'
  return {
    inForce: Math.round(p.normative * rng.uniform(3, 8)),
    totalPublished: Math.round(p.normative * rng.uniform(4, 10)),
    items: {
      license: p.licenses > 0 ? (dept ? rng.int(8, 60) : rng.int(1, 6)) : 0,
      other_service: dept ? rng.int(5, 40) : rng.int(2, 15),
      penalty: p.penalties > 0 ? (dept ? rng.int(20, 300) : rng.int(5, 40)) : 0,
      coercion: p.coercions > 0 ? rng.int(3, 25) : 0,
      fee: p.feesWan > 0 ? rng.int(1, 12) : 0,
    },
  }
}

/** Decision counts of a year (comparable across formats): wobbling around the unit's level. */
function decisions(rng: Rng, unit: DemoUnit) {
  const p = unit.profile
  return {
    license: rng.poisson(p.licenses * rng.wobble(0.25)),
    penalty: rng.poisson(p.penalties * rng.wobble(0.3)),
    coercion: rng.poisson(p.coercions * rng.wobble(0.3)),
  }
}

/**
 * Section 二 for one report in the given format, and the state that chains into next year.
 * 规章 is 0 everywhere: only provinces and cities with districts make 规章 (docs/formats.md, “Section 二”).
 */
export function activeFigures(rng: Rng, unit: DemoUnit, format: FormatId, state: ActiveState): { cells: Cells; next: ActiveState } {
  return format === 'gov2021' ? active2021(rng, unit, state) : active2019(rng, unit, state)
}

function active2021(rng: Rng, unit: DemoUnit, state: ActiveState): { cells: Cells; next: ActiveState } {
  const issued = rng.poisson(unit.profile.normative * rng.wobble(0.3))
  const repealed = Math.min(state.inForce, rng.poisson(unit.profile.normative * 0.4))
  const inForce = state.inForce + issued - repealed
  const d = decisions(rng, unit)
  const fee = unit.profile.feesWan > 0 ? round2(unit.profile.feesWan * rng.wobble(0.3)) : 0
  const cells: Cells = {
    'active.regulation.issued': 0,
    'active.regulation.repealed': 0,
    'active.regulation.in_force': 0,
    'active.normative.issued': issued,
    'active.normative.repealed': repealed,
    'active.normative.in_force': inForce,
    'active.license.decisions': d.license,
    'active.penalty.decisions': d.penalty,
    'active.coercion.decisions': d.coercion,
    'active.fee.amount_wan': fee,
  }
  return { cells, next: { ...state, inForce, totalPublished: state.totalPublished + issued } }
}

function active2019(rng: Rng, unit: DemoUnit, state: ActiveState): { cells: Cells; next: ActiveState } {
  const made = rng.poisson(unit.profile.normative * rng.wobble(0.3))
  const published = made - rng.binomial(made, 0.1)
  const totalPublished = state.totalPublished + published
  const d = decisions(rng, unit)
  const items = { ...state.items }
  // an item list shrinks to zero at most, never below
  const delta = (key: keyof ActiveState['items'], down: number, up: number) => Math.max(-items[key], rng.int(down, up))
  const deltas = {
    license: items.license > 0 ? delta('license', -2, 3) : 0,
    other_service: delta('other_service', -1, 2),
    penalty: items.penalty > 0 ? delta('penalty', -5, 8) : 0,
    coercion: items.coercion > 0 ? delta('coercion', -1, 1) : 0,
    fee: items.fee > 0 ? delta('fee', -1, 0) : 0,
  }
  const projects = rng.poisson(unit.kind === '部门' ? 3 : 0.6)
  // printed as whole yuan, with no unit (as 松江河镇 2020 prints "808"): amounts are round thousands
  const amount = projects > 0 ? projects * rng.int(2, 80) * 1000 : 0
  const cells: Cells = {
    'active.regulation.new_made': 0,
    'active.regulation.new_published': 0,
    'active.regulation.total_published': 0,
    'active.normative.new_made': made,
    'active.normative.new_published': published,
    'active.normative.total_published': totalPublished,
    'active.license.prev_items': items.license,
    'active.license.delta': deltas.license,
    'active.license.decisions': d.license,
    'active.other_service.prev_items': items.other_service,
    'active.other_service.delta': deltas.other_service,
    'active.other_service.decisions': rng.poisson(items.other_service * rng.uniform(2, 12)),
    'active.penalty.prev_items': items.penalty,
    'active.penalty.delta': deltas.penalty,
    'active.penalty.decisions': d.penalty,
    'active.coercion.prev_items': items.coercion,
    'active.coercion.delta': deltas.coercion,
    'active.coercion.decisions': d.coercion,
    'active.fee.prev_items': items.fee,
    'active.fee.delta': deltas.fee,
    'active.procurement.projects': projects,
    'active.procurement.amount': amount,
  }
  for (const key of Object.keys(items) as (keyof ActiveState['items'])[]) items[key] += deltas[key]
  return { cells, next: { ...state, items, totalPublished } }
}
