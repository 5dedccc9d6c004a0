import type { Settings, Weekday } from '../settings/settingsSchema'
import {
  boundaryMinutes,
  coversFromPreviousDay,
  coversSameDay,
  toMinuteSpan,
  type MinuteSpan,
} from './dailySpan'
import {
  addDays,
  instantsAtWallTime,
  offsetTransitionsBetween,
  wallTimeAt,
  type WeekdayIndex,
} from './zonedTime'

/** The settings the hours rules read. */
export type HoursSettings = Pick<Settings, 'openingHours' | 'quietHours'>

/** What the hours rules say about one instant. */
export interface ScheduleState {
  /** Whether visitors may use the kiosk (false: the closed screen). */
  readonly isOpen: boolean
  /** The highest master volume allowed now (1 when no quiet hours apply). */
  readonly maxVolume: number
}

const weekdayByIndex = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const satisfies Record<
  WeekdayIndex,
  Weekday
>
const msPerDay = 86_400_000

function openingSpans(settings: HoursSettings, weekday: WeekdayIndex): MinuteSpan[] {
  return (settings.openingHours?.[weekdayByIndex[weekday]] ?? []).map(toMinuteSpan)
}

/**
 * Whether the kiosk is open at `instantMs` in `timeZone`. No `openingHours` means always open; a
 * weekday missing from them is closed, except for a span that ran over from the day before.
 */
export function isOpenAt(settings: HoursSettings, instantMs: number, timeZone: string): boolean {
  if (!settings.openingHours) return true
  const wall = wallTimeAt(instantMs, timeZone)
  const previousWeekday = ((wall.weekday + 6) % 7) as WeekdayIndex
  return (
    openingSpans(settings, wall.weekday).some((span) => coversSameDay(span, wall.msOfDay)) ||
    openingSpans(settings, previousWeekday).some((span) =>
      coversFromPreviousDay(span, wall.msOfDay),
    )
  )
}

/**
 * The volume cap at `instantMs`: the lowest `maxVolume` of the quiet hours covering that local
 * time (quiet hours apply every day), or 1 when none does.
 */
export function maxVolumeAt(settings: HoursSettings, instantMs: number, timeZone: string): number {
  const { msOfDay } = wallTimeAt(instantMs, timeZone)
  let maxVolume = 1
  for (const quiet of settings.quietHours) {
    const span = toMinuteSpan(quiet)
    if (coversSameDay(span, msOfDay) || coversFromPreviousDay(span, msOfDay)) {
      maxVolume = Math.min(maxVolume, quiet.maxVolume)
    }
  }
  return maxVolume
}

/** Whether the kiosk is open and the volume cap at `instantMs`. */
export function scheduleStateAt(
  settings: HoursSettings,
  instantMs: number,
  timeZone: string,
): ScheduleState {
  return {
    isOpen: isOpenAt(settings, instantMs, timeZone),
    maxVolume: maxVolumeAt(settings, instantMs, timeZone),
  }
}

/** The master volume to play at: the setting, capped by quiet hours. */
export function effectiveVolumeAt(
  settings: HoursSettings & Pick<Settings, 'volume'>,
  instantMs: number,
  timeZone: string,
): number {
  return Math.min(settings.volume, maxVolumeAt(settings, instantMs, timeZone))
}

function sameState(a: ScheduleState, b: ScheduleState): boolean {
  return a.isOpen === b.isOpen && a.maxVolume === b.maxVolume
}

/**
 * The first instant after `instantMs` at which `scheduleStateAt` changes (opening, closing, quiet
 * hours starting or ending), or null if nothing changes within `horizonDays`. Correct across
 * midnight and DST: the state can only change where the wall clock passes a span boundary, at
 * local midnight (the weekday changes), or where the zone's offset jumps, so only those instants
 * are examined.
 */
export function nextScheduleChangeAfter(
  settings: HoursSettings,
  instantMs: number,
  timeZone: string,
  horizonDays = 8,
): number | null {
  const minutes = new Set<number>([0])
  for (const spans of Object.values(settings.openingHours ?? {})) {
    for (const span of spans ?? [])
      boundaryMinutes(toMinuteSpan(span)).forEach((m) => minutes.add(m))
  }
  for (const quiet of settings.quietHours) {
    boundaryMinutes(toMinuteSpan(quiet)).forEach((m) => minutes.add(m))
  }

  const horizonMs = instantMs + horizonDays * msPerDay
  const candidates = offsetTransitionsBetween(instantMs, horizonMs, timeZone)
  const today = wallTimeAt(instantMs, timeZone)
  for (let dayOffset = 0; dayOffset <= horizonDays + 1; dayOffset += 1) {
    const date = addDays(today, dayOffset)
    for (const minute of minutes) {
      for (const candidateMs of instantsAtWallTime(date, minute, timeZone)) {
        if (candidateMs > instantMs && candidateMs <= horizonMs) candidates.push(candidateMs)
      }
    }
  }
  candidates.sort((a, b) => a - b)

  const current = scheduleStateAt(settings, instantMs, timeZone)
  for (const candidateMs of candidates) {
    if (!sameState(scheduleStateAt(settings, candidateMs, timeZone), current)) return candidateMs
  }
  return null
}
