import type { Settings } from './settingsSchema'

/**
 * The value of every settings key that has a default (docs/operators.md "Settings"), as plain data. The schema takes
 * its defaults from here, and the renderer starts from these without loading the schema's
 * validator on its first screen.
 */
export const settingsDefaults = {
  defaultLanguage: 'zh-CN',
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 15,
  volume: 0.8,
  quietHours: [],
  mode: 'open',
  requireSignedPacks: true,
  staffSessionIdleSeconds: 300,
  keepsakePaper: 'a6',
  keepsakesPerVisit: 1,
  keepsakesPerDay: 200,
} as const

/** A fresh copy of the defaults as full settings (optional keys absent). */
export function plainDefaultSettings(): Settings {
  return { ...settingsDefaults, quietHours: [] }
}
