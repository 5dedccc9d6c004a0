import { defineStore } from 'pinia'
import { computed, inject, shallowRef } from 'vue'
import { systemClock, type Clock } from '../../src/time/clock'
import { idleTimingFromSeconds } from '../../src/visit/idleMachine'
import {
  VisitMachine,
  type StaffScreenName,
  type VisitInput,
  type VisitorMode,
  type VisitState,
} from '../../src/visit/visitMachine'
import { plainDefaultSettings } from '../../src/settings/settingsDefaults'
import { requirePort, visitPortsKey } from './kioskPorts'

/** How often the warning's countdown is redrawn while it runs. */
const countdownRefreshMs = 250

/**
 * Where the visitor is and the visit itself: the one adapter of the pure visit machine
 * (src/visit/visitMachine). It keeps the machine's state reactive for the views, runs the one
 * timer the machine asks for, and applies the machine's outputs through the ports given at app
 * level (analytics, the busy report, the visitor's defaults). It imports no other store.
 */
export const useVisitStore = defineStore('visit', () => {
  const ports = requirePort(inject(visitPortsKey, undefined), 'visitPorts')
  // Fake timers in tests also fake Date.now, so the system clock serves both.
  const clock: Clock = systemClock
  const { idleTimeoutSeconds, idleWarningSeconds } = plainDefaultSettings()
  const machine = new VisitMachine(
    clock,
    idleTimingFromSeconds(idleTimeoutSeconds, idleWarningSeconds),
  )
  const state = shallowRef<VisitState>(machine.state)
  const warningSecondsLeft = shallowRef(0)
  let timer: ReturnType<typeof setTimeout> | undefined

  function handle(input: VisitInput): void {
    const outputs = machine.handle(input)
    state.value = machine.state
    schedule()
    for (const output of outputs) {
      if (output.type === 'record') ports.record(output.event)
      else if (output.type === 'report-busy') ports.reportBusy(output.isBusy)
      else ports.restoreVisitorDefaults()
    }
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    warningSecondsLeft.value = machine.warningSecondsLeft()
    const dueMs = machine.msUntilDeadline()
    if (dueMs === undefined) return
    const delayMs =
      state.value.idlePhase === 'warning' ? Math.min(dueMs, countdownRefreshMs) : dueMs
    timer = setTimeout(() => {
      timer = undefined
      handle({ type: 'tick' })
    }, delayMs)
  }

  handle({ type: 'start' })

  return {
    screen: computed(() => state.value.screen),
    exhibitId: computed(() => state.value.exhibitId),
    phase: computed(() => state.value.idlePhase),
    visitSerial: computed(() => state.value.visitSerial),
    isVisitInProgress: computed(() => state.value.isVisitInProgress),
    isStaffScreen: computed(() => state.value.isStaffScreen),
    /** The mode visitors get (open until the services have answered). */
    mode: computed(() => state.value.mode?.mode ?? 'open'),
    warningSecondsLeft,
    /** Any touch anywhere (the app listens on the window). */
    noteTouch: () => handle({ type: 'touch', language: ports.language() }),
    /** The tap on the attract loop. */
    begin: () => handle({ type: 'begin', language: ports.language() }),
    openExhibit: (exhibitId: string) => handle({ type: 'open-exhibit', exhibitId }),
    goHome: () => handle({ type: 'home' }),
    showStaffScreen: (screen: StaffScreenName) => handle({ type: 'staff-enter', screen }),
    leaveStaffScreens: () => handle({ type: 'staff-leave' }),
    applyMode: (mode: VisitorMode) => handle({ type: 'mode-changed', mode }),
    applyIdleTiming: (timeoutSeconds: number, warningSeconds: number) =>
      handle({
        type: 'timing-changed',
        timing: idleTimingFromSeconds(timeoutSeconds, warningSeconds),
      }),
  }
})
