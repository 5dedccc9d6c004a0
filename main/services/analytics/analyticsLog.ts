import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { stringify } from 'csv-stringify/sync'
import * as z from 'zod'
import { analyticsEventSchema } from '../../../src/contract/areas/analytics'
import {
  analyticsCsvColumns,
  analyticsCsvRow,
  daysInRange,
  summarizeAnalytics,
  type AnalyticsRecord,
  type AnalyticsSummary,
} from '../../../src/analytics/analyticsSummary'
import { writeFileAtomically } from '../atomicFile'
import { writeFileOntoRemovableMedia } from '../removableMediaFile'

/** The records read from a range of day files, and how many lines could not be read. */
export interface AnalyticsReadResult {
  readonly records: AnalyticsRecord[]
  /** Lines that were not a valid event (typically the torn last line after a power cut). */
  readonly skippedLines: number
}

const recordSchema = analyticsEventSchema.and(
  // `at` is what the services stamped; anything that does not parse as a date is skipped.
  z.object({ at: z.iso.datetime() }),
)

/**
 * Reads the day files that can hold events of `fromDay`…`toDay` (one day either side, since the
 * files are named in the machine's zone and the figures may be read in another), skipping missing
 * files and unreadable lines instead of failing.
 */
export async function readAnalyticsRecords(
  folder: string,
  fromDay: string,
  toDay: string,
): Promise<AnalyticsReadResult> {
  const dayBefore = new Date(Date.parse(`${fromDay}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10)
  const dayAfter = new Date(Date.parse(`${toDay}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10)
  const records: AnalyticsRecord[] = []
  let skippedLines = 0
  for (const day of daysInRange(dayBefore, dayAfter)) {
    let text: string
    try {
      text = await readFile(path.join(folder, `${day}.jsonl`), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch {
        skippedLines += 1
        continue
      }
      const parsed = recordSchema.safeParse(value)
      if (parsed.success) records.push(parsed.data)
      else skippedLines += 1
    }
  }
  records.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return { records, skippedLines }
}

/** The admin screen's figures for a range of days. */
export async function summarizeAnalyticsFolder(
  folder: string,
  fromDay: string,
  toDay: string,
  timeZone: string,
): Promise<AnalyticsSummary & { skippedLines: number }> {
  const { records, skippedLines } = await readAnalyticsRecords(folder, fromDay, toDay)
  return { ...summarizeAnalytics(records, fromDay, toDay, timeZone), skippedLines }
}

/** The CSV text of the events of a range of days, one row per event, with a header row. */
export async function analyticsCsv(
  folder: string,
  fromDay: string,
  toDay: string,
  timeZone: string,
): Promise<{ csv: string; rowCount: number; skippedLines: number }> {
  const { records, skippedLines } = await readAnalyticsRecords(folder, fromDay, toDay)
  const days = new Set(daysInRange(fromDay, toDay))
  const rows = records
    .map((record) => analyticsCsvRow(record, timeZone))
    .filter((row) => days.has(String(row.day)))
  const csv = stringify(rows, { header: true, columns: [...analyticsCsvColumns] })
  return { csv, rowCount: rows.length, skippedLines }
}

/**
 * Writes the CSV export of a range of days to a file, atomically. `onRemovableMedia` (the admin
 * screen's export to a USB stick) refuses a target that is a link or a folder, and never writes
 * through one.
 */
export async function exportAnalyticsCsv(
  folder: string,
  fromDay: string,
  toDay: string,
  timeZone: string,
  outputFile: string,
  { onRemovableMedia = false }: { readonly onRemovableMedia?: boolean } = {},
): Promise<{ rowCount: number; skippedLines: number }> {
  const { csv, rowCount, skippedLines } = await analyticsCsv(folder, fromDay, toDay, timeZone)
  if (onRemovableMedia) await writeFileOntoRemovableMedia(outputFile, csv)
  else await writeFileAtomically(outputFile, csv)
  return { rowCount, skippedLines }
}
