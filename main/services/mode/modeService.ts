import type { ModeSetArgs, ModeState } from '../../../src/contract/areas/mode'
import { RequestError } from '../../../src/contract/requestError'
import {
  effectiveVolumeAt,
  isOpenAt,
  nextScheduleChangeAfter,
} from '../../../src/schedule/hoursRules'
import type { Settings } from '../../../src/settings/settingsSchema'
import type { Clock } from '../../../src/time/clock'
import type { EventBus } from '../eventBus'
import type { Logger } from '../logger'
import type { SettingsService } from '../settingsService'

/** The longest the schedule tick sleeps, so a wall-clock jump (NTP, a resumed PC) is noticed. */
const maxTickDelayMs = 60_000

/** The local time zone of the machine, which the hours are read in unless told otherwise. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** What the mode service needs to know about exhibits: whether an id names one. */
export type ExhibitExists = (exhibitId: string) => Promise<boolean>

/**
 * The kiosk mode and the schedule tick: staff's mode lives in settings (so it survives a
 * restart); the opening hours close the kiosk by themselves; the quiet hours cap the volume.
 * Every change is announced once as `mode:changed`, so the renderer reacts and never polls.
 * It also holds whether a visit is in progress, as the renderer reports it.
 */
export class ModeService {
  #lastState: ModeState | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #stopListening: (() => void) | undefined
  #isVisitInProgress = false
  readonly #visitListeners = new Set<(isVisitInProgress: boolean) => void>()

  constructor(
    private readonly settings: SettingsService,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly exhibitExists: ExhibitExists,
    private readonly fallbackTimeZone: string = systemTimeZone(),
  ) {}

  /** The zone the hours are read in: `settings.timeZone`, else the machine's (or the one given). */
  get timeZone(): string {
    return this.settings.settings.timeZone ?? this.fallbackTimeZone
  }

  /** The state at this moment. */
  state(): ModeState {
    return modeStateAt(this.settings.settings, this.clock.nowMs(), this.timeZone)
  }

  /** Starts following settings changes and the clock. */
  start(): void {
    this.#lastState = this.state()
    this.#stopListening = this.events.on('settings:changed', () => this.tick())
    this.#scheduleTick()
  }

  /** Re-reads the state, announces it if it changed, and sleeps until the next change. */
  tick(): void {
    const state = this.state()
    if (!this.#lastState || !isSameModeState(this.#lastState, state)) {
      if (this.#lastState && state.mode !== this.#lastState.mode) {
        this.logger.info(
          `mode: now ${state.mode}${state.isClosedByHours ? ' (opening hours)' : ''}`,
        )
      }
      this.#lastState = state
      this.events.emit('mode:changed', state)
    }
    this.#scheduleTick()
  }

  /** Switches the mode for staff; it is kept in settings.json. */
  async setMode(args: ModeSetArgs): Promise<ModeState> {
    if (args.mode === 'single-exhibit' && !(await this.exhibitExists(args.singleExhibit!))) {
      throw new RequestError('not-found', `There is no exhibit "${args.singleExhibit}"`, [
        { path: 'singleExhibit', message: 'no exhibit with this id in the active packs' },
      ])
    }
    await this.settings.update(
      args.mode === 'single-exhibit'
        ? { mode: args.mode, singleExhibit: args.singleExhibit }
        : { mode: args.mode },
    )
    // settings:changed has already ticked; this returns what it announced.
    return this.state()
  }

  get isVisitInProgress(): boolean {
    return this.#isVisitInProgress
  }

  /** Records whether a visitor is mid-visit (the renderer reports it). */
  reportVisit(isVisitInProgress: boolean): void {
    if (isVisitInProgress === this.#isVisitInProgress) return
    this.#isVisitInProgress = isVisitInProgress
    for (const listener of this.#visitListeners) listener(isVisitInProgress)
  }

  /** Listens for visits starting and ending; returns the function that stops listening. */
  onVisitChange(listener: (isVisitInProgress: boolean) => void): () => void {
    this.#visitListeners.add(listener)
    return () => this.#visitListeners.delete(listener)
  }

  dispose(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#stopListening?.()
    this.#visitListeners.clear()
  }

  #scheduleTick(): void {
    clearTimeout(this.#timer)
    const nowMs = this.clock.nowMs()
    const nextMs = this.#lastState?.nextScheduleChangeAtMs
    const delayMs = Math.min(maxTickDelayMs, Math.max(100, (nextMs ?? Infinity) - nowMs))
    this.#timer = setTimeout(() => this.tick(), delayMs)
    this.#timer.unref?.()
  }
}

/** The mode state the settings give at an instant. */
export function modeStateAt(settings: Settings, nowMs: number, timeZone: string): ModeState {
  const isClosedByHours = !isOpenAt(settings, nowMs, timeZone)
  const nextChangeMs = nextScheduleChangeAfter(settings, nowMs, timeZone)
  return {
    mode: isClosedByHours ? 'closed' : settings.mode,
    configuredMode: settings.mode,
    singleExhibit: settings.singleExhibit,
    isClosedByHours,
    volume: effectiveVolumeAt(settings, nowMs, timeZone),
    nextScheduleChangeAtMs: nextChangeMs ?? undefined,
    timeZone,
  }
}

function isSameModeState(a: ModeState, b: ModeState): boolean {
  return (
    a.mode === b.mode &&
    a.configuredMode === b.configuredMode &&
    a.singleExhibit === b.singleExhibit &&
    a.isClosedByHours === b.isClosedByHours &&
    a.volume === b.volume &&
    a.nextScheduleChangeAtMs === b.nextScheduleChangeAtMs &&
    a.timeZone === b.timeZone
  )
}
