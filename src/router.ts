import OverviewView from './views/OverviewView.vue'
import { createRouter, createWebHashHistory, type RouteComponent, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { PREBUILT_VIEWS } from './db/prebuilt'

/** A top-level page of the dashboard: its path, its view component and its nav label key. */
export interface PageDef {
  name: string
  path: string
  /**
   * The view: a static `import()` of its file (its own chunk, fetched on first visit), so a
   * missing or renamed view file fails the type check, the lint and the build — it can never
   * silently drop the page from the routes and the nav.
   */
  component: RouteComponent | (() => Promise<RouteComponent>)
  /** i18n key of the nav tab. */
  label: string
  /** Shown in the nav bar (the unit page is reached by clicking a unit). */
  inNav: boolean
  /** The route's path when it takes optional parameters (`path` is then the nav's link). */
  route?: string
  /** False for a page drawn from prebuilt files alone: the shell does not start the engine there. */
  engine?: false
}

/**
 * Every page, in nav order. The landing page (总览) is bundled with the shell: its first chart
 * must not wait for a second round trip. Every other view is its own chunk.
 */
export const PAGES: readonly PageDef[] = [
  { name: 'overview', path: '/', component: OverviewView, label: 'common.nav.overview', inNav: true },
  { name: 'compare', path: '/compare', component: () => import('./views/CompareView.vue'), label: 'common.nav.compare', inNav: true },
  { name: 'province', path: '/province', route: '/province/:province?', component: () => import('./views/ProvinceView.vue'), label: 'province.nav', inNav: true, engine: false },
  { name: 'outcomes', path: '/outcomes', component: () => import('./views/OutcomesView.vue'), label: 'common.nav.outcomes', inNav: true },
  { name: 'appeal', path: '/appeal', component: () => import('./views/AppealView.vue'), label: 'common.nav.appeal', inNav: true },
  { name: 'active', path: '/active', component: () => import('./views/ActiveView.vue'), label: 'common.nav.active', inNav: true },
  { name: 'units', path: '/units', component: () => import('./views/UnitsView.vue'), label: 'common.nav.unit', inNav: true },
  { name: 'unit', path: '/unit/:unit', component: () => import('./views/UnitView.vue'), label: 'common.nav.unit', inNav: false },
  { name: 'card', path: '/card/:unit', component: () => import('./views/CardView.vue'), label: 'card.open', inNav: false },
  { name: 'briefing', path: '/briefing', component: () => import('./views/BriefingView.vue'), label: 'briefing.title', inNav: false },
  { name: 'coverage', path: '/coverage', component: () => import('./views/CoverageView.vue'), label: 'common.nav.coverage', inNav: true },
  { name: 'data', path: '/data', component: () => import('./views/DataView.vue'), label: 'common.nav.data', inNav: true },
  { name: 'check', path: '/check', component: () => import('./views/CheckView.vue'), label: 'common.nav.check', inNav: true },
  { name: 'my-reports', path: '/my-reports', component: () => import('./views/MyReportsView.vue'), label: 'common.nav.myReports', inNav: true },
]

/**
 * When the shell starts the engine on a page (App.vue): `never` on a page drawn from prebuilt files
 * alone (`engine: false`); `after-first-paint` on a view with prebuilt first screens, whose first
 * chart draws before the engine's compile takes the machine's cores (db store startAfterFirstPaint);
 * `now` elsewhere — the page waits for the engine. An unknown name (a redirect) counts as a page that needs it.
 */
export function engineStart(name: unknown): 'never' | 'after-first-paint' | 'now' {
  if (PAGES.find((p) => p.name === name)?.engine === false) return 'never'
  return (PREBUILT_VIEWS as readonly unknown[]).includes(name) ? 'after-first-paint' : 'now'
}

/** Route records of every page; unknown paths go to the overview. */
export function buildRoutes(): RouteRecordRaw[] {
  return [
    ...PAGES.map((p) => ({ name: p.name, path: p.route ?? p.path, component: p.component, props: p.name === 'unit' || p.name === 'card' })),
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
