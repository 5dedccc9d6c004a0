import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import { analyticsRangeSchema } from '../../src/contract/areas/analytics'
import { salvageSettings } from '../../src/settings/settingsSchema'
import { exportAnalyticsCsv } from '../services/analytics/analyticsLog'
import { exportFleetAnalyticsCsv } from '../services/fleet/fleetAnalytics'
import { resolveDataDir } from '../services/dataDir'
import { systemTimeZone } from '../services/mode/modeService'
import { settingsFileName } from '../services/settingsService'
import { exitCodes } from './cliOptions'

/** The kiosk's zone: `timeZone` of the data folder's settings.json, else this machine's. */
async function kioskTimeZone(dataDir: string): Promise<string> {
  try {
    const text = await readFile(path.join(dataDir, settingsFileName), 'utf8')
    return salvageSettings(JSON.parse(text)).settings.timeZone ?? systemTimeZone()
  } catch {
    // No settings file, or one the kiosk itself would not read: the machine's zone, as the kiosk.
    return systemTimeZone()
  }
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/**
 * What is wrong with `--from`/`--to`, in the flags' own names and with the form expected; the
 * range schema's words ("fromDay") belong to the request contract, not to a terminal.
 */
function describeDateRangeProblem(from: string, to: string): string | undefined {
  for (const [flag, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isCalendarDay(value)) {
      return `${flag} ${value}: not a day in the form YYYY-MM-DD (e.g. ${flag} 2026-12-01)`
    }
  }
  if (from > to) return `--from ${from} is after --to ${to}; swap them`
  if (Date.parse(to) - Date.parse(from) > 400 * 86_400_000) {
    return `--from ${from} to --to ${to} is more than 400 days; export it in parts`
  }
  return undefined
}

/** `songyun analytics export`: the visitor events of a range of days as CSV. */
export function registerAnalyticsCommand(program: Command): void {
  const analytics = program.command('analytics').description('visitor analytics of this kiosk')
  analytics
    .command('export')
    .description('write the events of a range of local days (both included) to a CSV file')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD (e.g. 2026-11-01)')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .requiredOption('-o, --output <file>', 'the CSV file to write')
    .option('--data-dir <dir>', 'data folder (else SONGYUN_DATA_DIR, else the app-data folder)')
    .option(
      '--fleet <fleet-dir>',
      "every kiosk's events from a fleet folder, with a kioskId column",
    )
    .option(
      '--time-zone <zone>',
      "IANA zone the days are read in (default: the kiosk's settings, else this machine's)",
    )
    .action(
      async (options: {
        from: string
        to: string
        output: string
        dataDir?: string
        fleet?: string
        timeZone?: string
      }) => {
        const dateProblem = describeDateRangeProblem(options.from, options.to)
        const range = analyticsRangeSchema.safeParse({ fromDay: options.from, toDay: options.to })
        if (dateProblem || !range.success) {
          process.stderr.write(
            `songyun: ${dateProblem ?? range.error?.issues[0]?.message ?? 'not a valid range'}\n`,
          )
          process.exitCode = exitCodes.usage
          return
        }
        const dataDir = resolveDataDir(options.dataDir)
        const timeZone = options.timeZone ?? (await kioskTimeZone(dataDir))
        try {
          new Intl.DateTimeFormat('en', { timeZone })
        } catch {
          process.stderr.write(`songyun: --time-zone: "${timeZone}" is not a known time zone\n`)
          process.exitCode = exitCodes.usage
          return
        }
        const outputFile = path.resolve(options.output)
        if (options.fleet) {
          const fleetDir = path.resolve(options.fleet)
          const merged = await exportFleetAnalyticsCsv(
            fleetDir,
            range.data.fromDay,
            range.data.toDay,
            timeZone,
            outputFile,
          ).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error
            process.stderr.write(
              `songyun: --fleet: ${fleetDir} has no kiosks/ folder: check the path of the fleet folder\n`,
            )
            process.exitCode = exitCodes.usage
            return undefined
          })
          if (!merged) return
          process.stdout.write(
            `Wrote ${merged.rowCount} events of ${merged.kioskCount} kiosks to ${outputFile}\n`,
          )
          return
        }
        const folder = path.join(dataDir, 'analytics')
        const { rowCount, skippedLines } = await exportAnalyticsCsv(
          folder,
          range.data.fromDay,
          range.data.toDay,
          timeZone,
          outputFile,
        )
        process.stdout.write(`Wrote ${rowCount} events to ${outputFile}\n`)
        if (skippedLines > 0) {
          process.stderr.write(
            `songyun: skipped ${skippedLines} unreadable lines (e.g. torn by a power cut)\n`,
          )
        }
      },
    )
}
