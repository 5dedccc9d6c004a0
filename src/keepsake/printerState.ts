/**
 * The keepsake printer's state as staff see it (docs/operators.md "Keepsake printer"): one pure
 * machine the host feeds with what happened (configured, job started, job done, job failed) and
 * reads back for diagnostics, the fleet heartbeat and the admin printer section.
 */

/** Where the printer stands. `printing` lasts one job; `error` stays until a job succeeds. */
export const printerStateNames = ['not-configured', 'ready', 'printing', 'error'] as const
export type PrinterStateName = (typeof printerStateNames)[number]

/**
 * Why the last job did not print: the printing system or printer is missing, the printer is
 * offline, out of paper, or the job failed for another reason (the message says which).
 */
export const printerErrorReasons = ['missing', 'offline', 'out-of-paper', 'failed'] as const
export type PrinterErrorReason = (typeof printerErrorReasons)[number]

/** The printer as diagnostics report it (`ServiceDiagnostics.printer`). */
export interface PrinterStatus {
  readonly state: PrinterStateName
  /** Set in `error`: why the last job failed. */
  readonly reason?: PrinterErrorReason
  /** The CUPS queue keepsakes go to, once staff chose one. */
  readonly printerName?: string
  /** For staff only: what went wrong last and what to do (never shown to a visitor). */
  readonly lastError?: string
  /**
   * Why the last error happened; unlike `reason` it outlives the error, so the admin screen can
   * say in its own language what the (English, technical) `lastError` is about.
   */
  readonly lastErrorReason?: PrinterErrorReason
  /** When the last error happened (ms since the epoch). */
  readonly lastErrorAtMs?: number
}

/** What can happen to the printer. */
export type PrinterEvent =
  | { readonly kind: 'configured'; readonly printerName: string | undefined }
  | { readonly kind: 'job-started' }
  | { readonly kind: 'job-printed' }
  | {
      readonly kind: 'job-failed'
      readonly reason: PrinterErrorReason
      readonly message: string
      readonly atMs: number
    }

/** The state before anything is known: no printer chosen. */
export const initialPrinterStatus: PrinterStatus = { state: 'not-configured' }

/** The state after one event; the last error stays readable after the printer recovers. */
export function nextPrinterStatus(status: PrinterStatus, event: PrinterEvent): PrinterStatus {
  const lastError =
    status.lastError === undefined
      ? {}
      : {
          lastError: status.lastError,
          lastErrorAtMs: status.lastErrorAtMs,
          lastErrorReason: status.lastErrorReason,
        }
  switch (event.kind) {
    case 'configured':
      return event.printerName
        ? { state: 'ready', printerName: event.printerName, ...lastError }
        : { state: 'not-configured', ...lastError }
    case 'job-started':
      if (status.state === 'not-configured') return status
      return { state: 'printing', printerName: status.printerName, ...lastError }
    case 'job-printed':
      if (status.state === 'not-configured') return status
      return { state: 'ready', printerName: status.printerName, ...lastError }
    case 'job-failed':
      return {
        state: 'error',
        reason: event.reason,
        printerName: status.printerName,
        lastError: event.message,
        lastErrorAtMs: event.atMs,
        lastErrorReason: event.reason,
      }
  }
}

/** The fleet heartbeat's coarser printer states (docs/fleet.md keeps its four values). */
export type HeartbeatPrinterState = 'not-configured' | 'ready' | 'offline' | 'error'

/** The printer as a fleet heartbeat says it: a job in progress is `ready`, offline is its own. */
export function heartbeatPrinterState(status: PrinterStatus): HeartbeatPrinterState {
  switch (status.state) {
    case 'not-configured':
      return 'not-configured'
    case 'ready':
    case 'printing':
      return 'ready'
    case 'error':
      return status.reason === 'offline' ? 'offline' : 'error'
  }
}
