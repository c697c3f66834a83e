import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * Run the real data build (`scripts/build-data.ts` on data/) into a fresh temporary folder, for
 * tests that check the browser's SQL against the real output. Independent of public/data, which a
 * clean checkout does not have. Returns the folder and a function that removes it.
 */
export function buildDataIntoTemp(): { out: string; remove: () => void } {
  const out = mkdtempSync(join(tmpdir(), 'gov-build-'))
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-data.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' })
  return { out, remove: () => rmSync(out, { recursive: true, force: true }) }
}
