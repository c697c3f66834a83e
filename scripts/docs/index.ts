import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectedText, GENERATED } from './generated'

/**
 * `npm run docs`: regenerate docs/keys.md, docs/data-dictionary.md and the generated block of
 * docs/rules.md from the code (format model, open-data schema, metrics, findings dictionary).
 * `npm run docs -- --check` writes nothing and exits 1 naming every stale file.
 */
const root = join(import.meta.dirname, '../..')
const check = process.argv.includes('--check')
let stale = 0
for (const entry of GENERATED) {
  const path = join(root, entry.file)
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null
  const want = expectedText(entry, current)
  if (current === want) continue
  if (check) {
    stale++
    console.error(`${entry.file} is stale: run npm run docs`)
  } else {
    writeFileSync(path, want)
    console.log(`wrote ${entry.file}`)
  }
}
process.exitCode = stale ? 1 : 0
