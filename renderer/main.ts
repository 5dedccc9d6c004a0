import '@fontsource/noto-serif-sc/400.css'
import '@fontsource/noto-serif-sc/600.css'
import '@fontsource/noto-sans-sc/400.css'
import './styles/base.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installDiagnostics } from './diagnostics/diagnostics'
import { i18n } from './i18n/i18n'

installDiagnostics()
// A touch kiosk has no context menu, anywhere.
window.addEventListener('contextmenu', (event) => event.preventDefault())

createApp(App).use(createPinia()).use(i18n).mount('#app')
