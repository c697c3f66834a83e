import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { main, readArgs } from '../../scripts/build-data'
import { STAMP_FILE } from '../../scripts/build/stamp'
import { buildInto, FIXTURE_DATA, queryDb, removeTemps, tempDir } from './helpers'

const tmp = () => tempDir('gov-cli-')

afterAll(removeTemps)

describe('build:data command line and strict mode', () => {
  it('strict mode fails the build when an input is bad, and passes on clean input', async () => {
    expect((await buildInto(FIXTURE_DATA, undefined, true)).result.ok).toBe(false)
    const clean = tmp()
    cpSync(join(FIXTURE_DATA, 'districts/beta'), join(clean, 'districts/beta'), { recursive: true })
    expect((await buildInto(clean, undefined, true)).result.ok).toBe(true)
  })

  it('goes on past a broken district folder and a bad registry row, naming file and row', async () => {
    const data = tmp()
    cpSync(join(FIXTURE_DATA, 'districts/beta'), join(data, 'districts/beta'), { recursive: true })
    mkdirSync(join(data, 'districts/broken'), { recursive: true })
    writeFileSync(join(data, 'districts/broken/district.json'), '{ "name": ')
    writeFileSync(join(data, 'districts/beta/units.csv'), 'code,name,kind,aliases,valid_from,valid_to\n101,南湖镇,镇,,,\n102,北湖,村,,,\n')
    const { result, log } = await buildInto(data)
    expect(result.districts.map((d) => d.id)).toEqual(['beta'])
    expect(result.failed.join('\n')).toMatch(/broken[/\\]district\.json: cannot read district\.json/)
    expect(log.problems.join('\n')).toMatch(/units\.csv row 3: kind "村" of "北湖"/)
  })

  it('exits 1 when there is nothing to build, and says so', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const empty = tmp()
    expect(await main(['--data', empty, '--out', join(tmp(), 'out'), '--jobs', '0'])).toBe(1)
    expect(err.mock.calls.flat().join('\n')).toMatch(/nothing could be built/)
    vi.restoreAllMocks()
  })

  it('rejects unknown options with a usage line (exit 2)', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await main(['--bogus'])).toBe(2)
    expect(err.mock.calls.flat().join('\n')).toMatch(/usage: npm run build:data/)
    vi.restoreAllMocks()
    expect(() => readArgs(['--jobs', 'x'])).toThrow(/--jobs/)
    // One job of a build split by district (npm run merge puts the jobs together): --district, repeatable.
    expect(readArgs(['--district', 'alpha', '--district', 'beta']).districts).toEqual(['alpha', 'beta'])
    expect(readArgs([]).districts).toBeUndefined()
  })

  it('builds the real data folder with the real parser and leaves a stamp for npm start', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const data = tmp()
    cpSync(join(process.cwd(), 'data/districts/hulan'), join(data, 'districts/hulan'), { recursive: true })
    const out = join(tmp(), 'out')
    expect(await main(['--data', data, '--out', out, '--jobs', '0'])).toBe(0)
    vi.restoreAllMocks()
    expect(readFileSync(join(out, STAMP_FILE), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/)
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { districts: { id: string }[] }
    expect(index.districts.map((d) => d.id)).toEqual(['hulan'])
    // The real 白奎镇 2021 report, parsed by the real parser, lands in its registry unit's coverage cell.
    const cov = await queryDb(join(out, 'gov.duckdb'), `SELECT status FROM coverage WHERE unit = '白奎镇' AND year = 2021`)
    expect(cov).toEqual([{ status: 'received' }])
    const [r] = await queryDb(join(out, 'gov.duckdb'), `SELECT unit_printed, format, status, n_cells FROM reports`)
    expect(r).toMatchObject({ format: 'gov2021', status: 'ok' })
    expect(r!.n_cells).toBe(200)
  })

  it('refuses to replace an output folder that is not an earlier build', async () => {
    const out = join(tmp(), 'site')
    mkdirSync(out)
    writeFileSync(join(out, 'index.html'), '<p>not ours</p>')
    const { buildData } = await import('../../scripts/build/build')
    const { memoryLog } = await import('../../scripts/build/log')
    const { fakeParse } = await import('./fake-parser')
    await expect(buildData({ dataDir: FIXTURE_DATA, outDir: out, strict: false, log: memoryLog() }, { parse: fakeParse })).rejects.toThrow(/not the output of an earlier data build/)
    expect(existsSync(join(out, 'index.html'))).toBe(true)
  })
})
