/** Prefix of the missing-message warning; the browser tests fail on a console line starting so. */
export const MISSING_MESSAGE_PREFIX = '[i18n] missing message'

/**
 * vue-i18n's missing handler: one console warning naming the key and the locale, so a message
 * that exists in one language only (or not at all) is never a silent raw key on screen.
 */
export function warnMissingMessage(locale: string, key: string): string {
  console.warn(`${MISSING_MESSAGE_PREFIX} "${key}" (${locale})`)
  return key
}
