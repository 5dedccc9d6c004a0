import { effectiveVolumeAt, nextScheduleChangeAfter } from '../../src/schedule/hoursRules'
import type { Settings } from '../../src/settings/settingsSchema'
import type { Clock } from '../../src/time/clock'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { Scheduler } from './trackPlayer'

/** The settings the master volume follows. */
export type VolumeSettings = Pick<Settings, 'volume' | 'quietHours' | 'openingHours'>

export interface MasterVolumeOptions {
  /** Sets the volume on the audio graph (Howler's master gain in the app). */
  readonly apply: (volume: number) => void
  readonly clock: Clock
  /** The kiosk's IANA time zone, in which quiet hours are written. */
  readonly timeZone: string
  readonly schedule: Scheduler
}

/** Timers longer than this are re-armed in steps (browsers overflow past ~24.8 days anyway). */
const longestWaitMs = 6 * 60 * 60 * 1000

/**
 * The one place the master volume is decided: `settings.volume`, capped by the quiet hours in
 * force (the rule itself is `effectiveVolumeAt` in src/schedule). It re-applies when the settings
 * change and again at the instant the next quiet-hours span starts or ends.
 */
export class MasterVolume implements Disposable {
  readonly #options: MasterVolumeOptions
  #settings: VolumeSettings | undefined
  #timer: Disposable | undefined
  #appliedVolume: number | undefined

  constructor(options: MasterVolumeOptions) {
    this.#options = options
  }

  /** The volume last applied, if any. */
  get appliedVolume(): number | undefined {
    return this.#appliedVolume
  }

  /** Follows new settings (the first call and every `settings:changed`). */
  update(settings: VolumeSettings): void {
    this.#settings = settings
    this.#reapply()
  }

  dispose(): void {
    this.#timer?.dispose()
    this.#timer = undefined
    this.#settings = undefined
  }

  #reapply(): void {
    const settings = this.#settings
    if (!settings) return
    const { clock, timeZone, schedule, apply } = this.#options
    const nowMs = clock.nowMs()
    const volume = effectiveVolumeAt(settings, nowMs, timeZone)
    if (volume !== this.#appliedVolume) {
      this.#appliedVolume = volume
      apply(volume)
    }
    this.#timer?.dispose()
    const changeAtMs = nextScheduleChangeAfter(settings, nowMs, timeZone)
    const waitMs = changeAtMs === null ? longestWaitMs : Math.min(changeAtMs - nowMs, longestWaitMs)
    this.#timer = schedule(Math.max(waitMs, 0), () => this.#reapply())
  }
}
