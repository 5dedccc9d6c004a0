import type { Settings } from '../../../src/settings/settingsSchema'
import type { Clock } from '../../../src/time/clock'
import {
  initialPrinterStatus,
  nextPrinterStatus,
  type PrinterEvent,
  type PrinterStatus,
} from '../../../src/keepsake/printerState'
import type { Logger } from '../logger'

/** What {@link KeepsakeService} reads from the rest of the services. */
export interface KeepsakeServiceOptions {
  readonly dataDir: string
  readonly clock: Clock
  readonly logger: Logger
  /** The current settings (the chosen printer, the paper, the limits). */
  readonly settings: () => Settings
}

/**
 * The keepsake printer of the kiosk (docs/operators.md "Keepsake printer"): its state for staff
 * (diagnostics, heartbeat, admin), the venue's limits, and the day's printed cards.
 */
export class KeepsakeService {
  #printer: PrinterStatus = initialPrinterStatus

  constructor(private readonly options: KeepsakeServiceOptions) {}

  /** The printer as staff see it; a printer chosen or cleared in settings is taken up here. */
  printerStatus(): PrinterStatus {
    const chosen = this.options.settings().keepsakePrinter
    if (chosen !== this.#printer.printerName) {
      this.#apply({ kind: 'configured', printerName: chosen })
    }
    return this.#printer
  }

  #apply(event: PrinterEvent): void {
    this.#printer = nextPrinterStatus(this.#printer, event)
  }
}
