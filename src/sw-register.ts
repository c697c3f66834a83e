/**
 * Registers the service worker (src/sw.ts) in the production build.
 *
 * When: on a first visit, only after the engine has started (or failed, or after 20 s). Installing
 * the worker downloads what it precaches; started earlier, that would compete with the page's own
 * download of the 34 MB engine. Started after, the engine's files come from the browser's HTTP
 * cache (hashed assets are immutable), so the first visit downloads them once. A returning visit is
 * already controlled; it asks the server for a new worker once the engine has settled.
 *
 * Update: when a new build's worker takes over a page that an older worker served, the page reloads
 * once, so it shows the new build's code and data together rather than old code with new files.
 */
const ENGINE_WAIT_MS = 20_000

function engineSettled(): Promise<void> {
  const html = document.documentElement
  const settled = () => html.dataset.engine === 'ready' || html.dataset.engine === 'error'
  return new Promise((resolve) => {
    if (settled()) return resolve()
    const observer = new MutationObserver(() => settled() && done())
    const timer = setTimeout(() => done(), ENGINE_WAIT_MS)
    function done() {
      observer.disconnect()
      clearTimeout(timer)
      resolve()
    }
    observer.observe(html, { attributes: true, attributeFilter: ['data-engine'] })
  })
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const sw = navigator.serviceWorker
  // Only a page that an older worker controls reloads: on the very first install there is nothing to replace.
  if (sw.controller) {
    let reloaded = false
    sw.addEventListener('controllerchange', () => {
      if (reloaded) return
      reloaded = true
      location.reload()
    })
  }
  void engineSettled().then(async () => {
    let registration: ServiceWorkerRegistration
    try {
      registration = await sw.register(new URL('sw.js', document.baseURI), { scope: './' })
    } catch (e) {
      // A site without the worker still works; only the next visit is slower.
      return console.warn(`service worker not registered: ${e instanceof Error ? e.message : String(e)}`)
    }
    // A returning visit asks for a new build now. The browser's own check after a navigation waits
    // until the worker has been idle for a moment, and a page reading its database through the
    // worker can keep it busy: on a loaded machine that check came minutes late (a CI run).
    if (sw.controller) await registration.update().catch(() => {}) // offline: the cached build stays
  })
}
