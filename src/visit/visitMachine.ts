import type { AnalyticsEvent } from '../contract/areas/analytics'
import type { KioskMode } from '../settings/settingsSchema'
import type { Clock } from '../time/clock'
import { IdleMachine, type IdlePhase, type IdleTiming } from './idleMachine'

/** The screens of the testability contract (`data-screen`, docs/kiosk-contract.md). */
export type ScreenName = 'attract' | 'menu' | 'exhibit' | 'closed' | 'staff-pin' | 'admin'

/** The screens a visit happens on; the idle countdown runs only there. */
export const visitorScreens: readonly ScreenName[] = ['attract', 'menu', 'exhibit']

/** The staff screens: the PIN pad and the admin screen. */
export type StaffScreenName = 'staff-pin' | 'admin'

/**
 * Screens on which the kiosk is at rest (no visitor, no staff): background work may run. The one
 * list: the machine reports the kiosk busy elsewhere (`mode:report-visit`), and the services'
 * inbox and the Electron shell's renderer recycler act only on that report.
 */
export const restingScreens: readonly ScreenName[] = ['attract', 'closed']

/** The mode visitors get: the services' mode, with single-exhibit's exhibit while packs have it. */
export interface VisitorMode {
  readonly mode: KioskMode
  /** The exhibit of single-exhibit mode. */
  readonly singleExhibit: string | undefined
}

/**
 * The mode visitors get from what the services announce: single-exhibit whose exhibit the active
 * packs no longer have (a rollback removed it) falls back to open. `hasExhibit` is undefined
 * until content has loaded; the announced exhibit is trusted until then.
 */
export function visitorModeOf(
  announced: { readonly mode: KioskMode; readonly singleExhibit: string | undefined },
  hasExhibit: ((exhibitId: string) => boolean) | undefined,
): VisitorMode {
  const { mode, singleExhibit } = announced
  if (mode !== 'single-exhibit') return { mode, singleExhibit: undefined }
  if (singleExhibit === undefined || (hasExhibit && !hasExhibit(singleExhibit)))
    return { mode: 'open', singleExhibit: undefined }
  return { mode, singleExhibit }
}

/** Everything that can happen to the visit. */
export type VisitInput =
  /** The app started: report whether the kiosk is busy. */
  | { readonly type: 'start' }
  /** A touch anywhere; `language` is the visit's language now (for a visit that starts). */
  | { readonly type: 'touch'; readonly language: string }
  /** The tap on the attract loop: a visit begins at the menu. */
  | { readonly type: 'begin'; readonly language: string }
  /** The deadline from {@link VisitMachine.msUntilDeadline} passed. */
  | { readonly type: 'tick' }
  /** The services announced a mode (or content changed which exhibit single-exhibit may hold). */
  | { readonly type: 'mode-changed'; readonly mode: VisitorMode }
  | { readonly type: 'open-exhibit'; readonly exhibitId: string }
  /** The exhibit frame's "home". */
  | { readonly type: 'home' }
  | { readonly type: 'staff-enter'; readonly screen: StaffScreenName }
  | { readonly type: 'staff-leave' }
  /** New idle timing from the settings. */
  | { readonly type: 'timing-changed'; readonly timing: IdleTiming }

/** What the machine asks its owner to do; it does nothing itself. */
export type VisitOutput =
  /** Write this event to the analytics log. */
  | { readonly type: 'record'; readonly event: AnalyticsEvent }
  /** Tell the services whether the kiosk is busy (sent only when that changes). */
  | { readonly type: 'report-busy'; readonly isBusy: boolean }
  /** The next visitor starts afresh: the default language, text size and options. */
  | { readonly type: 'restore-visitor-defaults' }

/** Where the kiosk stands. */
export interface VisitState {
  readonly screen: ScreenName
  readonly exhibitId: string | undefined
  readonly isVisitInProgress: boolean
  /** Counts ended visits; the exhibit frame keys the exhibit on it so a reset starts it afresh. */
  readonly visitSerial: number
  readonly idlePhase: IdlePhase
  /** Undefined until the services first answered; no mode rule applies before. */
  readonly mode: VisitorMode | undefined
  readonly isStaffScreen: boolean
}

/** Why a visit ended (the analytics `visit-end` reasons). */
export type VisitEndReason = 'idle' | 'mode'

/**
 * A visit, from the first touch to walking away, as one pure state machine: which screen and
 * exhibit are shown, whether a visit is in progress, the mode's rules, the staff screens, the idle
 * rule (src/visit/idleMachine) and the analytics of it all. It sets no timer and calls nothing:
 * each input returns the outputs its owner performs, and the owner calls `tick` when
 * {@link msUntilDeadline} has passed. The clock is injected so tests drive it.
 */
export class VisitMachine {
  readonly #clock: Clock
  readonly #idle: IdleMachine
  #screen: ScreenName = 'attract'
  #exhibitId: string | undefined
  #visitStartedAtMs: number | undefined
  #visitSerial = 0
  #mode: VisitorMode | undefined
  /** The exhibit whose dwell is being timed, and since when. */
  #entered: { readonly exhibitId: string; readonly atMs: number } | undefined
  #reportedBusy: boolean | undefined
  #outputs: VisitOutput[] = []

  constructor(clock: Clock, timing: IdleTiming) {
    this.#clock = clock
    this.#idle = new IdleMachine(clock, timing)
  }

  get state(): VisitState {
    return {
      screen: this.#screen,
      exhibitId: this.#exhibitId,
      isVisitInProgress: this.#visitStartedAtMs !== undefined,
      visitSerial: this.#visitSerial,
      idlePhase: this.#idle.phase,
      mode: this.#mode,
      isStaffScreen: isStaffScreen(this.#screen),
    }
  }

  /** Milliseconds until `tick` is due, or `undefined` when nothing counts down. */
  msUntilDeadline(): number | undefined {
    return this.#idle.msUntilDeadline()
  }

  /** Whole seconds the "still there?" warning has left, 0 when none runs. */
  warningSecondsLeft(): number {
    return this.#idle.warningSecondsLeft()
  }

  /** Applies one input and returns what the owner must do, in order. */
  handle(input: VisitInput): readonly VisitOutput[] {
    this.#outputs = []
    switch (input.type) {
      case 'start':
        break
      case 'touch':
        this.#onTouch(input.language)
        break
      case 'begin':
        if (this.#screen !== 'attract') break
        this.#beginVisit(input.language)
        this.#show('menu', undefined)
        this.#enforceMode(false)
        break
      case 'tick':
        if (this.#idle.advance() === 'reset') this.#endVisitAndReturnToStart('idle')
        break
      case 'mode-changed':
        this.#onModeChanged(input.mode)
        break
      case 'open-exhibit':
        if (!visitorScreens.includes(this.#screen)) break
        this.#show('exhibit', input.exhibitId)
        this.#enforceMode(false)
        break
      case 'home':
        if (this.#screen !== 'exhibit') break
        this.#show('menu', undefined)
        this.#enforceMode(false)
        break
      case 'staff-enter':
        this.#endVisit('mode')
        this.#show(input.screen, undefined)
        break
      case 'staff-leave':
        if (!isStaffScreen(this.#screen)) break
        this.#returnToStart()
        this.#outputs.push({ type: 'restore-visitor-defaults' })
        break
      case 'timing-changed':
        this.#idle.setTiming(input.timing)
        break
    }
    const isBusy = this.#visitStartedAtMs !== undefined || !restingScreens.includes(this.#screen)
    if (isBusy !== this.#reportedBusy) {
      this.#reportedBusy = isBusy
      this.#outputs.push({ type: 'report-busy', isBusy })
    }
    return this.#outputs
  }

  /**
   * On a visitor screen past the attract loop a touch starts a visit when none is in progress
   * (after a reset into a single exhibit); during a visit it restarts the countdown and dismisses
   * the warning. The attract loop's own tap is `begin`.
   */
  #onTouch(language: string): void {
    if (!visitorScreens.includes(this.#screen)) return
    if (this.#visitStartedAtMs === undefined) {
      if (this.#screen !== 'attract') this.#beginVisit(language)
      return
    }
    this.#idle.touch()
  }

  #beginVisit(language: string): void {
    if (this.#visitStartedAtMs !== undefined) return
    this.#visitStartedAtMs = this.#clock.nowMs()
    this.#idle.beginVisit()
    this.#record({ type: 'visit-start', language })
    // An exhibit a reset landed on (single-exhibit mode) is entered when the visit begins.
    if (this.#exhibitId !== undefined) this.#enterExhibit(this.#exhibitId)
  }

  /**
   * The one path by which a visit ends (idle reset, a mode change, a staff screen): the exhibit's
   * dwell and the visit's length are recorded and the countdown stops. Leaving the exhibit screen
   * unmounts the exhibit, which stops its audio and disposes its scene.
   */
  #endVisit(reason: VisitEndReason): void {
    const startedAtMs = this.#visitStartedAtMs
    if (startedAtMs === undefined) return
    this.#leaveExhibit()
    this.#visitStartedAtMs = undefined
    this.#visitSerial += 1
    this.#idle.endVisit()
    this.#record({ type: 'visit-end', durationMs: this.#clock.nowMs() - startedAtMs, reason })
    this.#outputs.push({ type: 'restore-visitor-defaults' })
  }

  #endVisitAndReturnToStart(reason: VisitEndReason): void {
    const wasInProgress = this.#visitStartedAtMs !== undefined
    this.#endVisit(reason)
    this.#returnToStart()
    // A new start screen with no visit still starts the next visitor afresh.
    if (!wasInProgress) this.#visitSerial += 1
  }

  /** Where a visit starts in the mode: the closed screen, the one exhibit, or the attract loop. */
  #returnToStart(): void {
    const mode = this.#mode
    if (mode?.mode === 'closed') this.#show('closed', undefined)
    else if (mode?.mode === 'single-exhibit' && mode.singleExhibit !== undefined)
      this.#show('exhibit', mode.singleExhibit)
    else this.#show('attract', undefined)
  }

  #onModeChanged(next: VisitorMode): void {
    const before = this.#mode
    this.#mode = next
    // Staff screens are left alone: leaving them returns to the start, which follows the mode.
    if (isStaffScreen(this.#screen)) return
    const isModeChange =
      before !== undefined &&
      (before.mode !== next.mode || before.singleExhibit !== next.singleExhibit)
    this.#enforceMode(isModeChange)
  }

  /** Puts the visitor screens right when they do not fit the mode; a new mode starts afresh. */
  #enforceMode(isModeChange: boolean): void {
    const mode = this.#mode
    if (mode === undefined || isStaffScreen(this.#screen)) return
    const fitsMode =
      mode.mode === 'closed'
        ? this.#screen === 'closed'
        : mode.mode === 'single-exhibit'
          ? this.#screen === 'exhibit' && this.#exhibitId === mode.singleExhibit
          : this.#screen !== 'closed'
    if (fitsMode && !isModeChange) return
    this.#endVisitAndReturnToStart('mode')
  }

  /** Shows a screen; entering and leaving an exhibit are timed for the analytics. */
  #show(screen: ScreenName, exhibitId: string | undefined): void {
    if (exhibitId !== this.#exhibitId) {
      this.#leaveExhibit()
      if (exhibitId !== undefined && this.#visitStartedAtMs !== undefined)
        this.#enterExhibit(exhibitId)
    }
    this.#screen = screen
    this.#exhibitId = exhibitId
  }

  #enterExhibit(exhibitId: string): void {
    this.#entered = { exhibitId, atMs: this.#clock.nowMs() }
    this.#record({ type: 'exhibit-enter', exhibitId })
  }

  #leaveExhibit(): void {
    const entered = this.#entered
    if (entered === undefined) return
    this.#entered = undefined
    const dwellMs = this.#clock.nowMs() - entered.atMs
    this.#record({ type: 'exhibit-leave', exhibitId: entered.exhibitId, dwellMs })
  }

  #record(event: AnalyticsEvent): void {
    this.#outputs.push({ type: 'record', event })
  }
}

function isStaffScreen(screen: ScreenName): screen is StaffScreenName {
  return screen === 'staff-pin' || screen === 'admin'
}
