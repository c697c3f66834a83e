import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Element Plus components are imported one by one with their CSS. A select's dropdown lists its
 * options inside an ElScrollbar; a file that uses a select without el-scrollbar.css draws the
 * options spilling out of their popup (issue 10 item 15). This fails when one forgets it.
 */
const ROOT = join(import.meta.dirname, '../..')
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(dir, n)
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : /\.(vue|ts)$/.test(n) ? [p] : []
  })

describe('Element Plus selects bring the scrollbar CSS', () => {
  const users = files('src').filter((f) => /\bElSelect(?:V\d)?\b/.test(readFileSync(join(ROOT, f), 'utf8')) && f.endsWith('.vue'))
  it('finds the selects', () => expect(users.length).toBeGreaterThanOrEqual(4))
  for (const f of users) {
    it(relative('src', f), () => {
      const text = readFileSync(join(ROOT, f), 'utf8')
      expect(text).toContain("import 'element-plus/theme-chalk/el-scrollbar.css'")
      expect(text).toMatch(/import 'element-plus\/theme-chalk\/el-select(-v2)?\.css'/)
    })
  }
})
