/**
 * `npm run demo [-- --seed N --out DIR]`: regenerate the synthetic demo district (default
 * data/districts/demo). Replaces the folder's reports/ entirely so no stale file survives.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_SEED, generateDistrict } from './generate'

function main(): void {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } })
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed)
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got ${values.seed}`)
  const out = resolve(values.out ?? 'data/districts/demo')

  const demo = generateDistrict({ seed })
  rmSync(join(out, 'reports'), { recursive: true, force: true })
  const write = (path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(join(out, path)), { recursive: true })
    writeFileSync(join(out, path), data)
  }
  write('district.json', JSON.stringify(demo.district, null, 2) + '\n')
  write('units.csv', demo.unitsCsv)
  write('sources.csv', demo.sourcesCsv)
  write('manifest.json', JSON.stringify(demo.manifest, null, 2) + '\n')
  write('README.md', demo.readme)
  for (const f of demo.files) write(f.path, f.bytes)
  console.log(`demo: ${demo.files.length} reports, ${demo.manifest.faults.length} planted faults → ${out}`)
}

try {
  main()
} catch (e) {
  console.error(`demo: ${(e as Error).message}`)
  process.exit(1)
}
