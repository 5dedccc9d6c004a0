/**
 * Whether visitors are offered a card: a printer is chosen and the venue allows at least one a
 * visit and a day (settings `keepsakePrinter`, `keepsakesPerVisit`, `keepsakesPerDay`).
 */
export function isKeepsakeOffered(settings: {
  readonly keepsakePrinter?: string
  readonly keepsakesPerVisit: number
  readonly keepsakesPerDay: number
}): boolean {
  return (
    settings.keepsakePrinter !== undefined &&
    settings.keepsakesPerVisit > 0 &&
    settings.keepsakesPerDay > 0
  )
}
