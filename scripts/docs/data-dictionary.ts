import { openTables } from '~/db/open-tables'
import { METRICS, metricFormula } from '~/report/metrics'
import { generatedNote, table } from './markdown'

/** docs/data-dictionary.md: every table and column of the open dataset, and the derived metrics. */
export function renderDataDictionary(): string {
  const TABLES = openTables()
  const out: string[] = [
    generatedNote('src/db/schema.ts (TABLES), src/db/open-tables.ts and src/report/metrics.ts (METRICS)'),
    '',
    '# Data dictionary',
    '',
    'The open dataset the build writes to `public/data/`: the same six tables in `gov.duckdb` (all',
    'districts) and in `db/<district>.duckdb` (one district: the file the dashboard attaches), in',
    '`open/<table>.parquet` (zstd, all districts), `open/<table>.csv` (UTF-8 with BOM, header row; every',
    'table but `cells`) and `open/<table>.json` (an array of objects; the small tables `units` and',
    '`districts`), described again in `datapackage.json` (Frictionless Table Schemas). An empty',
    'CSV field is NULL everywhere: the build stores an empty string as NULL so every format agrees.',
    '',
    'Each district also has its own files, `open/<district>/<table>.csv` and `.parquet`, holding its rows',
    'only, and its cells per report year, `open/<district>/<year>/cells.parquet` (all-district cells as CSV',
    'or JSON would grow by tens of kB per report); `datapackage.json` gives each of them the license of its district (`licenses`) and lists every',
    'district with its license and what the license covers (`districts`). `cells` is published with two',
    'columns more than `gov.duckdb` stores: `label_zh` (the printed label of the key) and `provenance`',
    '(of its report: published or synthetic); the SQL console of the 开放数据 page sees them too.',
    '',
    '**CSV conventions** (the files people open in a spreadsheet): UTF-8 with a byte-order mark; whole',
    "numbers print as integers (`5`, not `5.0`); a text field starting with `=`, `+`, `-`, `@`, a tab or a",
    "carriage return gets a leading apostrophe `'` so Excel, WPS or LibreOffice never run report text as a",
    'formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`). Numbers are never changed; Parquet and JSON keep the',
    'text exactly as read. Written by scripts/build/open-files.ts.',
    '',
    '**Version and changelog.** `datapackage.json` `version` is `YYYY.MM.DD+<8 hex>`: the date of the data',
    '(`created`) and a digest of the open CSV files, so the same inputs give the same version and any',
    'changed value a new one. `changelog.json` lists the builds, newest first, with what changed per',
    'district (reports, cells, findings); a rebuild of the same data adds no entry.',
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
      ['key', '中文', 'English', 'unit', 'better', 'formula', '定义', 'definition'],
      METRICS.map((m) => [`\`${m.key}\``, m.label.zh, m.label.en, m.unit, m.good ?? '', metricFormula(m), m.definition.zh, m.definition.en]),
    ),
    '',
  )
  return out.join('\n')
}
