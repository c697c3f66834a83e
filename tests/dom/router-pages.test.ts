import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PAGES, buildRoutes } from '~/router'

/** The loaded view of a page: the component object, after its chunk is fetched if lazy. */
async function loadView(component: unknown): Promise<Record<string, unknown>> {
  // A lazy page is a plain arrow function; an SFC object carries setup/render/__file.
  const loaded = typeof component === 'function' ? await (component as () => Promise<unknown>)() : component
  return ((loaded as { default?: unknown }).default ?? loaded) as Record<string, unknown>
}

/**
 * A page's view is a static import, so a missing file fails the type check and the build. These
 * tests guard the rest: every page's chunk loads to a component, every view file has a route
 * (a view without one is dead or forgotten), and every page is a route.
 */
describe('router pages', () => {
  it('loads every page view, and every view file in src/views is a page', async () => {
    const files: string[] = []
    for (const page of PAGES) {
      const view = await loadView(page.component)
      expect(typeof view.__file, `${page.name}: not a compiled .vue component`).toBe('string')
      files.push(basename(String(view.__file)))
    }
    const viewFiles = readdirSync(join(process.cwd(), 'src/views')).filter((f) => f.endsWith('View.vue'))
    for (const file of viewFiles) expect(files, `${file} has no entry in PAGES (src/router.ts)`).toContain(file)
  }, 120_000)

  it('makes a route of every page, plus the fallback', () => {
    const routes = buildRoutes()
    expect(routes.map((r) => r.name).filter(Boolean)).toEqual(PAGES.map((p) => p.name))
    expect(routes.at(-1)).toMatchObject({ path: '/:pathMatch(.*)*', redirect: '/' })
  })
})
