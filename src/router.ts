import OverviewView from './views/OverviewView.vue'
import { createRouter, createWebHashHistory, type RouteComponent, type RouteRecordRaw, type RouterHistory } from 'vue-router'

/** A top-level page of the dashboard: its path, the view file it lazy-loads and its nav label key. */
export interface PageDef {
  name: string
  path: string
  /** File name under src/views/ without `.vue`. */
  view: string
  /** i18n key of the nav tab. */
  label: string
  /** Shown in the nav bar (the unit page is reached by clicking a unit). */
  inNav: boolean
}

/** Every page, in nav order. */
export const PAGES: readonly PageDef[] = [
  { name: 'overview', path: '/', view: 'OverviewView', label: 'common.nav.overview', inNav: true },
  { name: 'compare', path: '/compare', view: 'CompareView', label: 'common.nav.compare', inNav: true },
  { name: 'outcomes', path: '/outcomes', view: 'OutcomesView', label: 'common.nav.outcomes', inNav: true },
  { name: 'appeal', path: '/appeal', view: 'AppealView', label: 'common.nav.appeal', inNav: true },
  { name: 'active', path: '/active', view: 'ActiveView', label: 'common.nav.active', inNav: true },
  { name: 'unit', path: '/unit/:unit', view: 'UnitView', label: 'common.nav.unit', inNav: false },
  { name: 'coverage', path: '/coverage', view: 'CoverageView', label: 'common.nav.coverage', inNav: true },
  { name: 'data', path: '/data', view: 'DataView', label: 'common.nav.data', inNav: true },
  { name: 'check', path: '/check', view: 'CheckView', label: 'common.nav.check', inNav: true },
]

// Each view is its own chunk, fetched when first visited. Views are built by several engineers in
// parallel; a page whose file does not exist yet is left out of the routes and the nav.
// The landing page (总览) is bundled with the shell: its first chart must not wait for a second
// round trip.
const VIEW_FILES: Record<string, RouteComponent | (() => Promise<RouteComponent>)> = {
  ...import.meta.glob<RouteComponent>('./views/*View.vue'),
  './views/OverviewView.vue': OverviewView,
}

/** Pages whose view file exists. */
export const AVAILABLE_PAGES: readonly PageDef[] = PAGES.filter((p) => `./views/${p.view}.vue` in VIEW_FILES)

/** Route records of the available pages; unknown paths go to the overview. */
export function buildRoutes(): RouteRecordRaw[] {
  return [
    ...AVAILABLE_PAGES.map((p) => ({ name: p.name, path: p.path, component: VIEW_FILES[`./views/${p.view}.vue`]!, props: p.name === 'unit' })),
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ]
}

/**
 * The app router. Hash history: the site is static files on any host or sub-path, with no server
 * rewrite rules, and a shared link still carries the full view state.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({ history, routes: buildRoutes() })
}
