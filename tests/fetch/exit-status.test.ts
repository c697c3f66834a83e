/**
 * Exit status and what is not fetched: 0 when everything was fetched; --strict fails on a stored
 * file that does not look like a report; a unit-year whose report is already in reports/ by hand
 * (not in the ledger) is skipped, not downloaded beside it; a missing district is exit 1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../scripts/fetch'
import { removeTemps, tempDir } from '../build/helpers'
import { startSite, type Site } from './site'

let site: Site

beforeAll(async () => {
  site = await startSite()
})

afterAll(async () => {
  await site?.close()
  removeTemps()
})

/** A fictional district folder whose sources.csv lists `rows` (unit,year,path). */
function district(rows: [string, number, string][]): string {
  const data = tempDir('gov-fetch-exit-')
  const dir = join(data, 'districts', 'shifan')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'district.json'), JSON.stringify({ name: '示范区', synthetic: true, years: [2019, 2021] }))
  writeFileSync(join(dir, 'units.csv'), 'code,name,kind,aliases,valid_from,valid_to\n,河东街道,街道,,,\n,司法局,部门,,,\n,财政局,部门,,,\n')
  writeFileSync(join(dir, 'sources.csv'), ['unit,year,url,status,checked_at,note', ...rows.map(([u, y, p]) => `${u},${y},${site.url}${p},,,`)].join('\n') + '\n')
  return data
}

async function run(data: string, ...extra: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(['--data', data, '--delay', '0', '--timeout', '10000', '--retries', '0', ...extra], { info: (l) => void out.push(l), problem: (l) => void err.push(l) })
  return { code, out, err }
}

describe('fetch exit status', () => {
  it('0 when every address was fetched', async () => {
    const { code, out } = await run(district([['河东街道', 2019, '/zwgk/hedong-2019.html']]))
    expect(code).toBe(0)
    expect(out.at(-1)).toBe('summary: 1 fetched, 0 unchanged, 0 changed (earlier copy kept), 0 failed, 0 skipped, 0 not like a report, 0 input problems')
  })

  it('a file that does not look like a report: kept, exit 0; with --strict exit 1', async () => {
    const data = district([['司法局', 2021, '/zwgk/sifa-2021.html']])
    expect((await run(data)).code).toBe(0)
    expect(readdirSync(join(data, 'districts/shifan/fetched/not-reports/2021'))).toEqual(['司法局-2021.html'])
    expect(existsSync(join(data, 'districts/shifan/reports'))).toBe(false)
    expect((await run(data, '--strict')).code).toBe(1)
  })

  it('a report of another year than its sources.csv row: stored, one line saying so, noted in the ledger', async () => {
    const data = district([['河东街道', 2021, '/zwgk/hedong-2019.html']])
    const { code, err } = await run(data)
    expect(code).toBe(0)
    expect(err).toEqual([`  ! [1/1] 河东街道 2021 ${site.url}/zwgk/hedong-2019.html: reports/2021/河东街道-2021.html: the report is for 2019, not 2021 as sources.csv says; check the url`])
    expect(readFileSync(join(data, 'districts/shifan/fetch-ledger.csv'), 'utf8')).toContain('the report is for 2019, not 2021 as sources.csv says')
  })

  it('a unit-year already stored by hand is skipped, not fetched beside it', async () => {
    const data = district([['河东街道', 2019, '/zwgk/hedong-2019.html']])
    mkdirSync(join(data, 'districts/shifan/reports/2019'), { recursive: true })
    writeFileSync(join(data, 'districts/shifan/reports/2019/河东街道2019年报.txt'), 'copied by hand')
    const { code, out } = await run(data)
    expect(code).toBe(0)
    expect(out).toContainEqual(`  - [1/1] 河东街道 2019 ${site.url}/zwgk/hedong-2019.html: skipped — a report of this unit-year is already in reports/2019/河东街道2019年报.txt (not fetched; not in the ledger)`)
    expect(readdirSync(join(data, 'districts/shifan/reports/2019'))).toEqual(['河东街道2019年报.txt'])
  })

  it('a district that does not exist: exit 1, named', async () => {
    const { code, err } = await run(district([]), '--district', 'nowhere')
    expect(code).toBe(1)
    expect(err[0]).toMatch(/^✗ no district folder "nowhere" under /)
  })
})
