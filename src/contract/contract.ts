/**
 * The one contract between the renderer and the services, whichever shell carries it.
 * Each area declares its request shapes and runtime channels in `areas/`; this file joins them.
 * A request or event missing from the runtime lists fails to compile (`satisfies`).
 */
import type { ChannelSpecs, EventSpecs } from './channel'
import { appChannels, appEvents, type AppEvents, type AppRequests } from './areas/app'
import {
  settingsChannels,
  settingsEvents,
  type SettingsEvents,
  type SettingsRequests,
} from './areas/settings'
import {
  contentChannels,
  contentEvents,
  type ContentEvents,
  type ContentRequests,
} from './areas/content'
import {
  analyticsChannels,
  analyticsEvents,
  type AnalyticsEvents,
  type AnalyticsRequests,
} from './areas/analytics'
import { packsChannels, packsEvents, type PacksEvents, type PacksRequests } from './areas/packs'
import { staffChannels, staffEvents, type StaffEvents, type StaffRequests } from './areas/staff'
import { modeChannels, modeEvents, type ModeEvents, type ModeRequests } from './areas/mode'
import {
  diagnosticsChannels,
  diagnosticsEvents,
  type DiagnosticsEvents,
  type DiagnosticsRequests,
} from './areas/diagnostics'
import {
  keepsakeChannels,
  keepsakeEvents,
  type KeepsakeEvents,
  type KeepsakeRequests,
} from './areas/keepsake'

/** Every request: `area:verb` → `{ args, result }`. */
export type RequestMap = AppRequests &
  SettingsRequests &
  ContentRequests &
  AnalyticsRequests &
  PacksRequests &
  StaffRequests &
  ModeRequests &
  DiagnosticsRequests &
  KeepsakeRequests

/** Every event the services push to the renderer: name → payload. */
export type EventMap = AppEvents &
  SettingsEvents &
  ContentEvents &
  AnalyticsEvents &
  PacksEvents &
  StaffEvents &
  ModeEvents &
  DiagnosticsEvents &
  KeepsakeEvents

export type RequestChannel = Extract<keyof RequestMap, string>
export type EventName = Extract<keyof EventMap, string>
export type ArgsOf<C extends RequestChannel> = RequestMap[C]['args']
export type ResultOf<C extends RequestChannel> = RequestMap[C]['result']

/** The runtime channel list: argument schema and access for every request. */
export const requestChannels = {
  ...appChannels,
  ...settingsChannels,
  ...contentChannels,
  ...analyticsChannels,
  ...packsChannels,
  ...staffChannels,
  ...modeChannels,
  ...diagnosticsChannels,
  ...keepsakeChannels,
} as const satisfies ChannelSpecs<RequestMap>

/** The runtime event list. */
export const eventNames = Object.keys({
  ...appEvents,
  ...settingsEvents,
  ...contentEvents,
  ...analyticsEvents,
  ...packsEvents,
  ...staffEvents,
  ...modeEvents,
  ...diagnosticsEvents,
  ...keepsakeEvents,
} as const satisfies EventSpecs<EventMap>) as EventName[]

/** Whether a string names a request channel of the contract. */
export function isRequestChannel(name: string): name is RequestChannel {
  return Object.hasOwn(requestChannels, name)
}

/** The arguments a call passes: nothing for a request whose args are `undefined`. */
export type InvokeArgs<C extends RequestChannel> = ArgsOf<C> extends undefined ? [] : [ArgsOf<C>]

/** The API the renderer sees as `window.kiosk`, the same in both shells. */
export interface KioskApi {
  invoke<C extends RequestChannel>(channel: C, ...args: InvokeArgs<C>): Promise<ResultOf<C>>
  /** The same, presenting a staff session token (required by `access: 'staff'` channels). */
  invokeAsStaff<C extends RequestChannel>(
    staffSessionToken: string,
    channel: C,
    ...args: InvokeArgs<C>
  ): Promise<ResultOf<C>>
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
}

/** What every request handler set must implement: one handler per channel. */
export type RequestHandlers = {
  readonly [C in RequestChannel]: (args: ArgsOf<C>, context: RequestContext) => Promise<ResultOf<C>>
}

/** What a shell knows about a request besides its arguments. */
export interface RequestContext {
  /** The staff session token the caller presented, if any. */
  readonly staffSessionToken: string | undefined
}
