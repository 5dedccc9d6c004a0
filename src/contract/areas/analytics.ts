import { z } from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'

/**
 * A visitor event, with no personal data: only what happened, where and when.
 * The services stamp the time; the renderer never sends one.
 */
export const analyticsEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('visit-start'), language: z.string() }),
  z.object({ type: z.literal('visit-end'), durationMs: z.number().min(0), reason: z.enum(['idle', 'mode']) }),
  z.object({ type: z.literal('exhibit-enter'), exhibitId: z.string() }),
  z.object({ type: z.literal('exhibit-leave'), exhibitId: z.string(), dwellMs: z.number().min(0) }),
  z.object({ type: z.literal('language-switch'), from: z.string(), to: z.string() }),
  z.object({ type: z.literal('card-open'), exhibitId: z.string(), cardId: z.string() }),
  z.object({ type: z.literal('station-complete'), exhibitId: z.string(), stationId: z.string() }),
  z.object({ type: z.literal('track-play'), exhibitId: z.string(), trackId: z.string() }),
])
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>

export interface AnalyticsRequests {
  'analytics:record': { args: AnalyticsEvent; result: void }
}

export const analyticsChannels = {
  'analytics:record': { args: analyticsEventSchema, access: 'visitor' },
} as const satisfies ChannelSpecs<AnalyticsRequests>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no analytics events yet
export interface AnalyticsEvents {}
export const analyticsEvents = {} as const satisfies EventSpecs<AnalyticsEvents>
