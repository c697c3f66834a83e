import { createI18n, useI18n, type LocaleMessages } from 'vue-i18n'
import type { Label } from '~/report/model/types'
import { warnMissingMessage } from './missing'

/** The UI languages. Chinese is the default; every label of the format model has both. */
export type Locale = 'zh' | 'en'

/** The shape of a messages file: `export default { zh: {...}, en: {...} }`. */
export interface MessageModule {
  default: Record<Locale, Record<string, unknown>>
}

type Tree = Record<string, unknown>

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k]
    into[k] = cur && typeof cur === 'object' && v && typeof v === 'object' ? merge({ ...(cur as Tree) }, v as Tree) : v
  }
  return into
}

/**
 * Merge every `messages/<area>.ts` (each view area adds its own file; no central edit needed).
 * Keys are namespaced by area: `common.*`, `overview.*`, `compare.*` …
 */
export function mergeMessages(modules: Record<string, MessageModule>): Record<Locale, Tree> {
  const out: Record<Locale, Tree> = { zh: {}, en: {} }
  for (const path of Object.keys(modules).sort()) {
    const mod = modules[path]!.default
    merge(out.zh, mod.zh ?? {})
    merge(out.en, mod.en ?? {})
  }
  return out
}

const modules = import.meta.glob<MessageModule>('./messages/*.ts', { eager: true })

/** The app's i18n instance (Composition API mode). */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh',
  fallbackLocale: 'zh',
  // Message files are plain nested string objects; vue-i18n's index type cannot see that through `unknown`.
  messages: mergeMessages(modules) as unknown as LocaleMessages<Record<string, string>>,
  // A key without a message would show as the raw key: say so, in every build. The browser tests
  // treat this warning as an error (tests/e2e/harness.ts), and tests/i18n/ checks zh/en parity.
  missing: warnMissingMessage,
  missingWarn: false,
  fallbackWarn: false,
})

/** A format-model label in the current locale: `useLabel()(cellDef(k)!.label)`. */
export function useLabel(): (label: Label) => string {
  const { locale } = useI18n()
  return (label) => (locale.value === 'en' ? label.en : label.zh)
}
