import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'
import { kioskModeSchema, type KioskMode } from '../../settings/settingsSchema'

/** The mode visitors see now and why. */
export interface ModeState {
  /** What the kiosk shows: the staff's mode, or `closed` outside opening hours. */
  readonly mode: KioskMode
  /** The mode staff chose (settings.mode). */
  readonly configuredMode: KioskMode
  /** The exhibit of `single-exhibit` mode. */
  readonly singleExhibit: string | undefined
  /** True when the opening hours, not staff, close the kiosk now. */
  readonly isClosedByHours: boolean
  /** The master volume allowed now (settings.volume capped by quiet hours). */
  readonly volume: number
  /** When the hours next open, close or change the volume cap; undefined if never. */
  readonly nextScheduleChangeAtMs: number | undefined
  /** The IANA zone the hours are read in. */
  readonly timeZone: string
}

export const modeSetArgsSchema = z
  .object({ mode: kioskModeSchema, singleExhibit: z.string().min(1).max(64).optional() })
  .refine((args) => args.mode !== 'single-exhibit' || args.singleExhibit !== undefined, {
    message: 'single-exhibit mode needs the exhibit id in "singleExhibit"',
    path: ['singleExhibit'],
  })
export type ModeSetArgs = z.infer<typeof modeSetArgsSchema>

export const visitReportArgsSchema = z.object({ isVisitInProgress: z.boolean() })
export type VisitReportArgs = z.infer<typeof visitReportArgsSchema>

export interface ModeRequests {
  'mode:get': { args: undefined; result: ModeState }
  'mode:set': { args: ModeSetArgs; result: ModeState }
  /**
   * The renderer tells the services whether a visit is in progress (anything but the attract
   * loop or the closed screen), so background work such as inbox installs waits for it.
   */
  'mode:report-visit': { args: VisitReportArgs; result: void }
}

export const modeChannels = {
  'mode:get': { args: z.undefined(), access: 'visitor' },
  'mode:set': { args: modeSetArgsSchema, access: 'staff' },
  'mode:report-visit': { args: visitReportArgsSchema, access: 'visitor' },
} as const satisfies ChannelSpecs<ModeRequests>

export interface ModeEvents {
  /** The mode visitors see, the hours or the volume cap changed. */
  'mode:changed': ModeState
}
export const modeEvents = { 'mode:changed': true } as const satisfies EventSpecs<ModeEvents>
