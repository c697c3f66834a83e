import { createPinia, setActivePinia } from 'pinia'
import { createApp, nextTick } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { bindFiltersToRouter } from '~/stores/filters'

/**
 * A fresh Pinia and an in-memory router at `url`, with the filters store bound to it (as main.ts
 * does), and `settle()` to wait until a change has gone both ways between store and URL.
 */
export async function boundRouter(url: string): Promise<{ router: Router; settle: () => Promise<void> }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: {} }, { path: '/compare', component: {} }] })
  createApp({}).use(pinia).use(router)
  await router.push(url)
  bindFiltersToRouter(router)
  const settle = async () => {
    await nextTick()
    await router.isReady()
    await new Promise((r) => setTimeout(r, 0))
    await nextTick()
  }
  return { router, settle }
}
