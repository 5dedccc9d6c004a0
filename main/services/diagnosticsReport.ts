import type { ServiceDiagnostics, StaffLockoutReport } from '../../src/contract/areas/diagnostics'
import type { PrinterStatus } from '../../src/keepsake/printerState'
import type { ShellKind } from '../../src/contract/areas/app'
import type { Logger } from './logger'

/** How many log lines the admin screen shows. */
const shownLogLines = 50

/** What {@link collectServiceDiagnostics} reads from the services. */
export interface DiagnosticsSources {
  readonly appVersion: string
  readonly shell: ShellKind
  readonly startedAtMs: number
  readonly nowMs: number
  readonly dataDir: string
  readonly timeZone: string
  /** A logger that keeps recent lines (the console logger does) shows them; others show none. */
  readonly logger: Logger | (Logger & { recentLines(): string[] })
  readonly packs: readonly { readonly id: string; readonly version: string }[]
  readonly staffLockout?: StaffLockoutReport
  /** The change log's last lines (ChangeLog.recent). */
  readonly recentChanges: readonly string[]
  /** The keepsake printer's state (KeepsakeService.printerStatus). */
  readonly printer: PrinterStatus
}

/** The services' half of the admin screen's diagnostics panel. */
export function collectServiceDiagnostics(sources: DiagnosticsSources): ServiceDiagnostics {
  const memory = process.memoryUsage()
  const logLines = 'recentLines' in sources.logger ? sources.logger.recentLines() : []
  return {
    appVersion: sources.appVersion,
    shell: sources.shell,
    startedAtMs: sources.startedAtMs,
    uptimeMs: sources.nowMs - sources.startedAtMs,
    platform: `${process.platform} ${process.arch}`,
    runtimeVersions: Object.fromEntries(
      Object.entries(process.versions).filter(
        (entry): entry is [string, string] =>
          ['node', 'electron', 'chrome', 'v8'].includes(entry[0]) && typeof entry[1] === 'string',
      ),
    ),
    memory: { residentBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    packs: sources.packs.map(({ id, version }) => ({ id, version })),
    dataDir: sources.dataDir,
    timeZone: sources.timeZone,
    logLines: logLines.slice(-shownLogLines),
    staffLockout: sources.staffLockout,
    recentChanges: [...sources.recentChanges],
    printer: sources.printer,
  }
}
