import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('../../../', import.meta.url).pathname
const run = (...files: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...files], { cwd: root, encoding: 'utf8' })
const sample = 'tests/fixtures/reports/text-docx-sample.txt'

describe('npm run parse (scripts/parse.ts)', () => {
  it('prints one contract document for one file, with sha256', () => {
    const res = run(sample)
    expect(res.status).toBe(0)
    const doc = JSON.parse(res.stdout)
    expect(doc.meta).toMatchObject({ unit: '呼兰区白奎镇', year: 2021, format: 'gov2021', format_claimed: 'gov2021' })
    expect(doc.meta.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(Object.keys(doc.cells)).toHaveLength(200)
    expect(Array.isArray(doc.findings)).toBe(true)
  })

  it('prints an array in argument order for several files', () => {
    const res = run(sample, 'tests/fixtures/reports/text-docx-2019.txt')
    expect(res.status).toBe(0)
    expect(JSON.parse(res.stdout).map((d: { meta: { format: string } }) => d.meta.format)).toEqual(['gov2021', 'gov2019'])
  })

  it.each([
    ['missing', () => '/nonexistent/report.txt'],
    ['empty', () => tmpFile('empty.txt', '')],
    ['binary', () => tmpFile('garbage.bin', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)))],
    ['not a report', () => tmpFile('note.txt', '今天天气很好，我们去公园散步。\n')],
  ])('%s file → one stderr line naming it, exit 1, no stack trace', (_kind, make) => {
    const file = make()
    const res = run(sample, file)
    expect(res.status).toBe(1)
    const lines = res.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(file)
    expect(res.stderr).not.toMatch(/\bat .*:\d+:\d+/)
  })
})

let dir: string | null = null
function tmpFile(name: string, content: string | Uint8Array): string {
  dir ??= mkdtempSync(join(tmpdir(), 'parse-cli-'))
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
