import type { Clock } from '../time/clock'

/**
 * The venue's keepsake limits (settings `keepsakesPerVisit`, `keepsakesPerDay`): how many cards
 * one visit may take home and how many the kiosk prints in one local day. 0 turns keepsakes off.
 */
export interface KeepsakeLimits {
  readonly perVisit: number
  readonly perDay: number
}

/** Why a keepsake may not be printed now. */
export type PrintRefusal = 'visit-limit' | 'daily-cap'

/** What has been printed: in the current local day, and by the current visit. */
export interface PrintTally {
  readonly day: string
  readonly printedToday: number
  readonly visitId: string | undefined
  readonly printedThisVisit: number
}

/** The local day `YYYY-MM-DD` a moment falls in (the kiosk's zone decides). */
export type DayOf = (ms: number) => string

/**
 * Counts keepsakes against the venue's limits with an injected clock, so a day rolls over
 * without a restart and tests drive time by hand. Only printed cards count: a job the printer
 * refused leaves the visitor's allowance as it was.
 */
export class PrintLimiter {
  #tally: PrintTally

  /**
   * @param printedToday what the day's job folder already holds, so a restart does not reset the
   *   daily cap.
   */
  constructor(
    private readonly clock: Clock,
    private readonly dayOf: DayOf,
    printedToday = 0,
  ) {
    this.#tally = {
      day: dayOf(clock.nowMs()),
      printedToday,
      visitId: undefined,
      printedThisVisit: 0,
    }
  }

  /** The tally as of now (a new day starts from nought). */
  tally(): PrintTally {
    const today = this.dayOf(this.clock.nowMs())
    if (today !== this.#tally.day) {
      this.#tally = { ...this.#tally, day: today, printedToday: 0 }
    }
    return this.#tally
  }

  /** Why `visitId` may not print now, or `undefined` when it may. */
  refusal(visitId: string, limits: KeepsakeLimits): PrintRefusal | undefined {
    const tally = this.tally()
    if (tally.printedToday >= limits.perDay) return 'daily-cap'
    const printedThisVisit = tally.visitId === visitId ? tally.printedThisVisit : 0
    if (printedThisVisit >= limits.perVisit) return 'visit-limit'
    return undefined
  }

  /** Counts one printed keepsake for `visitId` (a new visit id starts its own count). */
  recordPrinted(visitId: string): void {
    const tally = this.tally()
    this.#tally = {
      day: tally.day,
      printedToday: tally.printedToday + 1,
      visitId,
      printedThisVisit: tally.visitId === visitId ? tally.printedThisVisit + 1 : 1,
    }
  }
}
