import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'
import { languageTagSchema } from '../../i18n/languageTagSchema'
import { localIdSchema } from '../../pack/manifestSchema'
import type { KeepsakePaper } from '../../keepsake/keepsakePaper'
import type { PrinterStatus } from '../../keepsake/printerState'

/**
 * The keepsake card (docs/operators.md "Keepsake printer"): a visitor takes home what they made;
 * staff choose the printer, print a test card and export the day's cards.
 */

/** The largest picture a card carries: an A5 picture at 300 dpi as JPEG, with room to spare. */
export const maxKeepsakePictureChars = 3_000_000

export const keepsakePictureSchema = z
  .string()
  .max(maxKeepsakePictureChars, 'the picture is too large for a keepsake card')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'must be a PNG or JPEG data URL')

export const keepsakePrintArgsSchema = z.object({
  /** Changes with every visit (the renderer's boot and visit serial): the per-visit limit's key. */
  visitId: z.string().min(1).max(64),
  /** The exhibit whose result this is (its id in the pack). */
  exhibitId: localIdSchema,
  /** The visitor's language: its caption comes first. */
  language: languageTagSchema,
  /** The visitor's picture at print resolution (the layout's `picture.widthPx × heightPx`). */
  picture: keepsakePictureSchema,
  /** The picture's width over its height. */
  pictureAspect: z.number().min(0.2).max(5),
})
export type KeepsakePrintArgs = z.infer<typeof keepsakePrintArgsSchema>

/**
 * What the visitor is told: printed, or to ask at the desk. Never why: the reason goes to staff
 * (diagnostics `printer`, the admin printer section, the log).
 */
export interface KeepsakePrintOutcome {
  readonly outcome: 'printed' | 'ask-at-desk'
}

/** Why no printer could be listed: no CUPS client on the machine, or `lpstat` failed. */
export type KeepsakePrinterListProblemKind = 'no-cups-client' | 'listing-failed'

/** The printers CUPS knows (`lpstat -a`), or why none could be listed. */
export interface KeepsakePrinterList {
  readonly printers: readonly string[]
  /** The technical detail for whoever fixes it (a command and its output; English). */
  readonly problem?: string
  /** What kind of problem `problem` is, so the admin screen can say it in its own language. */
  readonly problemKind?: KeepsakePrinterListProblemKind
}

/** The printer section of the admin screen. */
export interface KeepsakeStaffState {
  readonly printer: PrinterStatus
  readonly paper: KeepsakePaper
  readonly perVisit: number
  readonly perDay: number
  readonly printedToday: number
}

/** A staff print's result: unlike a visitor's, it says what went wrong. */
export interface KeepsakeTestPrintResult {
  readonly outcome: 'printed' | 'failed'
  readonly message: string
}

export const keepsakeExportArgsSchema = z.object({
  /** The mount folder of a removable volume, as `analytics:export-targets` lists it. */
  volumePath: z.string().min(1).max(4096),
})
export type KeepsakeExportArgs = z.infer<typeof keepsakeExportArgsSchema>

export interface KeepsakeRequests {
  'keepsake:print': { args: KeepsakePrintArgs; result: KeepsakePrintOutcome }
  'keepsake:state': { args: undefined; result: KeepsakeStaffState }
  'keepsake:printers': { args: undefined; result: KeepsakePrinterList }
  'keepsake:test-print': { args: undefined; result: KeepsakeTestPrintResult }
  /** Copies today's keepsake PDFs into `songyun-keepsakes-DAY/` on the stick. */
  'keepsake:export': {
    args: KeepsakeExportArgs
    result: { readonly folder: string; readonly fileCount: number }
  }
}

export const keepsakeChannels = {
  'keepsake:print': { args: keepsakePrintArgsSchema, access: 'visitor' },
  'keepsake:state': { args: z.undefined(), access: 'staff' },
  'keepsake:printers': { args: z.undefined(), access: 'staff' },
  'keepsake:test-print': { args: z.undefined(), access: 'staff' },
  'keepsake:export': { args: keepsakeExportArgsSchema, access: 'staff' },
} as const satisfies ChannelSpecs<KeepsakeRequests>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no keepsake events
export interface KeepsakeEvents {}
export const keepsakeEvents = {} as const satisfies EventSpecs<KeepsakeEvents>
