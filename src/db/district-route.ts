/**
 * Which district's database file a query needs. The dashboard attaches one district's file at a
 * time (data/db/<district>.duckdb, src/db/wasm.ts), so a visitor of one district never downloads
 * another's rows. Every SQL builder narrows its tables with `district = '<id>'` (src/db/sql/scope.ts
 * `scopeWhere`, and the unit/data builders likewise), so the query itself says which file must be
 * attached — no second channel that could fall out of step with the SQL it belongs to.
 */

/** `district = '<id>'` (any table alias before it; '' inside the literal is an escaped quote). */
const NAMED = /\bdistrict\s*=\s*'((?:[^']|'')*)'/gi

/**
 * The district ids a SQL text names in `district = '<id>'` comparisons, in order of first mention,
 * without repeats. A query that names none (e.g. `WHERE report_id = 5`) reads whichever district is
 * attached: such ids were taken from that district's own rows.
 */
export function namedDistricts(sql: string): string[] {
  const out: string[] = []
  for (const m of sql.matchAll(NAMED)) {
    const id = m[1]!.replace(/''/g, "'")
    if (!out.includes(id)) out.push(id)
  }
  return out
}

/**
 * The district the page address asks for (`#/compare?district=pingtan`, or before the `#`), or
 * null: the engine attaches it while it starts, so the first query does not wait for a second file.
 */
export function districtFromPage(loc: { search: string; hash: string } | undefined = typeof location === 'undefined' ? undefined : location): string | null {
  if (!loc) return null
  const inHash = loc.hash.includes('?') ? new URLSearchParams(loc.hash.slice(loc.hash.indexOf('?') + 1)).get('district') : null
  return inHash ?? new URLSearchParams(loc.search).get('district')
}

/** Statements for one district, run together once that district is attached. */
interface Group {
  id: string | null
  /** Statements joined and not yet settled: the group ends (and the next may swap) at 0. */
  members: number
  ready: Promise<void>
  open: () => void
  fail: (err: unknown) => void
}

/**
 * Runs statements against one attached district database at a time, in the order they were asked.
 * Consecutive statements for the same district form a group that runs concurrently; the next group's
 * swap (DETACH + ATTACH) starts only when every statement of the group before has settled — a swap
 * never pulls a file from under a running query (two views asking for two districts at once used to
 * read each other's rows). A statement naming no district joins the last group (it reads the district
 * asked just before it). Groups are served first come, first served, so alternating districts cannot
 * starve one another.
 */
export class DistrictQueue {
  private readonly groups: Group[] = []

  /** `swapTo` replaces the attached database with district `id`'s; `attached` is the one attached now. */
  constructor(
    private readonly swapTo: (id: string) => Promise<void>,
    private attached: string | null,
  ) {}

  /** Run `statement` once district `id` (null: whichever the statements before it use) is attached. */
  async run<T>(id: string | null, statement: () => Promise<T>): Promise<T> {
    const group = this.join(id)
    try {
      await group.ready
      return await statement()
    } finally {
      group.members--
      if (group.members === 0 && this.groups[0] === group) this.next()
    }
  }

  private join(id: string | null): Group {
    const last = this.groups.at(-1)
    if (last && (id === null || id === last.id)) {
      last.members++
      return last
    }
    let open!: () => void
    let fail!: (err: unknown) => void
    const ready = new Promise<void>((resolve, reject) => {
      open = resolve
      fail = reject
    })
    ready.catch(() => {}) // every member awaits it; an unawaited copy must not report a rejection
    const group: Group = { id: id ?? this.attached, members: 1, ready, open, fail }
    this.groups.push(group)
    if (this.groups.length === 1) this.begin(group)
    return group
  }

  private begin(group: Group): void {
    if (group.id === null || group.id === this.attached) return group.open()
    const id = group.id
    this.swapTo(id).then(
      () => {
        this.attached = id
        group.open()
      },
      (err: unknown) => {
        // What is attached after a failed swap is unknown: the next group attaches its district afresh.
        this.attached = null
        group.fail(err)
      },
    )
  }

  private next(): void {
    this.groups.shift()
    const head = this.groups[0]
    if (head) this.begin(head)
  }
}
