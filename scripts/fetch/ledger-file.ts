import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { decodeBytes } from '~/report/parse/decode'
import { LEDGER_COLUMNS, LEDGER_FILE, parseLedger, type LedgerRow } from '../build/ledger'

/**
 * The fetch's side of fetch-ledger.csv: read it (with the build's parser, scripts/build/ledger.ts)
 * into rows keyed by unit, year and address, and write it back after every source so a killed run
 * keeps what it did.
 */
export class Ledger {
  private readonly rows = new Map<string, LedgerRow>()
  readonly problems: string[] = []
  /** The old ledger could not be decoded: it is kept untouched and this run's rows are not saved. */
  private unreadable = false

  constructor(private readonly dir: string) {
    const file = join(dir, LEDGER_FILE)
    if (!existsSync(file)) return
    const d = decodeBytes(new Uint8Array(readFileSync(file)))
    if (!d.ok) {
      this.unreadable = true
      this.problems.push(`${LEDGER_FILE}: ${d.reason_en}; starting a new ledger would lose it, so it is left as is`)
      return
    }
    const { rows, problems } = parseLedger(d.text)
    this.problems.push(...problems.map((p) => `${LEDGER_FILE} ${p}`))
    for (const r of rows) this.rows.set(key(r.unit, r.year, r.url), r)
  }

  get(unit: string, year: number, url: string): LedgerRow | undefined {
    return this.rows.get(key(unit, String(year), url))
  }

  set(row: LedgerRow): void {
    this.rows.set(key(row.unit, row.year, row.url), row)
  }

  /** Every stored file the ledger knows (paths relative to the district folder). */
  files(): Set<string> {
    return new Set([...this.rows.values()].map((r) => r.file).filter(Boolean))
  }

  /** Write the ledger (through a temporary file and a rename). Refused when the old one could not be read. */
  save(): void {
    if (this.unreadable) return
    const data = [...this.rows.values()].map((r) => LEDGER_COLUMNS.map((c) => r[c]))
    const text = Papa.unparse({ fields: [...LEDGER_COLUMNS], data }, { newline: '\n' }) + '\n'
    const tmp = join(this.dir, `.${LEDGER_FILE}.part`)
    writeFileSync(tmp, text)
    renameSync(tmp, join(this.dir, LEDGER_FILE))
  }
}

/** An empty row for a unit-year address. */
export function blankRow(unit: string, year: number, url: string, parentUrl = ''): LedgerRow {
  const row = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, ''])) as LedgerRow
  return { ...row, unit, year: String(year), url, parent_url: parentUrl }
}

function key(unit: string, year: string, url: string): string {
  return `${unit}\u0000${year}\u0000${url}`
}
