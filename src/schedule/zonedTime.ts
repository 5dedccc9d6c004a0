/**
 * Local wall time in an IANA time zone, computed with Intl.DateTimeFormat so the core needs no
 * Node or DOM. Offsets are derived from the formatted wall time, which keeps DST rules in the
 * platform's time zone database rather than in our code.
 */

const msPerMinute = 60_000
const msPerDay = 86_400_000

/** Weekday index as `Date.getUTCDay()` counts it: 0 = Sunday … 6 = Saturday. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6

/** A calendar date with no time zone attached. */
export interface CalendarDate {
  readonly year: number
  /** 1–12. */
  readonly month: number
  /** 1–31. */
  readonly day: number
}

/** What a wall clock in the zone shows at one instant. */
export interface WallTime extends CalendarDate {
  readonly weekday: WeekdayIndex
  /** Milliseconds since local midnight (0 ≤ msOfDay < 86 400 000). */
  readonly msOfDay: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether the platform knows an IANA time zone name (e.g. `Asia/Shanghai`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** The wall time shown in `timeZone` at `instantMs`. Throws a RangeError for an unknown zone. */
export function wallTimeAt(instantMs: number, timeZone: string): WallTime {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value)
  }
  const { year, month, day, hour, minute, second } = fields
  const subSecondMs = ((instantMs % 1000) + 1000) % 1000
  return {
    year,
    month,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() as WeekdayIndex,
    msOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + subSecondMs,
  }
}

/** How far the zone's wall clock is ahead of UTC at `instantMs` (e.g. +8 h for Asia/Shanghai). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wall = wallTimeAt(instantMs, timeZone)
  const wallAsUtcMs = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.msOfDay
  return wallAsUtcMs - instantMs
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(
  date: CalendarDate,
  days: number,
): CalendarDate & { weekday: WeekdayIndex } {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay() as WeekdayIndex,
  }
}

/**
 * Every instant at which the zone's wall clock shows `minuteOfDay` on `date`: none when the time
 * falls in a DST gap, two when it repeats as the clocks fall back, else one. Ascending.
 */
export function instantsAtWallTime(
  date: CalendarDate,
  minuteOfDay: number,
  timeZone: string,
): number[] {
  const wallAsUtcMs = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * msPerMinute
  // The offsets in force a day either side cover any single transition near this wall time.
  const candidateOffsets = new Set([
    zoneOffsetMs(wallAsUtcMs - msPerDay, timeZone),
    zoneOffsetMs(wallAsUtcMs, timeZone),
    zoneOffsetMs(wallAsUtcMs + msPerDay, timeZone),
  ])
  const instants: number[] = []
  for (const offsetMs of candidateOffsets) {
    const instantMs = wallAsUtcMs - offsetMs
    if (zoneOffsetMs(instantMs, timeZone) === offsetMs && !instants.includes(instantMs)) {
      instants.push(instantMs)
    }
  }
  return instants.sort((a, b) => a - b)
}

/**
 * The instants in (fromMs, toMs] at which the zone's offset changes (DST starts or ends), found by
 * sampling every 6 hours and bisecting to the millisecond.
 */
export function offsetTransitionsBetween(fromMs: number, toMs: number, timeZone: string): number[] {
  const stepMs = 6 * 60 * msPerMinute
  const transitions: number[] = []
  let previousMs = fromMs
  let previousOffset = zoneOffsetMs(fromMs, timeZone)
  while (previousMs < toMs) {
    const nextMs = Math.min(previousMs + stepMs, toMs)
    const nextOffset = zoneOffsetMs(nextMs, timeZone)
    if (nextOffset !== previousOffset) {
      // Invariant: offset(low) is the old one, offset(high) the new one.
      let lowMs = previousMs
      let highMs = nextMs
      while (highMs - lowMs > 1) {
        const middleMs = Math.floor((lowMs + highMs) / 2)
        if (zoneOffsetMs(middleMs, timeZone) === previousOffset) lowMs = middleMs
        else highMs = middleMs
      }
      transitions.push(highMs)
    }
    previousMs = nextMs
    previousOffset = nextOffset
  }
  return transitions
}
