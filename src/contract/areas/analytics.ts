import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'
import type { AnalyticsSummary } from '../../analytics/analyticsSummary'
import { languageTagSchema } from '../../i18n/languageTagSchema'

/**
 * An exhibit, card, station or track id as a visitor event carries it: short, and starting with
 * a letter or digit, so a recorded event can neither fill the disk nor smuggle a spreadsheet
 * formula into the CSV export.
 */
const analyticsIdSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be an id of letters, digits, ".", "_" and "-"')
const analyticsLanguageSchema = languageTagSchema.max(35)
/** A duration a visit or a dwell can have: at most a week. */
const analyticsDurationMsSchema = z
  .number()
  .min(0)
  .max(7 * 86_400_000)

/**
 * A visitor event, with no personal data: only what happened, where and when.
 * The services stamp the time; the renderer never sends one.
 */
export const analyticsEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('visit-start'), language: analyticsLanguageSchema }),
  z.object({
    type: z.literal('visit-end'),
    durationMs: analyticsDurationMsSchema,
    reason: z.enum(['idle', 'mode']),
  }),
  z.object({ type: z.literal('exhibit-enter'), exhibitId: analyticsIdSchema }),
  z.object({
    type: z.literal('exhibit-leave'),
    exhibitId: analyticsIdSchema,
    dwellMs: analyticsDurationMsSchema,
  }),
  z.object({
    type: z.literal('language-switch'),
    from: analyticsLanguageSchema,
    to: analyticsLanguageSchema,
  }),
  z.object({
    type: z.literal('card-open'),
    exhibitId: analyticsIdSchema,
    cardId: analyticsIdSchema,
  }),
  z.object({
    type: z.literal('station-complete'),
    exhibitId: analyticsIdSchema,
    stationId: analyticsIdSchema,
  }),
  z.object({
    type: z.literal('track-play'),
    exhibitId: analyticsIdSchema,
    trackId: analyticsIdSchema,
  }),
  // Recorded by the services, not the renderer: a keepsake card printed, or why not. No picture
  // and nothing of the visitor is kept (docs/operators.md "Keepsake printer").
  z.object({ type: z.literal('keepsake-printed'), exhibitId: analyticsIdSchema }),
  z.object({
    type: z.literal('keepsake-refused'),
    exhibitId: analyticsIdSchema,
    reason: z.enum(['visit-limit', 'daily-cap', 'not-configured', 'printer-error']),
  }),
])
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>

/** A local calendar day `YYYY-MM-DD`. */
export const analyticsDaySchema = z.iso.date()

/** A range of local days, both included, at most a year and a bit. */
export const analyticsRangeSchema = z
  .object({ fromDay: analyticsDaySchema, toDay: analyticsDaySchema })
  .refine((range) => range.fromDay <= range.toDay, {
    message: '"fromDay" must not be after "toDay"',
    path: ['toDay'],
  })
  .refine((range) => Date.parse(range.toDay) - Date.parse(range.fromDay) <= 400 * 86_400_000, {
    message: 'a range is at most 400 days',
    path: ['toDay'],
  })
export type AnalyticsRange = z.infer<typeof analyticsRangeSchema>

export const analyticsExportArgsSchema = z.object({
  fromDay: analyticsDaySchema,
  toDay: analyticsDaySchema,
  /** The mount folder of a removable volume, as `analytics:export-targets` lists it. */
  volumePath: z.string().min(1).max(4096),
})
export type AnalyticsExportArgs = z.infer<typeof analyticsExportArgsSchema>

/** Where a CSV export can go: a mounted USB stick. */
export interface AnalyticsExportTarget {
  readonly path: string
  readonly label: string
}

export interface AnalyticsRequests {
  'analytics:record': { args: AnalyticsEvent; result: void }
  /** The admin screen's figures; `skippedLines` counts unreadable lines (a torn last line). */
  'analytics:summary': { args: AnalyticsRange; result: AnalyticsSummary & { skippedLines: number } }
  'analytics:export-targets': { args: undefined; result: readonly AnalyticsExportTarget[] }
  /** Writes `songyun-analytics-<from>-<to>.csv` onto the volume. */
  'analytics:export': {
    args: AnalyticsExportArgs
    result: { filePath: string; rowCount: number; skippedLines: number }
  }
}

export const analyticsChannels = {
  'analytics:record': { args: analyticsEventSchema, access: 'visitor' },
  'analytics:summary': { args: analyticsRangeSchema, access: 'staff' },
  'analytics:export-targets': { args: z.undefined(), access: 'staff' },
  'analytics:export': { args: analyticsExportArgsSchema, access: 'staff' },
} as const satisfies ChannelSpecs<AnalyticsRequests>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no analytics events yet
export interface AnalyticsEvents {}
export const analyticsEvents = {} as const satisfies EventSpecs<AnalyticsEvents>
