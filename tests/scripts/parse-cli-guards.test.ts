import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/** Issue 7 item 6.6: the parse CLI never hangs or grows on a device/FIFO/huge file, and prints the others. */
const root = new URL('../../', import.meta.url).pathname
const sample = 'tests/fixtures/reports/text-docx-sample.txt'
const run = (...files: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...files], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 })

const dir = mkdtempSync(join(tmpdir(), 'parse-guards-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function expectRefused(res: ReturnType<typeof run>, file: string, why: RegExp): void {
  expect(res.error).toBeUndefined() // not killed by the timeout: it did not hang
  expect(res.status).toBe(1)
  const lines = res.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(file)
  expect(lines[0]).toMatch(why)
  expect(res.stderr).not.toMatch(/\bat .*:\d+:\d+/)
}

describe('parse CLI: files that are not regular files, or too large', () => {
  it('/dev/zero (a character device) is refused at once, not read until memory runs out', () => {
    expectRefused(run('/dev/zero'), '/dev/zero', /device/)
  })

  it('a FIFO is refused without waiting for a writer', () => {
    const fifo = join(dir, 'report.fifo')
    execFileSync('mkfifo', [fifo])
    expectRefused(run(fifo), fifo, /FIFO/)
  })

  it('a directory is refused', () => {
    expectRefused(run(dir), dir, /directory/)
  })

  it('a file over 100 MB is refused without reading it', () => {
    const big = join(dir, 'huge.txt')
    writeFileSync(big, '')
    truncateSync(big, 100 * 1024 * 1024 + 1) // sparse: costs no disk
    expectRefused(run(big), big, /100 MB/)
  })
})

describe('parse CLI: several files with a bad one (docs/parse-contract.md)', () => {
  it('prints the array with {file, error} in the bad file’s place, one stderr line per bad file, exit 1', () => {
    const missing = join(dir, 'missing.txt')
    const res = run(sample, missing, '/dev/zero', sample)
    expect(res.status).toBe(1)
    const out = JSON.parse(res.stdout) as Record<string, unknown>[]
    expect(out).toHaveLength(4)
    expect(out[0]).toHaveProperty('meta.unit', '呼兰区白奎镇')
    expect(out[1]).toEqual({ file: missing, error: expect.stringContaining(missing) })
    expect(out[2]).toEqual({ file: '/dev/zero', error: expect.stringMatching(/device/) })
    expect(out[3]).toHaveProperty('meta.year', 2021)
    const lines = res.stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain(missing)
    expect(lines[1]).toContain('/dev/zero')
  })

  it('one good file alone: one JSON document, exit 0 (unchanged)', () => {
    const res = run(sample)
    expect(res.status).toBe(0)
    expect(JSON.parse(res.stdout)).toHaveProperty('meta.format', 'gov2021')
  })
})
