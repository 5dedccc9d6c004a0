import type { ModeState } from '../contract/areas/mode'
import { wallTimeAt } from '../schedule/zonedTime'
import type { Settings, Weekday } from '../settings/settingsSchema'

/**
 * The line the admin screen opens on (docs/operators.md "The admin screen"): whether visitors can
 * use the kiosk now and why, the packs in force, the printer, uptime and the last error. Pure: the
 * admin view gathers the sources and words the result in the screen's language.
 */

/** The keepsake printer as diagnostics report it; absent until a printer section exists. */
export interface AdminPrinterSummary {
  readonly state: string
  readonly reason?: string
  readonly printerName?: string
}

/** What the status line is computed from. */
export interface AdminStatusSources {
  readonly mode: ModeState
  readonly openingHours: Settings['openingHours']
  readonly nowMs: number
  readonly packs: readonly { readonly id: string; readonly version: string }[]
  readonly printer?: AdminPrinterSummary | undefined
  readonly uptimeMs: number | undefined
  /** The services' recent log lines (`<ISO time> <LEVEL> <message>`), oldest first. */
  readonly logLines: readonly string[]
}

/** Whether visitors can use the kiosk now, and the one reason that decides it. */
export type AdminAvailability =
  | { readonly isOpen: true; readonly reason: 'all-exhibits' }
  | { readonly isOpen: true; readonly reason: 'single-exhibit'; readonly exhibitId: string }
  | { readonly isOpen: false; readonly reason: 'closed-by-staff' }
  /** `todaysHours` as "09:00–17:00"; empty when today has no opening hours at all. */
  | { readonly isOpen: false; readonly reason: 'outside-hours'; readonly todaysHours: string[] }

/** The last ERROR line of the log, split for display. */
export interface AdminLastError {
  readonly atMs: number | undefined
  readonly message: string
}

/** The status line, language-neutral. */
export interface AdminStatusLine {
  readonly availability: AdminAvailability
  /** Each pack as "id version", in the order diagnostics lists them. */
  readonly packs: readonly string[]
  readonly printer: AdminPrinterSummary | undefined
  /** Whole days, hours and minutes since the services started; undefined when unknown. */
  readonly uptime:
    { readonly days: number; readonly hours: number; readonly minutes: number } | undefined
  readonly lastError: AdminLastError | undefined
}

const weekdayByIndex = [
  'sun',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
] as const satisfies readonly Weekday[]

/** Computes the admin status line from the kiosk's state. */
export function adminStatusLineOf(sources: AdminStatusSources): AdminStatusLine {
  return {
    availability: availabilityOf(sources),
    packs: sources.packs.map((pack) => `${pack.id} ${pack.version}`),
    printer: sources.printer,
    uptime: sources.uptimeMs === undefined ? undefined : splitUptime(sources.uptimeMs),
    lastError: lastErrorOf(sources.logLines),
  }
}

function availabilityOf(sources: AdminStatusSources): AdminAvailability {
  const { mode } = sources
  // Staff closing the kiosk outranks the hours: opening hours would not reopen it.
  if (mode.configuredMode === 'closed') return { isOpen: false, reason: 'closed-by-staff' }
  if (mode.isClosedByHours || mode.mode === 'closed') {
    return {
      isOpen: false,
      reason: 'outside-hours',
      todaysHours: todaysOpeningHours(sources.openingHours, sources.nowMs, mode.timeZone),
    }
  }
  if (mode.configuredMode === 'single-exhibit' && mode.singleExhibit !== undefined) {
    return { isOpen: true, reason: 'single-exhibit', exhibitId: mode.singleExhibit }
  }
  return { isOpen: true, reason: 'all-exhibits' }
}

/** Today's opening spans in the kiosk's zone, "HH:MM–HH:MM" each. */
export function todaysOpeningHours(
  openingHours: Settings['openingHours'],
  nowMs: number,
  timeZone: string,
): string[] {
  if (!openingHours) return []
  const weekday = weekdayByIndex[wallTimeAt(nowMs, timeZone).weekday]
  return (openingHours[weekday] ?? []).map((span) => `${span.from}–${span.to}`)
}

function splitUptime(uptimeMs: number): { days: number; hours: number; minutes: number } {
  const totalMinutes = Math.max(0, Math.floor(uptimeMs / 60_000))
  return {
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor(totalMinutes / 60) % 24,
    minutes: totalMinutes % 60,
  }
}

const errorLinePattern = /^(\S+) ERROR (.*)$/s

function lastErrorOf(logLines: readonly string[]): AdminLastError | undefined {
  for (let index = logLines.length - 1; index >= 0; index -= 1) {
    const match = errorLinePattern.exec(logLines[index]!)
    if (match) {
      const atMs = Date.parse(match[1]!)
      return { atMs: Number.isNaN(atMs) ? undefined : atMs, message: match[2]! }
    }
  }
  return undefined
}
