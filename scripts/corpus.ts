/**
 * `npm run corpus [-- DIR] [--verbose]`: how a folder of real reports reads. DIR holds raw/<id>.<ext>
 * and expected/<id>.json (default tests/corpus). Prints one line per file — cells right / wrong /
 * missing, unit and year — then the totals; with --verbose every wrong and missing key.
 */
import { scoreCorpus, totalsOf, type FileScore } from './corpus/score'

function line(s: FileScore): string {
  const mark = (ok: boolean): string => (ok ? '✓' : '✗')
  const cells = s.error ? `unreadable: ${s.error}` : `${s.right}/${s.expected} right, ${s.wrong.length} wrong, ${s.missing.length} missing`
  return [
    s.id.padEnd(6),
    cells.padEnd(40),
    `unit ${mark(s.unit.ok)} ${s.unit.actual ?? '—'}${s.unit.ok ? '' : ` (expected ${s.unit.expected ?? '—'})`}`,
    `year ${mark(s.year.ok)} ${s.year.actual ?? '—'}${s.year.ok ? '' : ` (expected ${s.year.expected ?? '—'})`}`,
  ].join('  ')
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--')
  const verbose = args.includes('--verbose') || args.includes('-v')
  const dir = args.find((a) => !a.startsWith('-')) ?? 'tests/corpus'
  const scores = await scoreCorpus(dir)
  for (const s of scores) {
    console.log(line(s))
    if (!verbose) continue
    for (const w of s.wrong) console.log(`        wrong   ${w.key}: expected ${w.expected}, got ${w.actual}`)
    if (s.missing.length) console.log(`        missing ${s.missing.join(' ')}`)
  }
  const t = totalsOf(scores)
  const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`)
  console.log(
    `\n${t.files} files: ${t.right}/${t.expected} cells right (${pct(t.right, t.expected)}), ${t.wrong} wrong, ${t.missing} missing; ` +
      `unit ${t.unitOk}/${t.files}, year ${t.yearOk}/${t.files}, unreadable ${t.unreadable}`,
  )
  return 0
}

process.exitCode = await main(process.argv.slice(2))
