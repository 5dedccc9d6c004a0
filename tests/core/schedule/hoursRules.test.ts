import { describe, expect, it } from 'vitest'
import { settingsSchema, type Settings } from '../../../src/settings/settingsSchema'
import {
  effectiveVolumeAt,
  isOpenAt,
  maxVolumeAt,
  nextScheduleChangeAfter,
} from '../../../src/schedule/hoursRules'
import { instantsAtWallTime, wallTimeAt } from '../../../src/schedule/zonedTime'

const at = (iso: string): number => Date.parse(iso)
const settings = (raw: Partial<Record<keyof Settings, unknown>>): Settings =>
  settingsSchema.parse(raw)

describe('opening hours in Asia/Shanghai (no DST)', () => {
  const zone = 'Asia/Shanghai'
  const weekdaysNineToFive = settings({
    openingHours: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
    ),
  })

  it('is open inside the span and closed at its end and on absent weekdays', () => {
    expect(isOpenAt(weekdaysNineToFive, at('2026-11-30T08:59:59+08:00'), zone)).toBe(false)
    expect(isOpenAt(weekdaysNineToFive, at('2026-11-30T09:00:00+08:00'), zone)).toBe(true)
    expect(isOpenAt(weekdaysNineToFive, at('2026-11-30T16:59:59+08:00'), zone)).toBe(true)
    expect(isOpenAt(weekdaysNineToFive, at('2026-11-30T17:00:00+08:00'), zone)).toBe(false)
    expect(isOpenAt(weekdaysNineToFive, at('2026-11-28T12:00:00+08:00'), zone)).toBe(false)
  })

  it('reads the weekday in the kiosk zone, not in UTC', () => {
    // 01:00 UTC on Monday is 09:00 Monday in Shanghai but still Sunday evening in New York.
    const instant = at('2026-11-30T01:00:00Z')
    expect(isOpenAt(weekdaysNineToFive, instant, zone)).toBe(true)
    expect(isOpenAt(weekdaysNineToFive, instant, 'America/New_York')).toBe(false)
  })

  it('finds the next opening across a closed weekend', () => {
    expect(nextScheduleChangeAfter(weekdaysNineToFive, at('2026-11-28T12:00:00+08:00'), zone)).toBe(
      at('2026-11-30T09:00:00+08:00'),
    )
    expect(nextScheduleChangeAfter(weekdaysNineToFive, at('2026-11-30T09:00:00+08:00'), zone)).toBe(
      at('2026-11-30T17:00:00+08:00'),
    )
  })

  it('keeps a span across midnight open into a weekday that has no hours of its own', () => {
    const lateFriday = settings({ openingHours: { fri: [{ from: '20:00', to: '02:00' }] } })
    expect(isOpenAt(lateFriday, at('2026-12-04T19:59:00+08:00'), zone)).toBe(false)
    expect(isOpenAt(lateFriday, at('2026-12-04T23:30:00+08:00'), zone)).toBe(true)
    expect(isOpenAt(lateFriday, at('2026-12-05T01:59:00+08:00'), zone)).toBe(true)
    expect(isOpenAt(lateFriday, at('2026-12-05T02:00:00+08:00'), zone)).toBe(false)
    expect(nextScheduleChangeAfter(lateFriday, at('2026-12-04T21:00:00+08:00'), zone)).toBe(
      at('2026-12-05T02:00:00+08:00'),
    )
  })

  it('treats 24:00 followed by 00:00 as one unbroken opening', () => {
    const overnight = settings({
      openingHours: {
        mon: [{ from: '18:00', to: '24:00' }],
        tue: [{ from: '00:00', to: '01:00' }],
      },
    })
    expect(isOpenAt(overnight, at('2026-11-30T23:59:59+08:00'), zone)).toBe(true)
    expect(isOpenAt(overnight, at('2026-12-01T00:00:00+08:00'), zone)).toBe(true)
    expect(nextScheduleChangeAfter(overnight, at('2026-11-30T19:00:00+08:00'), zone)).toBe(
      at('2026-12-01T01:00:00+08:00'),
    )
  })

  it('is always open without opening hours, and then nothing ever changes', () => {
    const always = settings({})
    expect(isOpenAt(always, at('2026-11-28T03:00:00+08:00'), zone)).toBe(true)
    expect(nextScheduleChangeAfter(always, at('2026-11-28T03:00:00+08:00'), zone)).toBeNull()
  })
})

describe('DST in Europe/Berlin', () => {
  const zone = 'Europe/Berlin'

  it('opens for two real hours when the clocks spring forward inside a three-hour span', () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST.
    const sundayNight = settings({ openingHours: { sun: [{ from: '01:00', to: '04:00' }] } })
    expect(isOpenAt(sundayNight, at('2026-03-29T00:30:00Z'), zone)).toBe(true)
    expect(nextScheduleChangeAfter(sundayNight, at('2026-03-29T00:30:00Z'), zone)).toBe(
      at('2026-03-29T02:00:00Z'),
    )
    expect(isOpenAt(sundayNight, at('2026-03-29T02:00:00Z'), zone)).toBe(false)
  })

  it('never opens a span that lies wholly in the skipped hour', () => {
    const skipped = settings({ openingHours: { sun: [{ from: '02:00', to: '02:30' }] } })
    for (let ms = at('2026-03-28T22:00:00Z'); ms < at('2026-03-29T04:00:00Z'); ms += 60_000) {
      expect(isOpenAt(skipped, ms, zone)).toBe(false)
    }
    expect(instantsAtWallTime({ year: 2026, month: 3, day: 29 }, 2 * 60 + 15, zone)).toEqual([])
  })

  it('closes and reopens when the clocks fall back through the end of a span', () => {
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:00–03:00 happens twice.
    const early = settings({ openingHours: { sun: [{ from: '00:00', to: '02:30' }] } })
    const firstClose = nextScheduleChangeAfter(early, at('2026-10-24T22:30:00Z'), zone)
    expect(firstClose).toBe(at('2026-10-25T00:30:00Z'))
    const reopen = nextScheduleChangeAfter(early, firstClose!, zone)
    expect(reopen).toBe(at('2026-10-25T01:00:00Z'))
    expect(nextScheduleChangeAfter(early, reopen!, zone)).toBe(at('2026-10-25T01:30:00Z'))
    expect(instantsAtWallTime({ year: 2026, month: 10, day: 25 }, 2 * 60 + 30, zone)).toEqual([
      at('2026-10-25T00:30:00Z'),
      at('2026-10-25T01:30:00Z'),
    ])
  })
})

describe('quiet hours', () => {
  it('caps the volume in the quiet span, the lowest cap winning where spans overlap', () => {
    const quiet = settings({
      volume: 0.8,
      quietHours: [
        { from: '12:00', to: '13:30', maxVolume: 0.3 },
        { from: '13:00', to: '14:00', maxVolume: 0.5 },
      ],
    })
    const zone = 'Asia/Shanghai'
    expect(maxVolumeAt(quiet, at('2026-11-30T11:59:00+08:00'), zone)).toBe(1)
    expect(effectiveVolumeAt(quiet, at('2026-11-30T11:59:00+08:00'), zone)).toBe(0.8)
    expect(effectiveVolumeAt(quiet, at('2026-11-30T12:00:00+08:00'), zone)).toBe(0.3)
    expect(maxVolumeAt(quiet, at('2026-11-30T13:15:00+08:00'), zone)).toBe(0.3)
    expect(maxVolumeAt(quiet, at('2026-11-30T13:45:00+08:00'), zone)).toBe(0.5)
    expect(nextScheduleChangeAfter(quiet, at('2026-11-30T12:10:00+08:00'), zone)).toBe(
      at('2026-11-30T13:30:00+08:00'),
    )
  })

  it('ends an overnight quiet span at local 07:00 on the night New York springs forward', () => {
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 07:00 local is 11:00 UTC, not 12:00.
    const zone = 'America/New_York'
    const night = settings({ quietHours: [{ from: '22:00', to: '07:00', maxVolume: 0.2 }] })
    const start = at('2026-03-08T03:30:00Z')
    expect(wallTimeAt(start, zone).day).toBe(7)
    expect(maxVolumeAt(night, start, zone)).toBe(0.2)
    expect(nextScheduleChangeAfter(night, start, zone)).toBe(at('2026-03-08T11:00:00Z'))
    expect(maxVolumeAt(night, at('2026-03-08T11:00:00Z'), zone)).toBe(1)
  })
})
