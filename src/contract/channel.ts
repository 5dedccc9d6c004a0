import type * as z from 'zod'

/** Who may make a request: anyone at the kiosk, or only a valid staff session. */
export type RequestAccess = 'visitor' | 'staff'

/** The runtime description of one request channel: its argument schema and who may call it. */
export interface ChannelSpec<Args> {
  readonly args: z.ZodType<Args>
  readonly access: RequestAccess
}

/**
 * The runtime channel list an area must provide for its request shapes: a request without a
 * channel, or a channel whose schema does not fit its argument type, fails to compile.
 */
export type ChannelSpecs<
  Shapes extends { [K in keyof Shapes]: { args: unknown; result: unknown } },
> = {
  readonly [K in keyof Shapes]: ChannelSpec<Shapes[K]['args']>
}

/** The runtime list an area must provide for its events. */
export type EventSpecs<Events> = { readonly [K in keyof Events]: true }
