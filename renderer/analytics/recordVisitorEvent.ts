import type { AnalyticsEvent } from '../../src/contract/areas/analytics'
import { kioskApi } from '../bridge/kioskBridge'

/**
 * Sends one visitor event to the analytics log. A failed write must never disturb a visit, so
 * it is reported on the console (and from there to the services' log) and otherwise ignored.
 */
export function recordVisitorEvent(event: AnalyticsEvent): void {
  kioskApi()
    .invoke('analytics:record', event)
    .catch((error: unknown) => {
      console.warn(`analytics: could not record "${event.type}": ${(error as Error).message}`)
    })
}
