/**
 * A Vite plugin writing `window.__govFirstScreen` into index.html, for the page's inline prefetch
 * script: the opening district's index.json entry (its summary and prebuilt files) and, in a
 * build, each view's chunks (JavaScript and CSS) with what they import beyond the shell.
 *
 * Why: without it the first screen of a view was three round trips deep — index.json, then (once
 * the shell's JavaScript had run) the summary and prebuilt files, then the view's own chunk, which
 * the router asks for only after the shell has been evaluated. With the names in the page all of
 * them start with the first request. A wrong hint costs one unused download, never a wrong number:
 * the app still reads index.json, takes a prefetched file only by its URL, and checks a prebuilt
 * file's digest against index.json (src/stores/prebuilt.ts).
 */
import type { IndexHtmlTransformContext, Plugin, ResolvedConfig } from 'vite'
import { openingDistrict } from './build/first-screen'

/** What the page's prefetch script reads. */
export interface FirstScreenHints {
  /** index.json's first district entry (`id`, `summary`, `prebuilt`), or absent without data. */
  opening?: unknown
  /** Route name (the hash's first path segment) → files to preload, base-prefixed. */
  chunks?: Record<string, string[]>
}

/** The route name of a view file: `src/views/MyReportsView.vue` → `my-reports` (the router's page names). */
export function routeOfView(moduleId: string): string | null {
  const m = /\/src\/views\/([A-Za-z]+)View\.vue$/.exec(moduleId)
  return m ? m[1]!.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase()) : null
}

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>
interface ChunkLike { type: 'chunk'; fileName: string; imports: string[]; isEntry: boolean; facadeModuleId: string | null; viteMetadata?: { importedCss: Set<string> } }

/** Every lazily loaded view's files beyond what the entry chunk already loads (Vite preloads those). */
export function viewChunks(bundle: Bundle, base: string): Record<string, string[]> {
  const chunks = new Map<string, ChunkLike>()
  for (const out of Object.values(bundle)) if (out.type === 'chunk') chunks.set(out.fileName, out as unknown as ChunkLike)
  const closure = (start: string, into = new Set<string>()): Set<string> => {
    if (into.has(start) || !chunks.has(start)) return into
    into.add(start)
    for (const dep of chunks.get(start)!.imports) closure(dep, into)
    return into
  }
  const shell = new Set<string>()
  for (const c of chunks.values()) if (c.isEntry) closure(c.fileName, shell)
  const out: Record<string, string[]> = {}
  for (const c of chunks.values()) {
    const route = c.facadeModuleId ? routeOfView(c.facadeModuleId) : null
    if (!route || shell.has(c.fileName)) continue
    const own = [...closure(c.fileName)].filter((f) => !shell.has(f))
    const css = own.flatMap((f) => [...(chunks.get(f)!.viteMetadata?.importedCss ?? [])])
    out[route] = [...own, ...css].map((f) => base + f)
  }
  return out
}

/** `JSON.stringify` safe inside a `<script>` element (a `</script>` in a district name cannot end it). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

export function firstScreenHints(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'gov-first-screen-hints',
    configResolved: (c) => void (config = c),
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const hints: FirstScreenHints = { opening: (config.publicDir ? openingDistrict(config.publicDir) : null) ?? undefined }
        if (ctx.bundle) hints.chunks = viewChunks(ctx.bundle, config.base)
        return [{ tag: 'script', children: `window.__govFirstScreen = ${scriptJson(hints)}`, injectTo: 'head-prepend' }]
      },
    },
  }
}
