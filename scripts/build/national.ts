import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { KPI_MIN_COVERAGE } from '~/charts/options/overview-kpis'
import { buildNationalIndex, type NationalDistrictInput } from '~/build/national-index'
import { NATIONAL_FILE } from '~/db/national'
import type { OutputFile } from './datapackage'

/**
 * Write `national.json` into the output folder from the districts' summaries and counted reports,
 * with the district view's KPI coverage threshold, so a district-year the 总览 suppresses is the one
 * the province view marks. Returns its entry for the data package.
 */
export function writeNationalIndex(dir: string, districts: readonly NationalDistrictInput[]): OutputFile {
  writeFileSync(join(dir, NATIONAL_FILE), JSON.stringify(buildNationalIndex(districts, KPI_MIN_COVERAGE)))
  return { path: NATIONAL_FILE, name: 'national', format: 'json', title: '全国索引（省—市—区县，年度汇总）/ National index (province → city → district, yearly totals)' }
}
