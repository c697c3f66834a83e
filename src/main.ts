import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
import './styles/views.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n } from './i18n'
import { bindFiltersToRouter } from './stores/filters'
import { bindPrebuiltToRouter } from './stores/prebuilt'
import { useLocalStore } from './local/local-store'
import { registerServiceWorker } from './sw-register'
import { holdUntilFirstChart } from './charts/first-chart'

// Tables below the charts draw after the first chart (a first visit's long task was both).
holdUntilFirstChart()
const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
app.use(pinia).use(router).use(i18n)
bindFiltersToRouter(router)
// Each view's prebuilt first screens, read as soon as the route and the district are known.
bindPrebuiltToRouter(router)
// The browser-local district (我的报告), restored from this browser's storage before the first summary load.
useLocalStore(pinia).install()
app.mount('#app')
registerServiceWorker()
