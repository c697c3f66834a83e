/**
 * Issue #13: bad input never stops the build, never loses a district silently, and never makes
 * it read outside the data folder. Tests run as root, which reads every file whatever its mode:
 * "unreadable" is simulated by injecting EACCES through the build's fs layer (input-fs.ts), and
 * the tests say so; FIFOs, devices and symlinks are real.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { main, withEngines } from '../../scripts/build-data'
import { buildData } from '../../scripts/build/build'
import { nodeInputFs, type InputFs } from '../../scripts/build/input-fs'
import { memoryLog } from '../../scripts/build/log'
import { inputStamp } from '../../scripts/build/stamp'
import { buildInto, fakeEngines, FIXTURE_DATA, queryDb, removeTemps, ROOT, tempDir } from './helpers'

afterAll(removeTemps)
afterEach(() => vi.restoreAllMocks())

/** A data folder holding copies of fixture districts (`beta`, `alpha`: fake-parser JSON) and/or the real `hulan`. */
function dataWith(...ids: string[]): string {
  const data = tempDir('gov-bad-')
  for (const id of ids) {
    const from = id === 'hulan' ? join(ROOT, 'data/districts/hulan') : join(FIXTURE_DATA, 'districts', id)
    cpSync(from, join(data, 'districts', id), { recursive: true })
  }
  return data
}

/** Run the CLI's main() with console captured; returns exit code, stdout and stderr text. */
async function runMain(argv: string[], options: Parameters<typeof main>[1] = {}): Promise<{ code: number; out: string; err: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const err = vi.spyOn(console, 'error').mockImplementation(() => {})
  const code = await main(argv, options)
  const text = (m: typeof log) => m.mock.calls.map((c) => c.join(' ')).join('\n')
  const result = { code, out: text(log), err: text(err) }
  log.mockRestore()
  err.mockRestore()
  return result
}

/** An fs layer that answers EACCES (as for a non-root user) for the paths `denied` picks. */
function denyingFs(denied: { open?: (p: string) => boolean; list?: (p: string) => boolean }): InputFs {
  const eacces = (op: string, p: string) => Object.assign(new Error(`EACCES: permission denied, ${op} '${p}'`), { code: 'EACCES' })
  return {
    ...nodeInputFs,
    openSync: (p, f) => {
      if (denied.open?.(p)) throw eacces('open', p)
      return nodeInputFs.openSync(p, f)
    },
    readdirSync: (p) => {
      if (denied.list?.(p)) throw eacces('scandir', p)
      return nodeInputFs.readdirSync(p)
    },
  }
}

const summaryOf = (lines: string[]) => lines.find((l) => l.startsWith('summary:')) ?? ''

describe('case 1: an odd entry is reported (file, reason) and skipped while the rest builds', () => {
  it('an unreadable report file and an unreadable year folder (EACCES injected through the fs layer, since root reads everything) are reported; the build and the stamp go on (exit 0, 1 with --strict)', async () => {
    const data = dataWith('hulan')
    const reports = join(data, 'districts/hulan/reports')
    writeFileSync(join(reports, '2021/secret.txt'), 'x')
    mkdirSync(join(reports, '2020'))
    writeFileSync(join(reports, '2020/a.txt'), 'x')
    const fs = denyingFs({ open: (p) => p.endsWith('secret.txt'), list: (p) => p.endsWith('reports/2020') })
    // The stamp is computed first: it must not throw, and it must still see the denied file (as a reason).
    expect(inputStamp(ROOT, data, fs)).toMatch(/^[0-9a-f]{64}$/)
    const out = join(tempDir(), 'out')
    const r = await runMain(['--data', data, '--out', out, '--jobs', '0'], { fs })
    expect(r.code).toBe(0)
    expect(existsSync(join(out, 'index.json'))).toBe(true)
    expect(r.err).toMatch(/reports\/2021\/secret\.txt: cannot read the file: cannot open the file \(EACCES/)
    expect(r.err).toMatch(/districts\/hulan\/reports\/2020: cannot list the folder \(EACCES/)
    const summary = summaryOf(r.err.split('\n'))
    expect(summary).toMatch(/secret\.txt \(/)
    expect(summary).toMatch(/reports\/2020 \(cannot list the folder/)
    // The readable report of the same district was built.
    expect(await queryDb(join(out, 'gov.duckdb'), `SELECT status FROM coverage WHERE unit = '白奎镇' AND year = 2021`)).toEqual([{ status: 'received' }])
    expect((await runMain(['--data', data, '--out', out, '--jobs', '0', '--strict'], { fs })).code).toBe(1)
  })

  it('a FIFO in reports/ and in the district folder is reported and skipped, never opened (the build does not hang)', async () => {
    const data = dataWith('beta')
    execFileSync('mkfifo', [join(data, 'districts/beta/reports/2021/pipe.json')])
    execFileSync('mkfifo', [join(data, 'districts/beta/notes.txt')])
    expect(inputStamp(ROOT, data)).toMatch(/^[0-9a-f]{64}$/)
    const { result, log } = await buildInto(data)
    expect(result.districts.map((d) => d.id)).toEqual(['beta'])
    expect(result.districts[0]!.files).toBe(1)
    expect(log.problems.join('\n')).toMatch(/reports\/2021\/pipe\.json: a FIFO \(named pipe\), not a regular file/)
  }, 20_000)

  it('a character device in reports/ is reported and skipped, never read', async () => {
    const data = dataWith('beta')
    execFileSync('mknod', [join(data, 'districts/beta/reports/2021/zero.json'), 'c', '1', '5']) // the device numbers of /dev/zero
    const { result } = await buildInto(data)
    expect(result.skipped).toContainEqual(expect.objectContaining({ path: 'districts/beta/reports/2021/zero.json', reason: expect.stringMatching(/character device/) }))
    expect(result.districts[0]!.files).toBe(1)
  }, 20_000)

  it('two folder symlinks pointing upward do not make the walk (or the stamp) loop or hang', async () => {
    const data = dataWith('beta')
    const y = join(data, 'districts/beta/reports/2021')
    symlinkSync('..', join(y, 'up'))
    symlinkSync('../..', join(y, 'upup'))
    const started = Date.now()
    expect(inputStamp(ROOT, data)).toMatch(/^[0-9a-f]{64}$/)
    const { result, log } = await buildInto(data)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(result.districts[0]!.files).toBe(1)
    expect(log.problems.join('\n')).toMatch(/reports\/2021\/up: symlink to a folder above it \(districts\/beta\/reports\); not followed/)
    expect(log.problems.join('\n')).toMatch(/reports\/2021\/upup: symlink to a folder above it \(districts\/beta\); not followed/)
  }, 20_000)

  it('a dangling symlink is reported while its district builds; a dangling district link fails that district (exit 1), not the others', async () => {
    const data = dataWith('beta')
    symlinkSync('no-such-file.json', join(data, 'districts/beta/reports/2021/gone.json'))
    symlinkSync('/nonexistent/district', join(data, 'districts/ghost'))
    const { result, log } = await buildInto(data)
    expect(result.districts.map((d) => d.id)).toEqual(['beta'])
    expect(result.ok).toBe(false)
    expect(log.problems.join('\n')).toMatch(/reports\/2021\/gone\.json: dangling symlink/)
    expect(result.failed.join('\n')).toMatch(/districts\/ghost: dangling symlink/)
    const summary = summaryOf(log.problems)
    expect(summary).toMatch(/1 not built: districts\/ghost \(/)
    expect(summary).toMatch(/gone\.json \(dangling symlink/)
  })
})

describe('case 2: nothing outside the data folder is read', () => {
  it('symlinks under reports/ to /etc/passwd and to /etc are reported, not read, not hashed, not published', async () => {
    const data = dataWith('beta')
    const y = join(data, 'districts/beta/reports/2021')
    symlinkSync('/etc/passwd', join(y, 'passwd.json'))
    symlinkSync('/etc', join(y, 'etc'))
    // Every path the build and the stamp open is inside the data folder (or the code, for the stamp).
    const opened: string[] = []
    const fs: InputFs = { ...nodeInputFs, openSync: (p, f) => (opened.push(p), nodeInputFs.openSync(p, f)) }
    inputStamp(ROOT, data, fs)
    const out = join(tempDir(), 'out')
    const log = memoryLog()
    const result = await buildData({ dataDir: data, outDir: out, strict: false, log, fs }, fakeEngines)
    expect(opened.filter((p) => p.startsWith('/etc'))).toEqual([])
    expect(log.problems.join('\n')).toMatch(/passwd\.json: symlink points outside the data folder \(to \/etc\/passwd\)/)
    expect(log.problems.join('\n')).toMatch(/reports\/2021\/etc: symlink points outside the data folder/)
    expect(result.districts[0]!.files).toBe(1)
    const passwdHash = createHash('sha256').update(readFileSync('/etc/passwd')).digest('hex')
    // open/ holds the all-district files and one folder per district: every file is checked.
    const published = readdirSync(join(out, 'open'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    expect(published.length).toBeGreaterThan(6)
    for (const e of published) expect(readFileSync(join(e.parentPath, e.name)).includes(passwdHash)).toBe(false)
  })

  it('a district.json or units.csv that links outside the data folder is refused with its reason', async () => {
    const data = dataWith('beta')
    const outside = tempDir('gov-outside-')
    cpSync(join(data, 'districts/beta/units.csv'), join(outside, 'units.csv'))
    execFileSync('rm', [join(data, 'districts/beta/units.csv')])
    symlinkSync(join(outside, 'units.csv'), join(data, 'districts/beta/units.csv'))
    const { result } = await buildInto(data)
    expect(result.ok).toBe(false)
    expect(result.failed.join('\n')).toMatch(/districts\/beta\/units\.csv: cannot read the unit registry units\.csv \(the path leads outside the data folder/)
  })
})

/** GBK bytes of a string (TextEncoder knows UTF-8 only): a reverse table from the runtime's GB18030 decoder. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>()
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const ch = new TextDecoder('gb18030').decode(new Uint8Array([a, b]))
      if (!table.has(ch)) table.set(ch, [a, b])
    }
  }
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? [0x3f])))
}

describe('case 4: district.json and units.csv problems are named (file, line) and never silent', () => {
  it('a broken district.json names file, line and column; that district is not built (exit 1), the others are written', async () => {
    const data = dataWith('beta', 'alpha')
    writeFileSync(join(data, 'districts/alpha/district.json'), '{\n  "name": "甲区",\n  "city": \n}\n')
    const out = join(tempDir(), 'out')
    const r = await runMain(['--data', data, '--out', out, '--jobs', '0'])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/districts\/alpha\/district\.json: cannot read district\.json — line 4, column 1: not valid JSON/)
    expect(r.err).toMatch(/1 district could not be built/)
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).districts.map((d: { id: string }) => d.id)).toEqual(['beta'])
  })

  it('a district folder without district.json is reported and fails the build, not dropped silently', async () => {
    const data = dataWith('beta')
    mkdirSync(join(data, 'districts/gamma/reports'), { recursive: true })
    const { result, log } = await buildInto(data)
    expect(result.ok).toBe(false)
    expect(result.failed).toEqual(['districts/gamma/district.json: district.json is missing'])
    expect(summaryOf(log.problems)).toMatch(/not built: districts\/gamma \(districts\/gamma\/district\.json: district\.json is missing\)/)
  })

  it('units.csv: a CSV quoting error, a duplicate code and a duplicate name are named by file and row; the other units build', async () => {
    const data = dataWith('beta')
    writeFileSync(
      join(data, 'districts/beta/units.csv'),
      'code,name,kind,aliases,valid_from,valid_to\n101,南湖镇,镇,,,\n101,北湖镇,镇,,,\n102,南湖镇,镇,,,\n103,"西湖镇,镇,,,\n',
    )
    const { result, log } = await buildInto(data)
    const text = log.problems.join('\n')
    expect(text).toMatch(/districts\/beta\/units\.csv row 3: code "101" of "北湖镇" is already used by "南湖镇" \(row 2\); row skipped/)
    expect(text).toMatch(/districts\/beta\/units\.csv row 4: unit "南湖镇" listed twice \(first in row 2\)/)
    expect(text).toMatch(/districts\/beta\/units\.csv row 5: CSV quoting error: Quoted field unterminated/)
    expect(result.districts[0]!.coverage.received).toBe(1)
  })

  it('an empty registry and a registry without the name/kind header fail their district with a message (exit 1)', async () => {
    const data = dataWith('beta', 'alpha')
    writeFileSync(join(data, 'districts/beta/units.csv'), 'code,name,kind,aliases,valid_from,valid_to\n')
    writeFileSync(join(data, 'districts/alpha/units.csv'), '编码,名称,类型\n001,东城街道,街道\n')
    const r = await runMain(['--data', data, '--out', join(tempDir(), 'out'), '--jobs', '0'])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/districts\/beta\/units\.csv: the unit registry lists no usable unit \(no data rows\)/)
    expect(r.err).toMatch(/districts\/alpha\/units\.csv line 1: the header lacks column "name", "kind"/)
    expect(r.err).toMatch(/nothing could be built/)
  })

  it('a GBK units.csv (Excel on Chinese Windows) is decoded like reports: its units match, and the encoding is noted', async () => {
    const data = dataWith('beta')
    const csv = readFileSync(join(data, 'districts/beta/units.csv'), 'utf8')
    writeFileSync(join(data, 'districts/beta/units.csv'), gbk(csv))
    const { result, log } = await buildInto(data, undefined, true)
    expect(log.lines.join('\n')).toMatch(/districts\/beta\/units\.csv: read as GB18030/)
    expect(result.districts[0]!.unmatched).toBe(0)
    expect(result.districts[0]!.coverage.received).toBe(1)
    expect(result.ok).toBe(true)
  })

  it('undecodable bytes in a UTF-8 units.csv are a problem naming the line', async () => {
    const data = dataWith('beta')
    const rows = readFileSync(join(ROOT, 'data/districts/hulan/units.csv'), 'utf8').split('\n').slice(1).join('\n')
    const head = Buffer.from(`code,name,kind,aliases,valid_from,valid_to\n101,南湖镇,镇,,,\n102,北`)
    writeFileSync(join(data, 'districts/beta/units.csv'), Buffer.concat([head, Buffer.from([0xff]), Buffer.from(`湖镇,镇,,,\n${rows}`)]))
    const { log } = await buildInto(data)
    expect(log.problems.join('\n')).toMatch(/districts\/beta\/units\.csv line 3: 1 byte sequence\(s\) that are not valid UTF-8/)
  })
})

describe('case 6: hidden files are said to be skipped; no more workers than files', () => {
  it('a file or folder whose name starts with "." gets a log line and is listed in the summary as skipped by design (not an error)', async () => {
    const data = dataWith('beta')
    writeFileSync(join(data, 'districts/beta/reports/2021/.~lock.南湖镇.json#'), '')
    mkdirSync(join(data, 'districts/.trash'))
    const { result, log } = await buildInto(data, undefined, true)
    const lines = log.lines.join('\n')
    expect(lines).toMatch(/skipped districts\/beta\/reports\/2021\/\.~lock\.南湖镇\.json#: hidden \(name starts with "\."\)/)
    expect(lines).toMatch(/skipped districts\/\.trash: hidden/)
    expect(summaryOf(log.lines)).toMatch(/ignored by design: .*\.trash/)
    expect(result.ok).toBe(true) // deliberate skips do not fail --strict
  })

  it('--jobs 8 with 2 report files starts 2 workers; with no report file, none', async () => {
    const sizes: number[] = []
    const makePool = (size: number) => (sizes.push(size), { ...fakeEngines, concurrency: size * 2, close: async () => {} })
    const two = dataWith('beta')
    cpSync(join(two, 'districts/beta/reports/2021/南湖镇.json'), join(two, 'districts/beta/reports/2021/南湖镇-副本.json'))
    await withEngines(8, (engines) => buildData({ dataDir: two, outDir: join(tempDir(), 'o'), strict: false, log: memoryLog() }, engines), makePool)
    expect(sizes).toEqual([2])
    const none = dataWith('beta')
    execFileSync('rm', ['-r', join(none, 'districts/beta/reports')])
    await withEngines(8, (engines) => buildData({ dataDir: none, outDir: join(tempDir(), 'o'), strict: false, log: memoryLog() }, engines), makePool)
    expect(sizes).toEqual([2])
  })

  it('the parser\'s workers are let go once every report is parsed, before the shared files are written', async () => {
    const out = join(tempDir(), 'o')
    // At each close: was the build still writing (no index.json yet, output not swapped in)?
    const closedWhileWriting: boolean[] = []
    const makePool = (size: number) => ({
      ...fakeEngines, concurrency: size * 2,
      close: async () => void closedWhileWriting.push(!existsSync(join(`${out}.partial`, 'index.json')) && !existsSync(out)),
    })
    await withEngines(2, (engines) => buildData({ dataDir: dataWith('beta'), outDir: out, strict: false, log: memoryLog() }, engines), makePool)
    expect(closedWhileWriting).toEqual([true])
    expect(existsSync(join(out, 'index.json'))).toBe(true)
  })
})

describe('case 8: exit codes and the closing summary', () => {
  it('exit 0 on clean input; 1 when a registry is unreadable; --strict exits 1 on any error finding; the summary lists every skipped file and district', async () => {
    const clean = dataWith('hulan')
    expect((await runMain(['--data', clean, '--out', join(tempDir(), 'out'), '--jobs', '0'])).code).toBe(0)

    const data = dataWith('hulan', 'beta')
    writeFileSync(join(data, 'districts/beta/units.csv'), '')
    execFileSync('mkfifo', [join(data, 'districts/hulan/reports/2021/pipe.txt')])
    symlinkSync('/etc/hostname', join(data, 'districts/hulan/reports/2021/host.txt'))
    const r = await runMain(['--data', data, '--out', join(tempDir(), 'out'), '--jobs', '0'])
    expect(r.code).toBe(1)
    const summary = summaryOf(r.err.split('\n'))
    expect(summary).toMatch(/^summary: 1 district built — 1 not built: districts\/beta \(districts\/beta\/units\.csv: the unit registry is empty/)
    expect(summary).toMatch(/2 files or folders skipped: .*host\.txt \(symlink points outside the data folder.*pipe\.txt \(a FIFO/)

    // --strict: an error finding (alpha's A1 arithmetic break) or a skipped file fails the build; without it, neither does.
    const alpha = dataWith('alpha')
    expect((await buildInto(alpha)).result.ok).toBe(true)
    expect((await buildInto(alpha, undefined, true)).result.ok).toBe(false)
    const fifo = dataWith('hulan')
    execFileSync('mkfifo', [join(fifo, 'districts/hulan/reports/2021/pipe.txt')])
    expect((await runMain(['--data', fifo, '--out', join(tempDir(), 'out'), '--jobs', '0'])).code).toBe(0)
    expect((await runMain(['--data', fifo, '--out', join(tempDir(), 'out'), '--jobs', '0', '--strict'])).code).toBe(1)
  }, 60_000)
})
