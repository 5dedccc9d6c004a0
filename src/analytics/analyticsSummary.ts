import type { AnalyticsEvent } from '../contract/areas/analytics'
import { wallTimeAt } from '../schedule/zonedTime'

/** One line of an analytics day file: the event and the ISO instant the services received it. */
export type AnalyticsRecord = AnalyticsEvent & { readonly at: string }

/** Visits on one local day. */
export interface DayVisits {
  /** `YYYY-MM-DD` */
  readonly day: string
  readonly visits: number
}

/** How long visitors stayed in one exhibit. */
export interface ExhibitDwell {
  readonly exhibitId: string
  /** Times visitors left the exhibit (each with a measured dwell). */
  readonly views: number
  readonly totalDwellMs: number
  readonly averageDwellMs: number
}

/** How often a language was chosen. */
export interface LanguageUse {
  readonly language: string
  /** Visits that started in it plus switches to it. */
  readonly uses: number
  /** Share of all uses, 0–1. */
  readonly share: number
}

/** What the admin screen charts for a range of days. */
export interface AnalyticsSummary {
  readonly fromDay: string
  readonly toDay: string
  readonly totalVisits: number
  /** Every day of the range, in order, days without visits included. */
  readonly visitsPerDay: readonly DayVisits[]
  /** Visits by the local hour they started in, index 0–23. */
  readonly visitsPerHour: readonly number[]
  /** Exhibits by total dwell, longest first. */
  readonly dwellPerExhibit: readonly ExhibitDwell[]
  /** Languages by use, most used first. */
  readonly languageShare: readonly LanguageUse[]
  /** Keepsake cards printed in the range. */
  readonly keepsakesPrinted: number
}

/** The calendar days from `fromDay` to `toDay`, both included (`YYYY-MM-DD`). */
export function daysInRange(fromDay: string, toDay: string): string[] {
  const days: string[] = []
  const endMs = Date.parse(`${toDay}T00:00:00Z`)
  for (let ms = Date.parse(`${fromDay}T00:00:00Z`); ms <= endMs; ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10))
  }
  return days
}

/** The local day and hour of a record's instant in the kiosk's zone. */
export function localDayAndHour(at: string, timeZone: string): { day: string; hour: number } {
  const wall = wallTimeAt(Date.parse(at), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    day: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`,
    hour: Math.floor(wall.msOfDay / 3_600_000),
  }
}

/**
 * Aggregates visitor events into the admin screen's figures. A visit is a `visit-start`; days
 * and hours are local to `timeZone`; records outside the range are ignored.
 */
export function summarizeAnalytics(
  records: Iterable<AnalyticsRecord>,
  fromDay: string,
  toDay: string,
  timeZone: string,
): AnalyticsSummary {
  const days = daysInRange(fromDay, toDay)
  const visitsByDay = new Map(days.map((day) => [day, 0]))
  const visitsPerHour = Array.from({ length: 24 }, () => 0)
  const dwell = new Map<string, { views: number; totalDwellMs: number }>()
  const languageUses = new Map<string, number>()
  let totalVisits = 0
  let keepsakesPrinted = 0
  const useLanguage = (language: string) =>
    languageUses.set(language, (languageUses.get(language) ?? 0) + 1)

  for (const record of records) {
    const { day, hour } = localDayAndHour(record.at, timeZone)
    if (!visitsByDay.has(day)) continue
    switch (record.type) {
      case 'visit-start':
        totalVisits += 1
        visitsByDay.set(day, visitsByDay.get(day)! + 1)
        visitsPerHour[hour]! += 1
        useLanguage(record.language)
        break
      case 'language-switch':
        useLanguage(record.to)
        break
      case 'exhibit-leave': {
        const entry = dwell.get(record.exhibitId) ?? { views: 0, totalDwellMs: 0 }
        entry.views += 1
        entry.totalDwellMs += record.dwellMs
        dwell.set(record.exhibitId, entry)
        break
      }
      case 'keepsake-printed':
        keepsakesPrinted += 1
        break
      default:
        break
    }
  }

  const totalUses = [...languageUses.values()].reduce((sum, n) => sum + n, 0)
  return {
    fromDay,
    toDay,
    totalVisits,
    visitsPerDay: days.map((day) => ({ day, visits: visitsByDay.get(day)! })),
    visitsPerHour,
    dwellPerExhibit: [...dwell]
      .map(([exhibitId, { views, totalDwellMs }]) => ({
        exhibitId,
        views,
        totalDwellMs,
        averageDwellMs: Math.round(totalDwellMs / views),
      }))
      .sort((a, b) => b.totalDwellMs - a.totalDwellMs),
    languageShare: [...languageUses]
      .map(([language, uses]) => ({ language, uses, share: uses / totalUses }))
      .sort((a, b) => b.uses - a.uses),
    keepsakesPrinted,
  }
}

/** The CSV columns of an analytics export, one row per event. */
export const analyticsCsvColumns = [
  'at',
  'day',
  'hour',
  'type',
  'language',
  'from',
  'to',
  'exhibitId',
  'dwellMs',
  'durationMs',
  'reason',
  'cardId',
  'stationId',
  'trackId',
] as const

/** The CSV row of one record (empty cells where the event has no such field). */
export function analyticsCsvRow(
  record: AnalyticsRecord,
  timeZone: string,
): Record<(typeof analyticsCsvColumns)[number], string | number> {
  const { day, hour } = localDayAndHour(record.at, timeZone)
  const fields = record as Record<string, unknown>
  const cell = (key: string): string | number => {
    const value = fields[key]
    if (typeof value === 'number') return value
    return typeof value === 'string' ? spreadsheetSafeText(value) : ''
  }
  return {
    at: record.at,
    day,
    hour,
    type: record.type,
    language: cell('language'),
    from: cell('from'),
    to: cell('to'),
    exhibitId: cell('exhibitId'),
    dwellMs: cell('dwellMs'),
    durationMs: cell('durationMs'),
    reason: cell('reason'),
    cardId: cell('cardId'),
    stationId: cell('stationId'),
    trackId: cell('trackId'),
  }
}

/**
 * A text cell a spreadsheet will not run: one that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe (OWASP's advice against CSV formula injection).
 */
export function spreadsheetSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
