/// <reference lib="webworker" />
/**
 * The service worker (built by vite-plugin-pwa from this file; registered by sw-register.ts). It
 * keeps the app, the DuckDB engine (the `eh` wasm and its worker) and the data the first screens
 * read (index.json, the district summaries, the database file of the district the dashboard opens
 * on — data/db/<district>.duckdb, chosen in vite.config.ts — not every district's) in a precache,
 * so a second visit — or a visit to an intranet copy with the network down — starts from disk
 * instead of downloading 40 MB. Another district's file is fetched when that district is chosen.
 *
 * Versioned: the build writes the list of files with a content hash of each (`self.__WB_MANIFEST`).
 * A new build changes that list, so the browser installs the new worker, which downloads only the
 * files whose hash changed, takes over the open pages (sw-register.ts reloads them once), and
 * deletes the entries the new list no longer has. Data files keep their names between builds; their
 * hash in the list is what makes a new build's data replace the old.
 *
 * It only ever fetches files of this site (the precache list is same-origin, and nothing else is
 * routed), so the dashboard still makes no request to another host.
 */
import { clientsClaim } from 'workbox-core'
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching'
import { createPartialResponse, RangeRequestsPlugin } from 'workbox-range-requests'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] }

// DuckDB-WASM reads a large district database with Range requests (`?dbread=url`): answer them with the
// asked bytes of the cached file (206), never the whole file; one not in the precache goes to the network.
addPlugins([new RangeRequestsPlugin()])
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// A page address with a query (`/?dbread=url`, `/?lang=en`) is still the app: serve its cached
// index.html, so an offline visit works from any link. Only addresses of the page itself: a
// download link (data/open/cells.csv) is a navigation too and must reach the file.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [/^[^?#]*\/(index\.html)?([?#].*)?$/] }))

// The engine asks for the database's size with HEAD before choosing how to read it (src/db/wasm.ts),
// and DuckDB-WASM asks again with HEAD + `Range: bytes=0-` before range reads, expecting 206 and
// the whole size. Answer both from the cached copy, so an offline start does not stop there. The
// cached body is stored decoded: its size is the file's, whatever encoding it arrived in.
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.method === 'HEAD',
  async ({ request }) => {
    const cached = await matchPrecache(request.url)
    if (!cached) return fetch(request)
    const answer = request.headers.has('range') ? await createPartialResponse(request, cached) : cached
    const headers = new Headers(answer.headers)
    headers.delete('content-encoding')
    if (!request.headers.has('range')) headers.set('content-length', String((await cached.blob()).size))
    return new Response(null, { status: answer.status, statusText: answer.statusText, headers })
  },
  'HEAD',
)

// A new build takes over at once instead of waiting for every tab to close: the data it precached
// belongs with its own code.
void self.skipWaiting()
clientsClaim()
