import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { TableDef } from '~/db/schema'
import { sha256File } from './hash'
import type { DistrictInput } from './types'

/** A file of the output folder to list as a resource. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string
  /** Resource name (lowercase, `-`, `.`, `_`, `/`, digits). */
  name: string
  format: 'csv' | 'parquet' | 'json' | 'duckdb'
  /** The table the file holds, when it is one of the open-data tables. */
  table?: TableDef
  title: string
  /** Set on a per-district file (open/<district>/…): the district and the license covering it. */
  district?: { id: string; name: string; license: string }
}

const MEDIATYPES: Record<OutputFile['format'], string> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
  json: 'application/json',
  duckdb: 'application/vnd.duckdb',
}

/** Frictionless Table Schema of a table: bilingual titles and descriptions from src/db/schema.ts. */
export function tableSchema(t: TableDef): Record<string, unknown> {
  return {
    fields: t.fields.map((f) => {
      const constraints: Record<string, unknown> = {}
      if (f.required) constraints.required = true
      if (f.enum) constraints.enum = [...f.enum]
      return {
        name: f.name,
        type: f.type,
        title: `${f.title.zh} / ${f.title.en}`,
        description: `${f.description.zh} — ${f.description.en}`,
        ...(Object.keys(constraints).length ? { constraints } : {}),
      }
    }),
    ...(t.primaryKey ? { primaryKey: [...t.primaryKey] } : {}),
    missingValues: [''],
  }
}

/** License names Frictionless accepts as `name`; anything else is kept as the title. */
function licenseEntry(text: string): { name: string; title?: string } {
  return /^[-a-zA-Z0-9._]+$/.test(text) ? { name: text } : { name: 'other', title: text }
}

/**
 * datapackage.json for the output folder: every file a resource with its hash and size;
 * tabular CSVs carry the Table Schema. `created` comes from the inputs (deterministic).
 */
export async function buildDataPackage(outDir: string, files: readonly OutputFile[], districts: readonly Pick<DistrictInput, 'id' | 'info'>[], created: string, urls: readonly string[], version?: string): Promise<Record<string, unknown>> {
  const resources = []
  for (const f of files) {
    const abs = join(outDir, f.path)
    resources.push({
      name: f.name,
      path: f.path,
      profile: f.format === 'csv' && f.table ? 'tabular-data-resource' : 'data-resource',
      title: f.title,
      ...(f.table ? { description: `${f.table.description.zh} — ${f.table.description.en}` } : {}),
      format: f.format,
      mediatype: MEDIATYPES[f.format],
      ...(f.format === 'csv' || f.format === 'json' ? { encoding: 'utf-8' } : {}),
      bytes: statSync(abs).size,
      hash: `sha256:${await sha256File(abs)}`,
      ...(f.table ? { schema: tableSchema(f.table) } : {}),
      ...(f.district?.license ? { licenses: [licenseEntry(f.district.license)] } : {}),
    })
  }
  const licenses = [...new Set(districts.map((d) => d.info.license).filter(Boolean))].map(licenseEntry)
  const sources = [
    ...districts.map((d) => ({ title: `${d.info.province}${d.info.city}${d.info.name}${d.info.publisher ? ` — ${d.info.publisher}` : ''}` })),
    ...urls.map((u) => ({ title: u, path: u })),
  ]
  return {
    profile: 'data-package',
    name: 'gov-disclosure-annual-reports',
    title: '政府信息公开工作年度报告数据 / Government information disclosure annual reports',
    description:
      '乡镇、街道和部门政府信息公开工作年度报告的表格数据（整洁格式）、校验发现与报告覆盖情况。' +
      ' — Tables of township, street-office and department disclosure annual reports (tidy), validation findings and report coverage.',
    keywords: ['政府信息公开', 'government information disclosure', 'annual report', ...districts.map((d) => d.info.name)],
    ...(version ? { version } : {}),
    licenses: licenses.length ? licenses : [{ name: 'other', title: 'See each district folder' }],
    // Which license covers which district (the package-level list above is their union).
    districts: districts.map((d) => ({
      id: d.id, name: d.info.name, license: d.info.license, license_note: d.info.license_note,
      publisher: d.info.publisher, provenance: d.info.provenance, synthetic: d.info.synthetic,
    })),
    sources,
    created,
    resources,
  }
}
