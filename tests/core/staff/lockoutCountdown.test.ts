import { describe, expect, it } from 'vitest'
import { lockoutCountdownAt } from '../../../src/staff/lockoutCountdown'

describe('the lockout countdown', () => {
  const lockedUntilMs = 1_000_000_000

  it('splits what is left of a five-minute lock, rounding partial seconds up', () => {
    expect(lockoutCountdownAt(lockedUntilMs, lockedUntilMs - 5 * 60_000)).toEqual({
      secondsLeft: 300,
      hours: 0,
      minutes: 5,
      seconds: 0,
    })
    expect(lockoutCountdownAt(lockedUntilMs, lockedUntilMs - 252_400)).toEqual({
      secondsLeft: 253,
      hours: 0,
      minutes: 4,
      seconds: 13,
    })
    expect(lockoutCountdownAt(lockedUntilMs, lockedUntilMs - 1)?.secondsLeft).toBe(1)
  })

  it('counts hours for the day-long lock', () => {
    expect(
      lockoutCountdownAt(lockedUntilMs, lockedUntilMs - (23 * 3600 + 59 * 60 + 5) * 1000),
    ).toEqual({
      secondsLeft: 86_345,
      hours: 23,
      minutes: 59,
      seconds: 5,
    })
  })

  it('is gone once the lock has run out, or when there is none', () => {
    expect(lockoutCountdownAt(lockedUntilMs, lockedUntilMs)).toBeUndefined()
    expect(lockoutCountdownAt(undefined, lockedUntilMs)).toBeUndefined()
  })
})
