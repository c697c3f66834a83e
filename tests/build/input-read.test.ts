/**
 * Issue #13: reading an input file refuses non-regular files and absurd sizes with a message,
 * and never hangs (a FIFO is opened non-blocking and checked with fstat before any read).
 */
import { execFileSync } from 'node:child_process'
import { closeSync, cpSync, openSync, ftruncateSync, lstatSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { inputScope, MAX_INPUT_BYTES, nodeInputFs, readInputFile, readRegularFile, walkFiles, type InputFs } from '../../scripts/build/input-fs'
import { buildInto, FIXTURE_DATA, removeTemps, tempDir } from './helpers'
import { buildData } from '../../scripts/build/build'
import { memoryLog } from '../../scripts/build/log'
import { fakeParse } from './fake-parser'

afterAll(removeTemps)

describe('readInputFile', () => {
  it('reads a file whose size says 0 (a /proc file) to its end', () => {
    expect(lstatSync('/proc/self/status').size).toBe(0)
    const r = readRegularFile('/proc/self/status')
    expect(r.ok && new TextDecoder().decode(r.bytes)).toMatch(/^Name:/)
  })

  it('refuses /dev/zero (a character device) at once, without reading it', () => {
    const r = readInputFile('/dev/zero', inputScope('/'))
    expect(r).toMatchObject({ ok: false, reason: 'a character device, not a regular file; not read' })
  })

  it('refuses a FIFO with no writer without blocking', () => {
    const dir = tempDir()
    execFileSync('mkfifo', [join(dir, 'pipe')])
    const started = Date.now()
    expect(readInputFile(join(dir, 'pipe'), inputScope(dir))).toMatchObject({ ok: false, reason: expect.stringMatching(/FIFO/) })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it(`refuses a file over ${MAX_INPUT_BYTES / 1024 / 1024} MB (a sparse 101 MB file: nothing is read), reads one under it`, () => {
    const dir = tempDir()
    const big = join(dir, 'big.txt')
    const fd = openSync(big, 'w')
    ftruncateSync(fd, 101 * 1024 * 1024)
    closeSync(fd)
    expect(readInputFile(big, inputScope(dir))).toMatchObject({ ok: false, reason: 'the file is 101 MB, more than the 100 MB limit; not read' })
    writeFileSync(join(dir, 'small.txt'), 'abc')
    const small = readInputFile(join(dir, 'small.txt'), inputScope(dir))
    expect(small.ok && new TextDecoder().decode(small.bytes)).toBe('abc')
    expect(readInputFile(join(dir, 'small.txt'), inputScope(dir), 2)).toMatchObject({ ok: false, reason: expect.stringMatching(/more than the/) })
  })

  it('refuses a path that leads outside the scope, and a missing file, with a reason', () => {
    const dir = tempDir()
    expect(readInputFile('/etc/passwd', inputScope(dir))).toMatchObject({ ok: false, reason: expect.stringMatching(/outside the data folder/) })
    expect(readInputFile(join(dir, 'nope'), inputScope(dir))).toMatchObject({ ok: false, reason: expect.stringMatching(/does not exist/) })
  })

  it('walkFiles never throws: an unlistable start folder (EACCES injected; root lists everything) is one skipped entry', () => {
    const dir = tempDir()
    const fs: InputFs = { ...nodeInputFs, readdirSync: () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }) } }
    expect(walkFiles(dir, inputScope(dir, fs))).toEqual({ files: [], skipped: [{ path: '.', reason: expect.stringMatching(/cannot list the folder \(EACCES/), level: 'error' }] })
  })
})

describe('the build reads report files through readInputFile', () => {
  it('a report that turned into a FIFO after the walk saw a regular file (simulated: lstat injected to say "file") becomes an unreadable report with the reason; the build does not hang', async () => {
    const data = tempDir('gov-read-')
    cpSync(join(FIXTURE_DATA, 'districts/beta'), join(data, 'districts/beta'), { recursive: true })
    const pipe = join(data, 'districts/beta/reports/2021/pipe.json')
    execFileSync('mkfifo', [pipe])
    const regular = lstatSync(join(data, 'districts/beta/reports/2021/南湖镇.json'))
    const fs: InputFs = { ...nodeInputFs, lstatSync: (p) => (p === pipe ? regular : nodeInputFs.lstatSync(p)) }
    const log = memoryLog()
    const result = await buildData({ dataDir: data, outDir: join(tempDir(), 'out'), strict: false, log, fs }, { parse: fakeParse })
    expect(result.districts[0]).toMatchObject({ files: 2, unreadable: 1 })
    expect(log.problems.join('\n')).toMatch(/beta\/reports\/2021\/pipe\.json: .*a FIFO \(named pipe\), not a regular file; not read/)
    expect(result.skipped).toContainEqual(expect.objectContaining({ path: 'districts/beta/reports/2021/pipe.json', level: 'error' }))
  }, 20_000)

  it('a sparse 101 MB report file is refused with its size, the rest builds', async () => {
    const data = tempDir('gov-read-')
    cpSync(join(FIXTURE_DATA, 'districts/beta'), join(data, 'districts/beta'), { recursive: true })
    const fd = openSync(join(data, 'districts/beta/reports/2021/huge.json'), 'w')
    ftruncateSync(fd, 101 * 1024 * 1024)
    closeSync(fd)
    const { result, log } = await buildInto(data)
    expect(result.districts[0]).toMatchObject({ files: 2, unreadable: 1 })
    expect(log.problems.join('\n')).toMatch(/huge\.json: cannot read the file: the file is 101 MB, more than the 100 MB limit/)
  })
})
