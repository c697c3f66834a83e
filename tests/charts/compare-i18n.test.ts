import { describe, expect, it } from 'vitest'
import active from '~/i18n/messages/active'
import appeal from '~/i18n/messages/appeal'
import compare from '~/i18n/messages/compare'
import outcomes from '~/i18n/messages/outcomes'
import { ACTIVE_PANELS } from '~/charts/options/active-panels'

/** Every leaf path of a nested message object, e.g. `compare.legend.missing`. */
function paths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k))
}

describe('messages of the four analytical views', () => {
  it.each([['compare', compare], ['outcomes', outcomes], ['appeal', appeal], ['active', active]] as const)('%s has the same keys in Chinese and English', (_, mod) => {
    expect(paths(mod.en).sort()).toEqual(paths(mod.zh).sort())
  })

  it('names and explains every active panel', () => {
    for (const p of ACTIVE_PANELS) {
      expect(active.zh.active.panel[p.id]).toBeTruthy()
      expect(active.en.active.note[p.id]).toBeTruthy()
    }
  })
})
