/**
 * Issue #13, cases 3 and 5: the output folder is swapped in with renames (a kill at any point
 * leaves something the next build recovers from by itself), and only a folder this build made
 * (its marker file) is ever replaced.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildData } from '../../scripts/build/build'
import { memoryLog } from '../../scripts/build/log'
import { MARKER_FILE, recoverOutput, sidePaths, type SwapStep } from '../../scripts/build/output'
import { STAMP_FILE } from '../../scripts/build/stamp'
import { fakeEngines, FIXTURE_DATA, removeTemps, ROOT, tempDir } from './helpers'

afterAll(removeTemps)

/** A data folder with the beta fixture only; `year` changes its district name so two builds differ. */
function data(name = '乙县'): string {
  const d = tempDir('gov-swap-')
  cpSync(join(FIXTURE_DATA, 'districts/beta'), join(d, 'districts/beta'), { recursive: true })
  const f = join(d, 'districts/beta/district.json')
  writeFileSync(f, readFileSync(f, 'utf8').replace('乙县', name))
  return d
}

const build = (dataDir: string, outDir: string, stopAt?: SwapStep) =>
  buildData(
    { dataDir, outDir, strict: false, log: memoryLog(), swapHooks: { beforeStep: (s) => { if (s === stopAt) throw new Error(`killed before ${s}`) } } },
    fakeEngines,
  )

const districtName = (out: string) => (JSON.parse(readFileSync(join(out, 'open/districts.json'), 'utf8')) as { name: string }[])[0]!.name

/** A complete output: every file datapackage.json lists is there. */
function complete(out: string): boolean {
  if (!existsSync(join(out, 'datapackage.json'))) return false
  const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }
  return pkg.resources.every((r) => existsSync(join(out, r.path)))
}

describe('case 3: the output swap is atomic and recovers from a kill', () => {
  for (const step of ['aside', 'in', 'cleanup'] as const) {
    it(`a build killed before the swap step "${step}" (simulated: an exception there, no cleanup runs) leaves a complete output after recovery, and the next build runs without manual cleanup`, async () => {
      const out = join(tempDir(), 'data')
      await build(data('旧县'), out)
      await expect(build(data('新县'), out, step)).rejects.toThrow(`killed before ${step}`)
      // What a dev server would see after recovery: a whole output, old or new, never half of one.
      const recovered = recoverOutput(out)
      expect(complete(out)).toBe(true)
      expect(districtName(out)).toBe(step === 'cleanup' ? '新县' : '旧县')
      expect(recovered.length).toBeGreaterThan(0)
      const { partial, previous } = sidePaths(out)
      expect(existsSync(partial) || existsSync(previous)).toBe(false)
      // And the next build goes through on its own.
      await build(data('新县'), out)
      expect(districtName(out)).toBe('新县')
      expect(complete(out)).toBe(true)
    })
  }

  it('a real SIGKILL between the two renames (child process killing itself at that step): the next build recovers by itself', async () => {
    const out = join(tempDir(), 'data')
    await build(data('旧县'), out)
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/build/kill-during-swap.ts'), data('新县'), out, 'in'], { cwd: ROOT, encoding: 'utf8' })
    expect(child.signal, child.stderr).toBe('SIGKILL')
    expect(existsSync(out)).toBe(false)
    expect(complete(sidePaths(out).previous)).toBe(true)
    await build(data('新县'), out)
    expect(districtName(out)).toBe('新县')
    expect(readdirSync(join(out, '..')).sort()).toEqual(['data'])
  }, 60_000)

  it('the next build recovers by itself (without recoverOutput first) when killed between the two renames', async () => {
    const out = join(tempDir(), 'data')
    await build(data('旧县'), out)
    await expect(build(data('新县'), out, 'in')).rejects.toThrow()
    expect(existsSync(out)).toBe(false) // the moment between the renames
    const log = memoryLog()
    await buildData({ dataDir: data('新县'), outDir: out, strict: false, log }, fakeEngines)
    expect(log.lines.join('\n')).toMatch(/restored the earlier output/)
    expect(districtName(out)).toBe('新县')
    expect(readdirSync(join(out, '..')).sort()).toEqual(['data'])
  })

  it('a half-deleted leftover (its removal cut short; the marker is removed last, so it is still recognisably ours) is removed on the next run', async () => {
    const out = join(tempDir(), 'data')
    await build(data(), out)
    const { previous, partial } = sidePaths(out)
    cpSync(out, previous, { recursive: true })
    rmSync(join(previous, 'open'), { recursive: true })
    rmSync(join(previous, 'datapackage.json'))
    mkdirSync(join(partial, 'open'), { recursive: true }) // a build killed while writing, before even its marker
    await build(data(), out)
    expect(existsSync(previous)).toBe(false)
    expect(existsSync(partial)).toBe(false)
    expect(complete(out)).toBe(true)
  })

  it('a half-deleted output left by the old rm-then-rename code (no datapackage.json, marker gone) is not refused when it still holds the stamp', async () => {
    const out = join(tempDir(), 'data')
    await build(data(), out)
    rmSync(join(out, MARKER_FILE))
    rmSync(join(out, 'datapackage.json'))
    writeFileSync(join(out, STAMP_FILE), `${'a'.repeat(64)}\n`)
    await build(data(), out)
    expect(complete(out)).toBe(true)
  })
})

describe('case 5: --out replaces only a folder this build made', () => {
  it("refuses a user's dataset folder that holds a datapackage.json but no build marker, and leaves every file in it", async () => {
    const out = join(tempDir(), 'my-dataset')
    mkdirSync(out)
    writeFileSync(join(out, 'datapackage.json'), '{"name":"my-own","resources":[]}')
    writeFileSync(join(out, 'survey.csv'), 'a,b\n1,2\n')
    await expect(build(data(), out)).rejects.toThrow(/not the output of an earlier data build \(no \.gov-data-build marker\)/)
    expect(readdirSync(out).sort()).toEqual(['datapackage.json', 'survey.csv'])
  })

  it('refuses a file in place of the folder, and a leftover .previous beside it that the build did not make', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'file'), 'x')
    await expect(build(data(), join(dir, 'file'))).rejects.toThrow(/is not a folder/)
    const out = join(dir, 'data')
    mkdirSync(`${out}.previous`)
    writeFileSync(join(`${out}.previous`, 'notes.txt'), 'mine')
    await expect(build(data(), out)).rejects.toThrow(/was not made by a data build/)
    expect(readFileSync(join(`${out}.previous`, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('replaces an empty folder and an earlier build (its marker), and every output carries the marker', async () => {
    const out = join(tempDir(), 'data')
    mkdirSync(out)
    await build(data(), out)
    expect(existsSync(join(out, MARKER_FILE))).toBe(true)
    await build(data('丙县'), out)
    expect(districtName(out)).toBe('丙县')
  })
})
