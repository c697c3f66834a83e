import { computed, watch } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'

/**
 * The current view's name for people — the nav label of its page, or on a unit page the unit's
 * name — and `document.title` kept to "<view> · <app title>" in the UI language, so a browser tab,
 * a bookmark and a screen reader's page announcement say which view this is.
 */
/** A page as the nav knows it (router.ts PAGES). */
export interface NamedPage {
  name: string
  label: string
}

export function useViewTitle(pages: readonly NamedPage[]) {
  const route = useRoute()
  const { t, locale } = useI18n()
  const viewName = computed(() => {
    // locale is read so the name follows a language switch.
    void locale.value
    if (route.name === 'unit' && typeof route.params.unit === 'string' && route.params.unit) return route.params.unit
    const page = pages.find((p) => p.name === route.name)
    return page ? t(page.label) : ''
  })
  const title = computed(() => (viewName.value ? t('a11y.docTitle', { view: viewName.value, app: t('common.appTitle') }) : t('common.appTitle')))
  watch(title, (text) => (document.title = text), { immediate: true })
  return { viewName, title }
}
