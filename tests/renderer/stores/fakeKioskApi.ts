import type { EventMap, EventName, KioskApi } from '../../../src/contract/contract'
import type { AnalyticsEvent } from '../../../src/contract/areas/analytics'
import { defaultSettings, type Settings } from '../../../src/settings/settingsSchema'

/** A KioskApi stand-in for store tests: records analytics, answers settings, emits events. */
export function createFakeKioskApi(settings: Partial<Settings> = {}) {
  const recorded: AnalyticsEvent[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const current: Settings = { ...defaultSettings(), ...settings }
  const api = {
    invoke: async (channel: string, args?: unknown) => {
      if (channel === 'analytics:record') recorded.push(args as AnalyticsEvent)
      if (channel === 'settings:get') return { settings: current, problems: [] }
      return undefined
    },
    invokeAsStaff: async () => undefined,
    on: (event: string, listener: (payload: unknown) => void) => {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },
  } as unknown as KioskApi
  return {
    api,
    recorded,
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
  }
}
