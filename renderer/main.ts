import '@fontsource/noto-serif-sc/400.css'
import '@fontsource/noto-serif-sc/600.css'
import '@fontsource/noto-sans-sc/400.css'
import './styles/base.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installDiagnostics } from './diagnostics/diagnostics'
import { logSceneContextChanges } from './health/logSceneContextChanges'
import { i18n } from './i18n/i18n'
import { dismissStartingScreenWhenReady } from './startup/dismissStartingScreen'

installDiagnostics()
// A touch kiosk has no context menu, anywhere.
window.addEventListener('contextmenu', (event) => event.preventDefault())

const pinia = createPinia()
createApp(App).use(pinia).use(i18n).mount('#app')
dismissStartingScreenWhenReady(pinia)
logSceneContextChanges()
