import type { InjectionKey } from 'vue'
import type { AnalyticsEvent } from '../../src/contract/areas/analytics'
import type { StaffScreenName } from '../../src/visit/visitMachine'

/**
 * What the visit store (the adapter of src/visit/visitMachine) does with the machine's outputs.
 * Given at app level (`app.provide`, see provideKioskPorts.ts), so the visit store imports no
 * other store and a test gives fakes.
 */
export interface VisitPorts {
  /** Writes a visitor event to the analytics log; never throws. */
  record(event: AnalyticsEvent): void
  /** Tells the services whether the kiosk is busy (no inbox install interrupts a visit). */
  reportBusy(isBusy: boolean): void
  /** The next visitor starts afresh: the default language, text size and options. */
  restoreVisitorDefaults(): void
  /** The visit's language now (a starting visit records it). */
  language(): string
}

/** How the staff store moves the kiosk onto and off the staff screens (the visit store does). */
export interface StaffScreenPorts {
  showStaffScreen(screen: StaffScreenName): void
  /** Back to the mode's start screen, in the venue's default language. */
  leaveStaffScreens(): void
  /** Whether a staff screen is shown now. */
  isOnStaffScreen(): boolean
}

export const visitPortsKey: InjectionKey<VisitPorts> = Symbol('visitPorts')
export const staffScreenPortsKey: InjectionKey<StaffScreenPorts> = Symbol('staffScreenPorts')

/** Reads a port given at app level; a missing one is a wiring mistake named in the error. */
export function requirePort<T>(port: T | undefined, name: string): T {
  if (port === undefined) {
    throw new Error(
      `${name} was not provided: call provideKioskPorts(app) before the first store is used (or provide a fake in a test)`,
    )
  }
  return port
}
