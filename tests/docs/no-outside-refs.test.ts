/**
 * The repository explains itself: no tracked file refers to documents outside it (the old
 * background notes, a sibling `shared` folder) or to their variation codes. Documentation lives
 * in docs/; comments point there.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const TEXT = /\.(ts|vue|md|json|mjs|cjs|js|html|css|yml|yaml|sh|txt)$|^\.ci\//
// Spelled in pieces so this file does not match itself.
const SPEC = new RegExp(['format', 'spec\\.md'].join('-'))
const CONTRACT = new RegExp(`(?<![\\w-])${'contract'}\\.md`)
const NOTES = new RegExp(`(?<!docs/)${'stack'}-notes\\.md`)
const WORK_SHARED = new RegExp(['/work', 'shared'].join('/'))
const UP_SHARED = /((?:\.\.\/)+)shared\b/g
/** The old variation codes, "V" and a number up to 16 (V8 is left alone: it is also the JavaScript engine’s name). */
const VCODE = /\bV(?:[1-79]|1[0-6])\b/

const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && TEXT.test(f) && !f.startsWith('tests/corpus/raw/') && !f.startsWith('tests/fixtures/reports/'))

describe('no tracked file refers to documents outside the repository', () => {
  it('reads the tracked text files', () => {
    expect(files.length).toBeGreaterThan(200)
    expect(files).toContain('README.md')
  })

  it('names none of the outside notes, their paths or their variation codes', () => {
    const hits: string[] = []
    for (const f of files) {
      let text: string
      try {
        text = readFileSync(join(ROOT, f), 'utf8')
      } catch {
        continue // deleted in the working tree
      }
      text.split('\n').forEach((line, i) => {
        const at = `${f}:${i + 1}`
        if (SPEC.test(line)) hits.push(`${at}: the format notes → docs/formats.md or docs/rules.md`)
        if (CONTRACT.test(line)) hits.push(`${at}: the contract notes → docs/parse-contract.md`)
        if (!f.startsWith('docs/') && NOTES.test(line)) hits.push(`${at}: the stack notes → docs/stack-notes.md`)
        if (WORK_SHARED.test(line)) hits.push(`${at}: an absolute path outside the repository`)
        for (const m of line.matchAll(UP_SHARED)) {
          const target = resolve(dirname(join(ROOT, f)), `${m[1]}shared`)
          if (relative(ROOT, target).startsWith('..')) hits.push(`${at}: ${m[0]} leaves the repository`)
        }
        if (VCODE.test(line)) hits.push(`${at}: a variation code → name the variation (docs/formats.md, "Real-world variations")`)
      })
    }
    expect(hits).toEqual([])
  })
})
