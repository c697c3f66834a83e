import { TABLES } from '~/db/schema'
import { METRICS, metricFormula } from '~/report/metrics'
import { generatedNote, table } from './markdown'

/** docs/data-dictionary.md: every table and column of the open dataset, and the derived metrics. */
export function renderDataDictionary(): string {
  const out: string[] = [
    generatedNote('src/db/schema.ts (TABLES) and src/report/metrics.ts (METRICS)'),
    '',
    '# Data dictionary',
    '',
    'The open dataset the build writes to `public/data/`: the same six tables in `gov.duckdb`, in',
    '`open/<table>.parquet` (zstd), `open/<table>.csv` (UTF-8 with BOM, header row) and `open/<table>.json`',
    '(an array of objects), described again in `datapackage.json` (Frictionless Table Schemas). An empty',
    'CSV field is NULL everywhere: the build stores an empty string as NULL so every format agrees.',
    '',
    'Cell keys (`cells.key`) are listed in [keys.md](keys.md); finding ids (`findings.rule`) in',
    '[rules.md](rules.md). The data path from a report file to these tables: [architecture.md](architecture.md).',
    '',
    `Tables: ${TABLES.map((t) => `[\`${t.name}\`](#${t.name})`).join(', ')}. [Derived metrics](#derived-metrics).`,
    '',
  ]
  for (const t of TABLES) {
    out.push(`## ${t.name}`, '', `**${t.title.zh} / ${t.title.en}.** ${t.description.zh}. ${t.description.en}.`, '')
    if (t.primaryKey) out.push(`Primary key: ${t.primaryKey.map((k) => `\`${k}\``).join(', ')}.`, '')
    out.push(
      table(
        ['column', 'type', 'required', '中文', 'English', 'values'],
        t.fields.map((f) => [`\`${f.name}\``, `${f.type} (${f.sql})`, f.required ? 'yes' : '', `${f.title.zh}：${f.description.zh}`, `${f.title.en}: ${f.description.en}`, f.enum?.join(', ') ?? '']),
      ),
      '',
    )
  }
  out.push(
    '## Derived metrics',
    '',
    'Computed, never stored in the tables: the dashboard and the summary JSON (`summary/<district>.json`)',
    'derive them from `cells`, over the report that counts for each unit and year (`reports.counted`). One',
    'definition each, in src/report/metrics.ts; the SQL (src/db/sql/metric.ts) and the TypeScript',
    '(`evaluateMetric`) are both derived from it. A blank or absent cell counts as 0. A ratio aggregated over',
    'several reports is the ratio of the sums, not the mean of the ratios.',
    '',
    table(
      ['key', '中文', 'English', 'unit', 'better', 'formula'],
      METRICS.map((m) => [`\`${m.key}\``, m.label.zh, m.label.en, m.unit, m.good ?? '', metricFormula(m)]),
    ),
    '',
  )
  return out.join('\n')
}
