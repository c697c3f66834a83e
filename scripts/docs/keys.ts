import { ACTIVE_2019, ACTIVE_2021, APPEAL_GROUPS, APPEAL_RESULTS, APPLY_COLS, APPLY_ROWS, cellDef, keysOf, type FormatId } from '~/report/model'
import { generatedNote, table } from './markdown'

const FORMAT_TITLE: Record<FormatId, string> = {
  gov2021: '`gov2021` — 国办公开办函〔2021〕30号 (report years 2021 →)',
  gov2019: '`gov2019` — 国办公开办函〔2019〕60号 (report years 2019–2020)',
}

function activeSection(format: FormatId): string {
  const tables = format === 'gov2021' ? ACTIVE_2021 : ACTIVE_2019
  const rows = tables.flatMap((t) =>
    t.rows.flatMap((r) => t.cols.map((c) => [`\`active.${r.key}.${c.key}\``, t.caption, r.label.zh, c.label.zh, `${r.label.en} / ${c.label.en}`, c.type])),
  )
  return table(['key', 'caption', 'row (printed)', 'column (printed)', 'English', 'type'], rows)
}

function applyRows(format: FormatId): string {
  const rows = APPLY_ROWS.filter((r) => r.formats.includes(format)).map((r) => [
    `\`${r.key}\``, r.group ? `${r.group.zh} › ${r.label.zh}` : r.label.zh, r.label.en, r.outcome ?? '',
  ])
  return table(['row key', 'row (printed)', 'English', 'outcome group'], rows)
}

/** docs/keys.md: every cell key of both national formats, from src/report/model. */
export function renderKeys(): string {
  const out: string[] = [
    generatedNote('src/report/model'),
    '',
    '# Cell keys',
    '',
    'Every cell of the two national table formats, as the parser reports it (`cells` in the parse output) and as',
    'the open dataset stores it (`cells.key`). What the formats are and how they differ: [formats.md](formats.md).',
    '',
    `Counts: gov2021 ${keysOf('gov2021').length} keys, gov2019 ${keysOf('gov2019').length} keys. Types: \`count\` integer ≥ 0;`,
    '`signed` integer that may be negative (2019 本年增/减); `decimal` number ≥ 0 with decimals (amounts).',
    '',
  ]
  for (const format of ['gov2021', 'gov2019'] as const) {
    out.push(`## ${FORMAT_TITLE[format]}`, '')
    out.push(`### Section 二 主动公开 (${keysOf(format).filter((k) => k.startsWith('active.')).length} keys)`, '', activeSection(format), '')
    const n = APPLY_ROWS.filter((r) => r.formats.includes(format)).length
    out.push(`### Section 三 依申请公开 (${n} rows × ${APPLY_COLS.length} columns = ${n * APPLY_COLS.length} keys)`, '')
    out.push('A key is `apply.<row>.<column>`, e.g. `apply.result.withheld.state_secret.total`. Rows, in print order:', '', applyRows(format), '')
  }
  out.push('## Section 三 columns (both formats)', '')
  out.push(table(['column key', 'printed', 'English'], APPLY_COLS.map((c) => [`\`${c.key}\``, c.label.zh, c.label.en])), '')
  out.push('## Section 四 复议诉讼 (both formats, 15 keys)', '')
  out.push('A key is `<group>.<result>`, e.g. `litigation.after_review.corrected`.', '')
  out.push(table(['group', 'printed', 'English'], APPEAL_GROUPS.map((g) => [`\`${g.key}\``, g.parent ? `${g.parent.zh} › ${g.label.zh}` : g.label.zh, g.label.en])), '')
  out.push(table(['result', 'printed', 'English'], APPEAL_RESULTS.map((r) => [`\`${r.key}\``, r.label.zh, r.label.en])), '')
  out.push('## Keys in both formats', '')
  const both = keysOf('gov2021').filter((k) => cellDef(k)!.formats.length === 2 && k.startsWith('active.'))
  out.push(`Section 四, every section 三 row except （六）其他处理, and in section 二 only ${both.map((k) => `\`${k}\``).join(', ')}.`)
  out.push('Derived values (`legal.subtotal`, group subtotals) are never cells; compute them where needed.', '')
  return out.join('\n')
}
