import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { MessageModule } from '~/i18n'

/**
 * Every message file in src/i18n/messages — found on disk, so a new file is checked without
 * editing this test — has the same keys in Chinese and English, no empty message, the same
 * {placeholders} in both languages, and no key another file also defines (the merge would
 * silently keep only one).
 */
const dir = join(process.cwd(), 'src/i18n/messages')
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()

/** Every leaf of a nested message object as [path, text]. */
function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]]
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()

async function load(file: string): Promise<MessageModule['default']> {
  return ((await import(/* @vite-ignore */ join(dir, file))) as MessageModule).default
}

describe('message files', () => {
  it('are all found (the directory is read, not a list)', () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
    expect(files).toContain('common.ts')
  })

  it.each(files)('%s: zh and en have the same keys, no empty text, the same placeholders', async (file) => {
    const mod = await load(file)
    const zh = new Map(leaves(mod.zh))
    const en = new Map(leaves(mod.en))
    expect(zh.size, `${file} has no Chinese messages`).toBeGreaterThan(0)
    expect([...en.keys()].sort(), `${file}: keys in one language only`).toEqual([...zh.keys()].sort())
    for (const [key, text] of zh) {
      const other = en.get(key)
      for (const [lang, t] of [['zh', text], ['en', other]] as const) {
        expect(typeof t === 'string' && t.trim() !== '', `${file} ${lang} ${key} is empty or not text`).toBe(true)
      }
      expect(placeholders(String(other)), `${file} ${key}: placeholders differ`).toEqual(placeholders(String(text)))
    }
  })

  it('define each key in one file only', async () => {
    const owner = new Map<string, string>()
    for (const file of files) {
      for (const [key] of leaves((await load(file)).zh)) {
        expect(owner.get(key), `${key} is defined in ${owner.get(key)} and ${file}`).toBeUndefined()
        owner.set(key, file)
      }
    }
  })
})

describe('a missing message', () => {
  it('warns with the key and the locale instead of passing silently', async () => {
    const { i18n } = await import('~/i18n')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      expect(i18n.global.t('common.no_such_message')).toBe('common.no_such_message')
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[i18n\] missing message "common\.no_such_message" \(zh\)$/))
      warn.mockClear()
      i18n.global.t('common.nav.overview')
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })
})
