import { describe, expect, it } from 'vitest'
import { PrintLimiter, type DayOf } from '../../../src/keepsake/printLimits'

const dayOf: DayOf = (ms) => new Date(ms).toISOString().slice(0, 10)
const hourMs = 3600_000

function clockAt(startMs: number) {
  let nowMs = startMs
  return { nowMs: () => nowMs, advance: (ms: number) => (nowMs += ms) }
}

describe('the keepsake print limits', () => {
  it('lets one visit take one card, and the next visit its own', () => {
    const clock = clockAt(Date.UTC(2026, 11, 6, 9))
    const limiter = new PrintLimiter(clock, dayOf)
    const limits = { perVisit: 1, perDay: 100 }
    expect(limiter.refusal('visit-a', limits)).toBeUndefined()
    limiter.recordPrinted('visit-a')
    expect(limiter.refusal('visit-a', limits)).toBe('visit-limit')
    expect(limiter.refusal('visit-b', limits)).toBeUndefined()
    limiter.recordPrinted('visit-b')
    expect(limiter.refusal('visit-b', limits)).toBe('visit-limit')
    expect(limiter.tally().printedToday).toBe(2)
    // A venue that allows two per visit.
    expect(limiter.refusal('visit-b', { perVisit: 2, perDay: 100 })).toBeUndefined()
  })

  it('stops at the daily cap, counts what the day already printed, and starts again tomorrow', () => {
    const clock = clockAt(Date.UTC(2026, 11, 6, 9))
    const limiter = new PrintLimiter(clock, dayOf, 2)
    const limits = { perVisit: 1, perDay: 3 }
    limiter.recordPrinted('visit-a')
    expect(limiter.refusal('visit-b', limits)).toBe('daily-cap')
    clock.advance(16 * hourMs)
    expect(limiter.tally()).toMatchObject({ day: '2026-12-07', printedToday: 0 })
    expect(limiter.refusal('visit-b', limits)).toBeUndefined()
  })

  it('refuses everything when a limit is 0 (keepsakes off)', () => {
    const limiter = new PrintLimiter(clockAt(0), dayOf)
    expect(limiter.refusal('v', { perVisit: 0, perDay: 10 })).toBe('visit-limit')
    expect(limiter.refusal('v', { perVisit: 1, perDay: 0 })).toBe('daily-cap')
  })
})
