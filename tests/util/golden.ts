/**
 * The one golden-file workflow for parser fixtures: tests/fixtures/expected/<name>.json holds
 * parseReport's full output for tests/fixtures/reports/<name>.<ext>.
 * - `UPDATE_GOLDEN=1 npm test` rewrites the golden files (review the diff before committing);
 * - otherwise a missing golden fails, and a mismatch fails and writes <name>-changed.json
 *   (git-ignored) beside it for review.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { expect } from 'vitest'
import { parseReport } from '~/report/read'

export const reportsDir = new URL('../fixtures/reports/', import.meta.url)
const expectedDir = new URL('../fixtures/expected/', import.meta.url)
const update = process.env['UPDATE_GOLDEN'] === '1'

/** parseReport's output for a fixture file as golden JSON text (an unreadable file: its error). */
export function goldenOf(file: string): string {
  const outcome = parseReport(new Uint8Array(readFileSync(new URL(file, reportsDir))), file)
  const value = outcome.ok ? outcome.report : { error: outcome.error, error_en: outcome.error_en }
  return JSON.stringify(value, null, 2) + '\n'
}

/** Compares a fixture's parse result with its golden file, per the workflow above. */
export function expectGolden(file: string): void {
  const base = file.replace(/\.[^.]+$/, '')
  const expectedFile = new URL(`${base}.json`, expectedDir)
  const changedFile = new URL(`${base}-changed.json`, expectedDir)
  const actual = goldenOf(file)
  if (update) {
    mkdirSync(expectedDir, { recursive: true })
    writeFileSync(expectedFile, actual)
    rmSync(changedFile, { force: true })
    return
  }
  expect(existsSync(expectedFile), `missing golden tests/fixtures/expected/${base}.json; run UPDATE_GOLDEN=1 npm test`).toBe(true)
  if (actual === readFileSync(expectedFile, 'utf8')) {
    rmSync(changedFile, { force: true })
    return
  }
  writeFileSync(changedFile, actual)
  expect.fail(`${file}: output differs from tests/fixtures/expected/${base}.json; see ${base}-changed.json`)
}
