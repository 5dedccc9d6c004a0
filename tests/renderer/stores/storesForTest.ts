import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createApp } from 'vue'
import { provideKioskPorts } from '../../../renderer/stores/provideKioskPorts'

/**
 * A fresh Pinia inside an app wired as renderer/main.ts wires it (the stores reach each other
 * only through the ports given at app level), made active for the test.
 */
export function activateStoresForTest(): Pinia {
  const app = createApp({})
  provideKioskPorts(app)
  const pinia = createPinia()
  app.use(pinia)
  setActivePinia(pinia)
  return pinia
}
