import { readdir } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import {
  analyticsCsvColumns,
  analyticsCsvRow,
  daysInRange,
} from '../../../src/analytics/analyticsSummary'
import { readAnalyticsRecords } from '../analytics/analyticsLog'
import { writeFileAtomically } from '../atomicFile'
import { fleetLayout } from './fleetFolder'

/**
 * The CSV of every kiosk's copied analytics in the fleet folder for a range of days, one row per
 * event with the kiosk's id as the first column; each kiosk's folder is read once, so each event
 * appears once. Unreadable lines are counted, not fatal.
 */
export async function exportFleetAnalyticsCsv(
  fleetDir: string,
  fromDay: string,
  toDay: string,
  timeZone: string,
  outputFile: string,
): Promise<{ rowCount: number; kioskCount: number; skippedLines: number }> {
  const entries = await readdir(fleetLayout.kiosks(fleetDir), { withFileTypes: true })
  const days = new Set(daysInRange(fromDay, toDay))
  const rows: Record<string, string | number>[] = []
  let skippedLines = 0
  let kioskCount = 0
  for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith('.'))) {
    kioskCount += 1
    const read = await readAnalyticsRecords(
      fleetLayout.analytics(fleetDir, entry.name),
      fromDay,
      toDay,
    )
    skippedLines += read.skippedLines
    for (const record of read.records) {
      const row = analyticsCsvRow(record, timeZone)
      if (days.has(String(row.day))) rows.push({ kioskId: entry.name, ...row })
    }
  }
  rows.sort(
    (a, b) =>
      String(a.at).localeCompare(String(b.at)) ||
      String(a.kioskId).localeCompare(String(b.kioskId)),
  )
  const csv = stringify(rows, { header: true, columns: ['kioskId', ...analyticsCsvColumns] })
  await writeFileAtomically(outputFile, csv)
  return { rowCount: rows.length, kioskCount, skippedLines }
}
