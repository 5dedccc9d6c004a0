// Latin-script text: the Latin faces the CJK ones were drawn from, with proportional quotes
// (the Noto SC subsets only have full-width ones and drop the 'pwid' feature).
import '@fontsource/source-serif-4/latin-400.css'
import '@fontsource/source-serif-4/latin-600.css'
import '@fontsource/source-sans-3/latin-400.css'
import './styles/base.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installDiagnostics } from './diagnostics/diagnostics'
import { logSceneContextChanges } from './health/logSceneContextChanges'
import { i18n } from './i18n/i18n'
import { declareCjkFacesAfterLoad } from './startup/declareCjkFacesAfterLoad'
import { dismissStartingScreenWhenReady } from './startup/dismissStartingScreen'
import { provideKioskPorts } from './stores/provideKioskPorts'

installDiagnostics()
// A touch kiosk has no context menu, anywhere.
window.addEventListener('contextmenu', (event) => event.preventDefault())

const pinia = createPinia()
const app = createApp(App)
provideKioskPorts(app)
app.use(pinia).use(i18n).mount('#app')
dismissStartingScreenWhenReady(pinia)
logSceneContextChanges()
// The CJK faces' own rules (300 kB) wait for the first screen: it draws only its cut glyphs.
declareCjkFacesAfterLoad()
