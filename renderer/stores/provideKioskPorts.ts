import type { App } from 'vue'
import { recordVisitorEvent } from '../analytics/recordVisitorEvent'
import { kioskApi } from '../bridge/kioskBridge'
import { staffScreenPortsKey, visitPortsKey } from './kioskPorts'
import { useLanguageStore } from './useLanguageStore'
import { usePreferencesStore } from './usePreferencesStore'
import { useSettingsStore } from './useSettingsStore'
import { useVisitStore } from './useVisitStore'

/**
 * Wires the stores together at app level, the one place that knows which store answers which
 * port: each store reaches the others only through these, and only when a port is called (never
 * while it is being created), so the order in which stores are made cannot matter.
 */
export function provideKioskPorts(app: App): void {
  app.provide(visitPortsKey, {
    record: recordVisitorEvent,
    reportBusy: (isBusy) => {
      kioskApi()
        .invoke('mode:report-visit', { isVisitInProgress: isBusy })
        .catch((error: unknown) =>
          console.warn(`mode: could not report the visit: ${(error as Error).message}`),
        )
    },
    restoreVisitorDefaults: () => {
      useLanguageStore().startIn(useSettingsStore().settings.defaultLanguage)
      usePreferencesStore().reset()
    },
    language: () => useLanguageStore().language,
  })
  app.provide(staffScreenPortsKey, {
    showStaffScreen: (screen) => useVisitStore().showStaffScreen(screen),
    leaveStaffScreens: () => useVisitStore().leaveStaffScreens(),
    isOnStaffScreen: () => useVisitStore().isStaffScreen,
  })
}
