import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { systemClock, type Clock } from '../../src/time/clock'
import { IdleMachine, idleTimingFromSeconds, type IdlePhase } from '../../src/visit/idleMachine'
import { recordVisitorEvent } from '../analytics/recordVisitorEvent'
import { useKioskStore, visitorScreens } from './useKioskStore'
import { useLanguageStore } from './useLanguageStore'
import { usePreferencesStore } from './usePreferencesStore'
import { useSettingsStore } from './useSettingsStore'

/** How often the warning's countdown is redrawn while it runs. */
const countdownRefreshMs = 250

/** Why a visit ended (the analytics `visit-end` reasons). */
export type VisitEndReason = 'idle' | 'mode'

/**
 * One visitor's visit, from the first touch to walking away: the idle rule (src/visit/idleMachine)
 * driven by one timer, the full reset, and the visit's analytics (start, end, exhibit dwell).
 */
export const useVisitStore = defineStore('visit', () => {
  const kiosk = useKioskStore()
  const language = useLanguageStore()
  const preferences = usePreferencesStore()
  const settingsStore = useSettingsStore()

  // Fake timers in tests also fake Date.now, so the system clock serves both.
  const clock: Clock = systemClock
  const machine = new IdleMachine(clock, timingFromSettings())
  const phase = ref<IdlePhase>('dormant')
  const warningSecondsLeft = ref(0)
  /** Counts visits; the exhibit frame keys the exhibit on it so a reset always starts it afresh. */
  const visitSerial = ref(0)
  const visitStartedAtMs = shallowRef<number | undefined>()
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The exhibit whose dwell is being timed, and since when. */
  let exhibitEnteredId: string | undefined
  let exhibitEnteredAtMs: number | undefined

  const isVisitInProgress = computed(() => visitStartedAtMs.value !== undefined)

  function timingFromSettings() {
    const { idleTimeoutSeconds, idleWarningSeconds } = settingsStore.settings
    return idleTimingFromSeconds(idleTimeoutSeconds, idleWarningSeconds)
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    phase.value = machine.phase
    warningSecondsLeft.value = machine.warningSecondsLeft()
    const dueMs = machine.msUntilDeadline()
    if (dueMs === undefined) return
    const delayMs = machine.phase === 'warning' ? Math.min(dueMs, countdownRefreshMs) : dueMs
    timer = setTimeout(onTimer, delayMs)
  }

  function onTimer(): void {
    timer = undefined
    if (machine.advance() === 'reset') {
      resetVisit('idle')
      return
    }
    schedule()
  }

  /** The first touch on the attract loop: a visit begins. */
  function beginVisit(): void {
    if (isVisitInProgress.value) return
    visitStartedAtMs.value = clock.nowMs()
    machine.beginVisit()
    recordVisitorEvent({ type: 'visit-start', language: language.language })
    if (kiosk.exhibitId !== undefined && exhibitEnteredId === undefined)
      recordExhibitEnter(kiosk.exhibitId)
    schedule()
  }

  /**
   * Any touch anywhere. On a visitor screen past the attract loop it starts a visit when none is
   * in progress (e.g. after a reset into a single exhibit); during a visit it restarts the
   * countdown and dismisses the warning.
   */
  function noteTouch(): void {
    if (!visitorScreens.includes(kiosk.screen)) return
    if (!isVisitInProgress.value) {
      if (kiosk.screen !== 'attract') beginVisit()
      return
    }
    const wasWarning = machine.phase === 'warning'
    machine.touch()
    // Touches are frequent: re-arm the timer only when the warning is dismissed; otherwise the
    // pending timer fires, finds the deadline moved and re-arms itself.
    if (wasWarning || timer === undefined) schedule()
  }

  /**
   * The full reset, the one place a visit ends: the exhibit is unmounted (its audio stops, its
   * scene is disposed), the kiosk returns to its start, and language, text size and options go
   * back to the defaults for the next visitor.
   */
  function resetVisit(reason: VisitEndReason = 'idle'): void {
    const startedAtMs = visitStartedAtMs.value
    machine.endVisit()
    visitStartedAtMs.value = undefined
    visitSerial.value += 1
    recordExhibitLeave()
    kiosk.returnToStart()
    language.startIn(settingsStore.settings.defaultLanguage)
    preferences.reset()
    schedule()
    if (startedAtMs !== undefined) {
      recordVisitorEvent({ type: 'visit-end', durationMs: clock.nowMs() - startedAtMs, reason })
    }
  }

  watch(
    () => [settingsStore.settings.idleTimeoutSeconds, settingsStore.settings.idleWarningSeconds],
    () => {
      machine.setTiming(timingFromSettings())
      schedule()
    },
  )

  function recordExhibitEnter(exhibitId: string): void {
    exhibitEnteredId = exhibitId
    exhibitEnteredAtMs = clock.nowMs()
    recordVisitorEvent({ type: 'exhibit-enter', exhibitId })
  }

  function recordExhibitLeave(): void {
    if (exhibitEnteredId === undefined || exhibitEnteredAtMs === undefined) return
    const dwellMs = clock.nowMs() - exhibitEnteredAtMs
    recordVisitorEvent({ type: 'exhibit-leave', exhibitId: exhibitEnteredId, dwellMs })
    exhibitEnteredId = undefined
    exhibitEnteredAtMs = undefined
  }

  // Exhibit dwell: entering and leaving are read off the kiosk store, whoever moved it. An
  // exhibit a reset lands on (single-exhibit mode) is entered when the next visit begins.
  watch(
    () => kiosk.exhibitId,
    (nextId) => {
      recordExhibitLeave()
      if (nextId !== undefined && isVisitInProgress.value) recordExhibitEnter(nextId)
    },
    // Synchronous, so a reset records the exhibit's leave before the visit's end.
    { flush: 'sync' },
  )

  // A screen with no visitors (closed, staff) ends the visit without resetting what staff see.
  watch(
    () => kiosk.screen,
    (screen) => {
      if (visitorScreens.includes(screen) || !isVisitInProgress.value) return
      const startedAtMs = visitStartedAtMs.value!
      machine.endVisit()
      visitStartedAtMs.value = undefined
      recordExhibitLeave()
      schedule()
      recordVisitorEvent({
        type: 'visit-end',
        durationMs: clock.nowMs() - startedAtMs,
        reason: 'mode',
      })
    },
    { flush: 'sync' },
  )

  return {
    phase,
    warningSecondsLeft,
    visitSerial,
    isVisitInProgress,
    beginVisit,
    noteTouch,
    resetVisit,
  }
})
