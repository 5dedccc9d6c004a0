import type { PrinterErrorReason } from '../../../src/keepsake/printerState'
import type { KeepsakePrinterList } from '../../../src/contract/areas/keepsake'
import { CommandTimeoutError, type CommandRunner } from '../commandRunner'

/** `lp` hands a job to the CUPS scheduler and returns; it never waits for paper. */
const lpTimeoutMs = 30_000

/** A print job CUPS did not take, with the reason staff see. */
export class PrinterJobError extends Error {
  constructor(
    readonly reason: PrinterErrorReason,
    message: string,
  ) {
    super(message)
    this.name = 'PrinterJobError'
  }
}

/** What staff are told when the machine has no CUPS client at all. */
const missingCupsMessage =
  '`lp` was not found: this kiosk has no CUPS client. Install it (Debian: `apt-get install cups-client`, with the printer set up in CUPS) and choose the printer again.'

/**
 * Sends a PDF to a CUPS queue with `lp -d PRINTER FILE`. Whatever goes wrong becomes a
 * {@link PrinterJobError} whose reason and message are for staff: CUPS absent or the queue
 * unknown (`missing`), the queue disabled or the printer unreachable (`offline`), no paper
 * (`out-of-paper`), anything else (`failed`).
 */
export async function sendToCupsPrinter(
  runCommand: CommandRunner,
  printerName: string,
  pdfPath: string,
): Promise<void> {
  try {
    // `--` ends the options: no file name can read as one.
    await runCommand('lp', ['-d', printerName, '--', pdfPath], lpTimeoutMs)
  } catch (error) {
    throw classifyPrinterFailure(error, printerName)
  }
}

/** A failed `lp` as a reason and a message naming `lp`/CUPS, the printer and what to do. */
export function classifyPrinterFailure(error: unknown, printerName: string): PrinterJobError {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new PrinterJobError('missing', missingCupsMessage)
  }
  if (error instanceof CommandTimeoutError) {
    return new PrinterJobError(
      'offline',
      `lp did not answer within ${error.timeoutMs / 1000} s: is the CUPS scheduler (cupsd) running?`,
    )
  }
  const said = (error as Error).message
  if (/does not exist|unknown destination|no such (printer|destination)|not found/i.test(said)) {
    return new PrinterJobError(
      'missing',
      `CUPS has no printer "${printerName}" (${said}). Choose an existing printer in the admin printer section (lpstat -a lists them).`,
    )
  }
  if (/paper|media[- ]empty|media[- ]needed/i.test(said)) {
    return new PrinterJobError('out-of-paper', `printer "${printerName}" is out of paper: ${said}`)
  }
  if (
    /not accepting|disabled|offline|unreachable|not connected|stopped|cupsd|scheduler/i.test(said)
  ) {
    return new PrinterJobError('offline', `printer "${printerName}" is offline: ${said}`)
  }
  return new PrinterJobError('failed', `printing on "${printerName}" failed: ${said}`)
}

/**
 * The CUPS queues that accept jobs (`lpstat -a`: "NAME accepting requests since …", one a line).
 * No CUPS client, or no scheduler, is a problem to show, not an error.
 */
export async function listCupsPrinters(runCommand: CommandRunner): Promise<KeepsakePrinterList> {
  try {
    const listing = await runCommand('lpstat', ['-a'], lpTimeoutMs)
    const printers = listing
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0] ?? '')
      .filter((name) => name !== '')
    return { printers: [...new Set(printers)] }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        printers: [],
        problemKind: 'no-cups-client',
        problem:
          '`lpstat` was not found: this kiosk has no CUPS client (Debian: `apt-get install cups-client`).',
      }
    }
    return {
      printers: [],
      problemKind: 'listing-failed',
      problem: `lpstat -a failed: ${(error as Error).message}`,
    }
  }
}
