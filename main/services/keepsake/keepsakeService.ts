import { randomBytes } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { AnalyticsEvent } from '../../../src/contract/areas/analytics'
import type {
  KeepsakePrintArgs,
  KeepsakePrintOutcome,
  KeepsakeStaffState,
  KeepsakeTestPrintResult,
} from '../../../src/contract/areas/keepsake'
import { RequestError } from '../../../src/contract/requestError'
import { defaultKeepsakeDateStyles, formatKeepsakeDate } from '../../../src/keepsake/keepsakeDate'
import {
  defaultKeepsakeCaptions,
  defaultKeepsakeSealText,
  layoutKeepsake,
  type KeepsakeCardContent,
  type KeepsakeExhibitKind,
} from '../../../src/keepsake/keepsakeLayout'
import { PrintLimiter } from '../../../src/keepsake/printLimits'
import {
  initialPrinterStatus,
  nextPrinterStatus,
  type PrinterEvent,
  type PrinterStatus,
} from '../../../src/keepsake/printerState'
import type { PackManifest } from '../../../src/pack/manifestSchema'
import type { Settings } from '../../../src/settings/settingsSchema'
import type { Clock } from '../../../src/time/clock'
import { wallTimeAt } from '../../../src/schedule/zonedTime'
import type { CommandRunner } from '../commandRunner'
import type { ActivePack } from '../contentService'
import type { Logger } from '../logger'
import { resolveInsideRoot } from '../safePath'
import { keepsakeCardPage } from './keepsakeCardPage'
import { KeepsakeJobFolder } from './keepsakeJobFolder'
import type { KeepsakePdfRenderer } from './keepsakePdf'
import { PrinterJobError, listCupsPrinters, sendToCupsPrinter } from './cupsPrinter'

/** What {@link KeepsakeService} reads from the rest of the services. */
export interface KeepsakeServiceOptions {
  readonly dataDir: string
  readonly clock: Clock
  readonly logger: Logger
  /** The current settings (the chosen printer, the paper, the limits). */
  readonly settings: () => Settings
  /** The IANA zone the kiosk's day and the card's date are read in. */
  readonly timeZone: () => string
  /** The active packs: exhibit names, captions, seal, venue and its mark. */
  readonly activePacks: () => Promise<readonly ActivePack[]>
  /** Counts a keepsake in the analytics log. */
  readonly record: (event: AnalyticsEvent) => Promise<void>
  /** Runs `lp` and `lpstat` (tests answer for them). */
  readonly runCommand: CommandRunner
  /** Prints the card's HTML page to PDF (Chromium headless, or Electron's printToPDF). */
  readonly renderPdf: KeepsakePdfRenderer
}

/** An exhibit whose result a visitor can take home, and its pack. */
interface KeepsakeExhibitInPack {
  readonly pack: ActivePack
  readonly exhibit: Extract<
    PackManifest['exhibits'][number],
    { kind: 'woodblock-printing' | 'tea-whisking' }
  >
}

/** Names in the day folder that are not visitors' printed cards. */
const notPrintedTag = '.not-printed'
const testCardTag = '-test'

/**
 * The keepsake printer of the kiosk (docs/operators.md "Keepsake printer"): lays out a visitor's
 * card, prints it to PDF and sends it to the CUPS queue staff chose, within the venue's limits;
 * keeps the printer's state for staff (diagnostics, heartbeat, admin) and the day's PDFs for
 * export. A visitor only ever hears "printed" or "ask at the desk".
 */
export class KeepsakeService {
  #printer: PrinterStatus = initialPrinterStatus
  readonly jobs: KeepsakeJobFolder
  #limiter: PrintLimiter | undefined
  /** One job at a time: a second tap waits, then meets the per-visit limit. */
  #queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: KeepsakeServiceOptions) {
    this.jobs = new KeepsakeJobFolder(options.dataDir)
  }

  /** The local day `YYYY-MM-DD` of a moment in the kiosk's zone. */
  dayOf(ms: number): string {
    const wall = wallTimeAt(ms, this.options.timeZone())
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`
  }

  /** The limiter, counting what today's folder already holds (so a restart keeps the cap). */
  async #limits(): Promise<PrintLimiter> {
    if (!this.#limiter) {
      const today = this.dayOf(this.options.clock.nowMs())
      this.#limiter = new PrintLimiter(
        this.options.clock,
        (ms) => this.dayOf(ms),
        await this.jobs.printedCountOf(today),
      )
    }
    return this.#limiter
  }

  /** The printer as staff see it; a printer chosen or cleared in settings is taken up here. */
  printerStatus(): PrinterStatus {
    const chosen = this.options.settings().keepsakePrinter
    if (chosen !== this.#printer.printerName) {
      this.#apply({ kind: 'configured', printerName: chosen })
    }
    return this.#printer
  }

  async staffState(): Promise<KeepsakeStaffState> {
    const settings = this.options.settings()
    return {
      printer: this.printerStatus(),
      paper: settings.keepsakePaper,
      perVisit: settings.keepsakesPerVisit,
      perDay: settings.keepsakesPerDay,
      printedToday: (await this.#limits()).tally().printedToday,
    }
  }

  listPrinters() {
    return listCupsPrinters(this.options.runCommand)
  }

  /** A visitor's card: printed, or "ask at the desk" with the reason logged for staff. */
  print(args: KeepsakePrintArgs): Promise<KeepsakePrintOutcome> {
    const job = this.#queue.then(() => this.#printForVisitor(args))
    this.#queue = job.catch(() => undefined)
    return job
  }

  async #printForVisitor(args: KeepsakePrintArgs): Promise<KeepsakePrintOutcome> {
    const { logger } = this.options
    const found = await this.#findExhibit(args.exhibitId)
    const settings = this.options.settings()
    const askAtDesk = async (
      reason: Extract<AnalyticsEvent, { type: 'keepsake-refused' }>['reason'],
    ): Promise<KeepsakePrintOutcome> => {
      await this.#count({ type: 'keepsake-refused', exhibitId: args.exhibitId, reason })
      return { outcome: 'ask-at-desk' }
    }
    const printerName = this.printerStatus().printerName
    if (!printerName) {
      logger.warn('keepsake: a visitor asked for a card but no printer is chosen')
      return askAtDesk('not-configured')
    }
    const limiter = await this.#limits()
    const refusal = limiter.refusal(args.visitId, {
      perVisit: settings.keepsakesPerVisit,
      perDay: settings.keepsakesPerDay,
    })
    if (refusal) {
      logger.info(
        refusal === 'daily-cap'
          ? `keepsake: the daily cap of ${settings.keepsakesPerDay} cards is reached; visitors are sent to the desk`
          : `keepsake: this visit already took its ${settings.keepsakesPerVisit} card(s)`,
      )
      return askAtDesk(refusal)
    }
    const content = this.#cardContent(found, args.language, args.pictureAspect, settings)
    const result = await this.#printCard(content, args.picture, found.pack, args.exhibitId)
    if (!result.isPrinted) return askAtDesk('printer-error')
    limiter.recordPrinted(args.visitId)
    await this.#count({ type: 'keepsake-printed', exhibitId: args.exhibitId })
    return { outcome: 'printed' }
  }

  /** Staff's test card: the same path as a visitor's, outside the limits, saying what failed. */
  testPrint(): Promise<KeepsakeTestPrintResult> {
    const job = this.#queue.then(async (): Promise<KeepsakeTestPrintResult> => {
      const printerName = this.printerStatus().printerName
      if (!printerName) {
        return { outcome: 'failed', message: 'Choose a printer first.' }
      }
      const settings = this.options.settings()
      const content: KeepsakeCardContent = {
        ...this.#cardContent(undefined, 'zh-CN', 1, settings),
        exhibitTitle: { 'zh-CN': '试印', en: 'Test card' },
        caption: {
          'zh-CN': '试印一张：看纸张、墨色与版框的位置',
          en: 'A test card: check the paper, the ink and the frame',
        },
      }
      const packs = await this.options.activePacks()
      const result = await this.#printCard(content, testPicture, packs[0], 'test')
      return result.isPrinted
        ? { outcome: 'printed', message: `Sent to ${printerName}.` }
        : { outcome: 'failed', message: result.message }
    })
    this.#queue = job.catch(() => undefined)
    return job
  }

  /** Copies today's PDFs to a stick. */
  exportToday(volumePath: string) {
    return this.jobs.exportDay(this.dayOf(this.options.clock.nowMs()), volumePath)
  }

  async #findExhibit(exhibitId: string): Promise<KeepsakeExhibitInPack> {
    for (const pack of await this.options.activePacks()) {
      const exhibit = pack.manifest.exhibits.find((e) => e.id === exhibitId)
      if (exhibit && (exhibit.kind === 'woodblock-printing' || exhibit.kind === 'tea-whisking')) {
        return { pack, exhibit }
      }
    }
    throw new RequestError(
      'not-found',
      `no active woodblock or tea exhibit "${exhibitId}" makes a keepsake`,
    )
  }

  #cardContent(
    found: KeepsakeExhibitInPack | undefined,
    language: string,
    pictureAspect: number,
    settings: Settings,
  ): KeepsakeCardContent {
    const manifest: PackManifest | undefined = found?.pack.manifest
    const kind: KeepsakeExhibitKind = found?.exhibit.kind ?? 'woodblock-printing'
    const exhibit = found?.exhibit
    const nowMs = this.options.clock.nowMs()
    const dateStyles = manifest?.keepsake?.dateStyles ?? defaultKeepsakeDateStyles
    const venue = manifest?.venue
    const sealText =
      exhibit?.kind === 'woodblock-printing' && exhibit.seal
        ? exhibit.seal.text
        : defaultKeepsakeSealText
    return {
      paper: settings.keepsakePaper,
      kind,
      exhibitTitle: exhibit?.title ?? { 'zh-CN': '', en: '' },
      caption: exhibit?.keepsakeCaption ?? defaultKeepsakeCaptions[kind],
      sealText,
      venueName: venue?.name,
      hasVenueMark: venue?.mark !== undefined,
      dateLines: dateStyles.map((style) =>
        formatKeepsakeDate(style, nowMs, this.options.timeZone()),
      ),
      language,
      pictureAspect,
    }
  }

  /**
   * Lays the card out, prints it to a PDF in today's folder and sends that to the printer. The
   * PDF stays for export either way; one the printer refused is named `….not-printed.pdf`.
   */
  async #printCard(
    content: KeepsakeCardContent,
    pictureDataUrl: string,
    pack: ActivePack | undefined,
    label: string,
  ): Promise<{ isPrinted: true } | { isPrinted: false; message: string }> {
    const { logger, clock } = this.options
    const printerName = this.printerStatus().printerName
    if (!printerName) return { isPrinted: false, message: 'no printer is chosen' }
    this.#apply({ kind: 'job-started' })
    const nowMs = clock.nowMs()
    const folder = await this.jobs.prepare(this.dayOf(nowMs))
    const wall = wallTimeAt(nowMs, this.options.timeZone())
    const time = new Date(wall.msOfDay).toISOString().slice(11, 23).replace(/[:.]/g, '')
    // The time orders the day's cards; the random part keeps two in one millisecond apart.
    const baseName = `${time}-${label}-${randomBytes(3).toString('hex')}${label === 'test' ? testCardTag : ''}`
    const htmlPath = path.join(folder, `.${baseName}.html`)
    const pdfPath = path.join(folder, `${baseName}.pdf`)
    try {
      const layout = layoutKeepsake(content)
      const mark = pack ? await venueMarkDataUrl(pack, logger) : undefined
      await writeFile(htmlPath, keepsakeCardPage(layout, pictureDataUrl, mark))
      try {
        await this.options.renderPdf(htmlPath, pdfPath)
      } catch (error) {
        throw new PrinterJobError(
          'failed',
          `the card could not be made into a PDF: ${(error as Error).message}`,
        )
      } finally {
        await rm(htmlPath, { force: true })
      }
      await sendToCupsPrinter(this.options.runCommand, printerName, pdfPath)
      this.#apply({ kind: 'job-printed' })
      logger.info(`keepsake: ${path.basename(pdfPath)} sent to ${printerName}`)
      return { isPrinted: true }
    } catch (error) {
      const failure =
        error instanceof PrinterJobError
          ? error
          : new PrinterJobError('failed', (error as Error).message)
      this.#apply({
        kind: 'job-failed',
        reason: failure.reason,
        message: failure.message,
        atMs: clock.nowMs(),
      })
      logger.error(`keepsake: ${failure.message}`)
      await rename(pdfPath, pdfPath.replace(/\.pdf$/, `${notPrintedTag}.pdf`)).catch(
        () => undefined,
      )
      return { isPrinted: false, message: failure.message }
    }
  }

  async #count(event: AnalyticsEvent): Promise<void> {
    await this.options
      .record(event)
      .catch((error: unknown) =>
        this.options.logger.warn(`keepsake: analytics not written: ${(error as Error).message}`),
      )
  }

  #apply(event: PrinterEvent): void {
    this.#printer = nextPrinterStatus(this.#printer, event)
  }
}

/** Image types a venue mark may be, by file extension. */
const markMimeTypes: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
}

/** The pack's venue mark as a data URL; a mark that cannot be read is left off (and logged). */
async function venueMarkDataUrl(pack: ActivePack, logger: Logger): Promise<string | undefined> {
  const mark = pack.manifest.venue?.mark
  if (!mark) return undefined
  const mimeType = markMimeTypes[path.extname(mark).toLowerCase()]
  const filePath = resolveInsideRoot(pack.rootDir, mark)
  if (!mimeType || !filePath) {
    logger.warn(`keepsake: venue mark ${mark} is not a PNG, JPEG, WebP or SVG image; left off`)
    return undefined
  }
  try {
    return `data:${mimeType};base64,${(await readFile(filePath)).toString('base64')}`
  } catch (error) {
    logger.warn(`keepsake: venue mark ${mark} unreadable: ${(error as Error).message}`)
    return undefined
  }
}

/** The test card's picture: a grey ramp and ink squares, to judge the printer's tones. */
const testPicture = `data:image/svg+xml;base64,${Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs><linearGradient id="g"><stop offset="0" stop-color="#f4eee0"/><stop offset="1" stop-color="#1c1917"/></linearGradient></defs><rect width="100" height="100" fill="#f4eee0"/><rect x="10" y="10" width="80" height="30" fill="url(#g)"/><rect x="10" y="50" width="35" height="35" fill="#1c1917"/><rect x="55" y="50" width="35" height="35" fill="#b23a2a"/></svg>`,
).toString('base64')}`
