import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { ModeState } from '../../src/contract/areas/mode'
import type { KioskMode } from '../../src/settings/settingsSchema'
import { kioskApi } from '../bridge/kioskBridge'
import { useContentStore } from './useContentStore'
import { useKioskStore, visitorScreens, type ScreenName } from './useKioskStore'
import { useVisitStore } from './useVisitStore'

/** Screens on which the kiosk is free for background work (no visitor, no staff). */
const restingScreens: readonly ScreenName[] = ['attract', 'closed']

/**
 * The kiosk mode as the services announce it (`mode:changed`), and the rules it puts on the
 * visitor screens: closed shows the closed screen, single-exhibit keeps the one exhibit. It also
 * tells the services whether the kiosk is busy, so inbox installs never interrupt a visit.
 */
export const useModeStore = defineStore('mode', () => {
  const state = shallowRef<ModeState | undefined>()
  const content = useContentStore()
  /**
   * The exhibit of single-exhibit mode, while the active packs have it (a rollback may remove
   * it; until content has loaded it is trusted).
   */
  const singleExhibit = computed(() => {
    const id = state.value?.singleExhibit
    if (id === undefined || content.content === undefined) return id
    return content.findExhibit(id) ? id : undefined
  })
  /** The mode visitors get: single-exhibit without its exhibit falls back to open. */
  const mode = computed<KioskMode>(() => {
    const announced = state.value?.mode ?? 'open'
    return announced === 'single-exhibit' && singleExhibit.value === undefined ? 'open' : announced
  })
  /** The master volume allowed now (settings.volume capped by quiet hours). */
  const volume = computed(() => state.value?.volume)
  let stopListening: (() => void) | undefined

  const kiosk = useKioskStore()
  const visit = useVisitStore()

  /**
   * Puts the visitor screens right when they do not fit the mode; staff screens are left alone
   * (leaving them returns to the start, which follows the mode).
   */
  function enforceOnVisitorScreens(isModeChange = false): void {
    if (!visitorScreens.includes(kiosk.screen) && kiosk.screen !== 'closed') return
    const fitsMode =
      mode.value === 'closed'
        ? kiosk.screen === 'closed'
        : mode.value === 'single-exhibit'
          ? kiosk.screen === 'exhibit' && kiosk.exhibitId === singleExhibit.value
          : kiosk.screen !== 'closed'
    // A new mode always starts from its own start screen.
    if (fitsMode && !isModeChange) return
    if (visit.isVisitInProgress) visit.resetVisit('mode')
    else kiosk.returnToStart()
  }

  function apply(next: ModeState): void {
    state.value = next
    enforceOnVisitorScreens()
  }

  /** Loads the mode once and follows `mode:changed` from then on. */
  async function start(): Promise<void> {
    stopListening ??= kioskApi().on('mode:changed', apply)
    try {
      apply(await kioskApi().invoke('mode:get'))
    } catch (error) {
      console.warn(`mode: staying open, the services did not answer: ${(error as Error).message}`)
    }
  }

  // The journey's own moves (home, idle reset) and content changes must not break the mode.
  watch(
    () => [kiosk.screen, kiosk.exhibitId, mode.value, singleExhibit.value] as const,
    (now, before) => {
      if (!state.value) return
      enforceOnVisitorScreens(now[2] !== before[2] || now[3] !== before[3])
    },
  )

  const isBusy = computed(() => visit.isVisitInProgress || !restingScreens.includes(kiosk.screen))
  watch(
    isBusy,
    (busy) => {
      kioskApi()
        .invoke('mode:report-visit', { isVisitInProgress: busy })
        .catch((error: unknown) =>
          console.warn(`mode: could not report the visit: ${(error as Error).message}`),
        )
    },
    { immediate: true },
  )

  return { state, mode, singleExhibit, volume, start, apply }
})
