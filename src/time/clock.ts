/** The time source services and state machines use, so tests can drive time by hand. */
export interface Clock {
  /** Milliseconds since the epoch. */
  nowMs(): number
}

/** The real clock. */
export const systemClock: Clock = { nowMs: () => Date.now() }
