import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'
import type { PrinterStatus } from '../../keepsake/printerState'

/** What the services can tell staff about the running kiosk (the renderer adds frame rate and WebGL). */
export interface ServiceDiagnostics {
  readonly appVersion: string
  readonly shell: 'electron' | 'browser'
  readonly startedAtMs: number
  readonly uptimeMs: number
  readonly platform: string
  readonly runtimeVersions: Readonly<Record<string, string>>
  readonly memory: { readonly residentBytes: number; readonly heapUsedBytes: number }
  readonly packs: readonly { readonly id: string; readonly version: string }[]
  readonly dataDir: string
  readonly timeZone: string
  /** The last lines of the services' log, oldest first. */
  readonly logLines: readonly string[]
  /** Staff lockouts since the last correct PIN (each one is also logged). */
  readonly staffLockout?: StaffLockoutReport
  /**
   * The last changes operators made (installs, rollbacks, trusted keys, PIN, mode, settings), from
   * the admin screen, the inbox or a terminal, oldest first; `<data>/logs/changes.log` holds all.
   */
  readonly recentChanges: readonly string[]
  /**
   * The keepsake printer: `state` (not-configured, ready, printing, error), in `error` the
   * `reason` (missing, offline, out-of-paper, failed), the chosen `printerName`, and the last
   * error for staff (docs/operators.md "Keepsake printer").
   */
  readonly printer: PrinterStatus
}

/** How often wrong PINs locked staff access since the last correct one, and until when. */
export interface StaffLockoutReport {
  readonly locksSinceLastUnlock: number
  readonly lastLockedAtMs: number | undefined
  readonly lockedUntilMs: number | undefined
}

export interface DiagnosticsRequests {
  'diagnostics:get': { args: undefined; result: ServiceDiagnostics }
}

export const diagnosticsChannels = {
  'diagnostics:get': { args: z.undefined(), access: 'staff' },
} as const satisfies ChannelSpecs<DiagnosticsRequests>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no diagnostics events
export interface DiagnosticsEvents {}
export const diagnosticsEvents = {} as const satisfies EventSpecs<DiagnosticsEvents>
