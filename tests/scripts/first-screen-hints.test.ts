/**
 * The build's first-screen hints (scripts/first-screen-hints.ts): each view's route name from its
 * file, and its chunks beyond what the shell already loads (the shell's own are preloaded by Vite).
 */
import { describe, expect, it } from 'vitest'
import { routeOfView, viewChunks } from '../../scripts/first-screen-hints'
import { PAGES } from '../../src/router'

const chunk = (fileName: string, imports: string[], extra: Record<string, unknown> = {}) => ({
  type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, viteMetadata: { importedCss: new Set<string>() }, ...extra,
})

describe('first-screen hints', () => {
  it('names each view file by the router’s page name', () => {
    expect(routeOfView('/w/src/views/MyReportsView.vue')).toBe('my-reports')
    expect(routeOfView('/w/src/views/CompareView.vue')).toBe('compare')
    expect(routeOfView('/w/src/components/compare/Ranking.vue')).toBeNull()
    // Every page of the router is a view file named after it (the hints would miss one otherwise).
    for (const p of PAGES) expect(routeOfView(`/w/src/views/${p.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}View.vue`)).toBe(p.name)
  })

  it('lists a lazy view’s chunks and CSS without the shell’s, base-prefixed', () => {
    const bundle = {
      'index.js': chunk('assets/index.js', ['assets/vue.js'], { isEntry: true }),
      'vue.js': chunk('assets/vue.js', []),
      'CompareView.js': chunk('assets/CompareView.js', ['assets/TableCard.js', 'assets/vue.js'], { facadeModuleId: '/w/src/views/CompareView.vue', viteMetadata: { importedCss: new Set(['assets/CompareView.css']) } }),
      'TableCard.js': chunk('assets/TableCard.js', ['assets/vue.js'], { viteMetadata: { importedCss: new Set(['assets/TableCard.css']) } }),
      'style.css': { type: 'asset', fileName: 'assets/style.css' },
    }
    expect(viewChunks(bundle as never, '/sub/')).toEqual({
      compare: ['/sub/assets/CompareView.js', '/sub/assets/TableCard.js', '/sub/assets/CompareView.css', '/sub/assets/TableCard.css'],
    })
  })
})
