/**
 * What is left of a staff lockout, for the PIN pad's live countdown (docs/operators.md "Staff
 * access"). Locks last five minutes, an hour or a day, so the countdown has hours too.
 */
export interface LockoutCountdown {
  /** Whole seconds left, rounded up, so the pad never shows 0 while still locked. */
  readonly secondsLeft: number
  readonly hours: number
  readonly minutes: number
  readonly seconds: number
}

/** The time left until `lockedUntilMs`; undefined when there is no lock or it has run out. */
export function lockoutCountdownAt(
  lockedUntilMs: number | undefined,
  nowMs: number,
): LockoutCountdown | undefined {
  if (lockedUntilMs === undefined || nowMs >= lockedUntilMs) return undefined
  const secondsLeft = Math.ceil((lockedUntilMs - nowMs) / 1000)
  return {
    secondsLeft,
    hours: Math.floor(secondsLeft / 3600),
    minutes: Math.floor(secondsLeft / 60) % 60,
    seconds: secondsLeft % 60,
  }
}
