import type { Clock } from '../time/clock'

/**
 * Where a visit stands with respect to idleness:
 * - `dormant`: no visit (the attract loop, the closed screen); nothing counts down.
 * - `active`: a visit is in progress and someone touched the screen recently.
 * - `warning`: nobody touched for `timeoutMs`; the "still there?" countdown runs for `warningMs`.
 */
export type IdlePhase = 'dormant' | 'active' | 'warning'

/** How long a visit may go untouched, then how long the warning counts down (docs/operators.md "Settings"). */
export interface IdleTiming {
  readonly timeoutMs: number
  readonly warningMs: number
}

/** What {@link IdleMachine.advance} found when time moved on. */
export type IdleTransition = 'warn' | 'reset'

/** The timing from settings.json's `idleTimeoutSeconds` and `idleWarningSeconds`. */
export function idleTimingFromSeconds(timeoutSeconds: number, warningSeconds: number): IdleTiming {
  if (!(timeoutSeconds > 0) || !(warningSeconds > 0)) {
    throw new RangeError(
      `idle timing must be positive, got idleTimeoutSeconds=${timeoutSeconds} idleWarningSeconds=${warningSeconds}`,
    )
  }
  return { timeoutMs: timeoutSeconds * 1000, warningMs: warningSeconds * 1000 }
}

/**
 * The idle rule of a visit as a pure state machine: it never sets a timer itself. The owner calls
 * {@link touch} on every touch, {@link advance} when the deadline from {@link msUntilDeadline}
 * passes, and performs the reset when `advance` says so. The clock is injected so tests drive it.
 */
export class IdleMachine {
  #phase: IdlePhase = 'dormant'
  #lastTouchMs = 0
  #warningStartedMs = 0
  #timing: IdleTiming

  constructor(
    private readonly clock: Clock,
    timing: IdleTiming,
  ) {
    this.#timing = timing
  }

  get phase(): IdlePhase {
    return this.#phase
  }

  get timing(): IdleTiming {
    return this.#timing
  }

  /** A visit begins (the first touch on the attract loop): the idle countdown starts now. */
  beginVisit(): void {
    this.#phase = 'active'
    this.#lastTouchMs = this.clock.nowMs()
  }

  /** No visit any more (after a reset, or a mode with no visitors). */
  endVisit(): void {
    this.#phase = 'dormant'
  }

  /** Someone touched the screen: an active visit starts counting again and a warning is dismissed. */
  touch(): void {
    if (this.#phase === 'dormant') return
    this.#phase = 'active'
    this.#lastTouchMs = this.clock.nowMs()
  }

  /** New timing from settings; an ongoing visit keeps its last touch and is judged by the new rule. */
  setTiming(timing: IdleTiming): void {
    this.#timing = timing
  }

  /**
   * Moves the phase on to what the clock says now. Returns `warn` when the warning starts and
   * `reset` when the warning ran out (the machine is then dormant: the visit is over). The warning
   * always runs its full length from when it started, so a reset never comes unannounced, even
   * after a late check or a shorter timeout set in the middle of a visit.
   */
  advance(): IdleTransition | undefined {
    const nowMs = this.clock.nowMs()
    if (this.#phase === 'active' && nowMs - this.#lastTouchMs >= this.#timing.timeoutMs) {
      this.#phase = 'warning'
      this.#warningStartedMs = nowMs
      return 'warn'
    }
    if (this.#phase === 'warning' && nowMs - this.#warningStartedMs >= this.#timing.warningMs) {
      this.#phase = 'dormant'
      return 'reset'
    }
    return undefined
  }

  /** Milliseconds until the next transition is due, or `undefined` when dormant. */
  msUntilDeadline(): number | undefined {
    const nowMs = this.clock.nowMs()
    if (this.#phase === 'active')
      return Math.max(0, this.#lastTouchMs + this.#timing.timeoutMs - nowMs)
    if (this.#phase === 'warning') {
      return Math.max(0, this.#warningStartedMs + this.#timing.warningMs - nowMs)
    }
    return undefined
  }

  /** Whole seconds the warning has left (for the countdown), 0 when no warning runs. */
  warningSecondsLeft(): number {
    if (this.#phase !== 'warning') return 0
    const leftMs = this.#warningStartedMs + this.#timing.warningMs - this.clock.nowMs()
    return Math.max(0, Math.ceil(leftMs / 1000))
  }
}
