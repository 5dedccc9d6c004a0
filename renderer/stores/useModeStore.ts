import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { ModeState } from '../../src/contract/areas/mode'
import { kioskApi } from '../bridge/kioskBridge'

/**
 * The kiosk mode as the services announce it (`mode:get`, then `mode:changed`): the mode, the
 * hours and the volume cap. What the mode means for the visitor screens is the visit machine's
 * (src/visit/visitMachine); this store only follows the services and imports no other store.
 */
export const useModeStore = defineStore('mode', () => {
  const state = shallowRef<ModeState | undefined>()
  /** The master volume allowed now (settings.volume capped by quiet hours): the one source. */
  const volume = computed(() => state.value?.volume)
  /** The exhibit staff chose for single-exhibit mode. */
  const singleExhibit = computed(() => state.value?.singleExhibit)
  let isFollowing = false

  function apply(next: ModeState): void {
    state.value = next
  }

  /** Loads the mode once and follows `mode:changed` from then on. */
  async function start(): Promise<void> {
    if (!isFollowing) {
      isFollowing = true
      kioskApi().on('mode:changed', apply)
    }
    try {
      apply(await kioskApi().invoke('mode:get'))
    } catch (error) {
      console.warn(`mode: staying open, the services did not answer: ${(error as Error).message}`)
    }
  }

  return { state, volume, singleExhibit, start, apply }
})
