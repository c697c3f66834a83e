/**
 * Import and fetch name a report the same way (`<unit>-<year>.<ext>`), so a report placed by
 * `npm run import` counts as stored for `npm run fetch`: a fetch of the same unit-year skips it
 * instead of downloading a second copy that the build would mark duplicate. Real import (real
 * parser, a corpus report), real fetch against the local test site.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultEngines } from '../../scripts/build/engines'
import { main } from '../../scripts/fetch'
import { runImport } from '../../scripts/import/run'
import { removeTemps, ROOT, tempDir } from '../build/helpers'
import { startSite, type Site } from './site'

let site: Site

beforeAll(async () => {
  site = await startSite()
})

afterAll(async () => {
  await site?.close()
  removeTemps()
})

describe('fetch after import', () => {
  it('skips a unit-year whose report was imported, and downloads nothing beside it', async () => {
    const data = tempDir('gov-fetch-import-')
    const dir = join(data, 'districts', 'shifan')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'district.json'), JSON.stringify({ name: '示范区', synthetic: true, years: [2019, 2021] }))
    writeFileSync(join(dir, 'units.csv'), 'code,name,kind,aliases,valid_from,valid_to\n,平潭综合实验区公安局,部门,公安局,,\n')
    // The same unit-year's report is also published at an address of the site (any report will do: it must not be asked for).
    writeFileSync(join(dir, 'sources.csv'), `unit,year,url,status,checked_at,note\n平潭综合实验区公安局,2021,${site.url}/zwgk/caizheng-2021.txt,,,\n`)

    // tests/corpus/raw/c001.txt is 平潭综合实验区公安局's 2021 report; its file name does not name the unit.
    const imported = await runImport({ dataDir: data, district: 'shifan', paths: [join(ROOT, 'tests/corpus/raw/c001.txt')], dryRun: false, engines: defaultEngines })
    expect(imported.rows).toMatchObject([{ outcome: 'placed', unit: '平潭综合实验区公安局', year: 2021, placedAs: 'reports/2021/平潭综合实验区公安局-2021.txt', note: 'from c001.txt' }])

    const out: string[] = []
    const code = await main(['--data', data, '--delay', '0', '--timeout', '10000', '--retries', '0'], { info: (l) => void out.push(l), problem: (l) => void out.push(l) })
    expect(code).toBe(0)
    expect(out).toContainEqual(
      `  - [1/1] 平潭综合实验区公安局 2021 ${site.url}/zwgk/caizheng-2021.txt: skipped — a report of this unit-year is already in reports/2021/平潭综合实验区公安局-2021.txt (not fetched; not in the ledger)`,
    )
    expect(site.hits.get('/zwgk/caizheng-2021.txt') ?? 0).toBe(0)
    expect(readdirSync(join(dir, 'reports/2021'))).toEqual(['平潭综合实验区公安局-2021.txt'])
    expect(readFileSync(join(dir, 'reports/2021/平潭综合实验区公安局-2021.txt'))).toEqual(readFileSync(join(ROOT, 'tests/corpus/raw/c001.txt')))
  }, 60_000)
})
