import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Settings } from '../../src/settings/settingsSchema'
import { plainDefaultSettings } from '../../src/settings/settingsDefaults'
import { kioskApi } from '../bridge/kioskBridge'

/**
 * The settings in force (settings.json through `settings:get`), kept current by the
 * `settings:changed` event. Until the first answer arrives the defaults apply.
 */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<Settings>(plainDefaultSettings())
  const isLoaded = shallowRef(false)
  /** Subscribed once for the page's life (the store lives as long). */
  let isFollowing = false

  function apply(next: Settings): void {
    settings.value = next
    isLoaded.value = true
  }

  /** Loads once and follows changes from then on. */
  async function start(): Promise<void> {
    if (!isFollowing) kioskApi().on('settings:changed', (snapshot) => apply(snapshot.settings))
    isFollowing = true
    try {
      apply((await kioskApi().invoke('settings:get')).settings)
    } catch (error) {
      console.warn(
        `settings: using the defaults, the services did not answer: ${(error as Error).message}`,
      )
    }
  }

  return { settings, isLoaded, start, apply }
})
