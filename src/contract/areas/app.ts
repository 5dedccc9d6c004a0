import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'

/** Which shell the services run in. */
export type ShellKind = 'electron' | 'browser'

/** What the renderer learns about the app at start. */
export interface AppInfo {
  readonly appVersion: string
  readonly shell: ShellKind
  /** When the services started, ms since the epoch. */
  readonly startedAtMs: number
  /** Set when the app runs for end-to-end tests or a preview, never on a venue kiosk. */
  readonly isDevelopment: boolean
}

/** A line the renderer asks the services to log (errors, context loss, recoveries). */
export const rendererLogEntrySchema = z.object({
  level: z.enum(['info', 'warn', 'error']),
  message: z.string().max(4000),
})
export type RendererLogEntry = z.infer<typeof rendererLogEntrySchema>

export interface AppRequests {
  'app:info': { args: undefined; result: AppInfo }
  'app:log': { args: RendererLogEntry; result: void }
}

export const appChannels = {
  'app:info': { args: z.undefined(), access: 'visitor' },
  'app:log': { args: rendererLogEntrySchema, access: 'visitor' },
} as const satisfies ChannelSpecs<AppRequests>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the app area has no events yet
export interface AppEvents {}
export const appEvents = {} as const satisfies EventSpecs<AppEvents>
