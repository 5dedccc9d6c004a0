import type * as z from 'zod'
import {
  isRequestChannel,
  requestChannels,
  type RequestContext,
  type RequestHandlers,
} from '../../src/contract/contract'
import { RequestError, type RequestErrorData } from '../../src/contract/requestError'
import type { Logger } from './logger'

/** Decides whether a staff session token is valid (and refreshes its idle timer). */
export type StaffSessionCheck = (token: string | undefined) => boolean

/** The outcome of one request, as both shells send it back. */
export type DispatchOutcome = { ok: true; result: unknown } | { ok: false; error: RequestErrorData }

/**
 * The one gate every request passes in both shells: the channel must exist, the caller must
 * have the access it needs, the arguments must match its schema. Errors become data; only
 * {@link RequestError}s carry their message to the caller, anything else is logged.
 */
export async function dispatchRequest(
  handlers: RequestHandlers,
  isStaffSessionValid: StaffSessionCheck,
  logger: Logger,
  channel: string,
  rawArgs: unknown,
  context: RequestContext,
): Promise<DispatchOutcome> {
  try {
    if (!isRequestChannel(channel)) {
      throw new RequestError('unknown-channel', `There is no request "${channel}"`)
    }
    const spec = requestChannels[channel]
    if (spec.access === 'staff' && !isStaffSessionValid(context.staffSessionToken)) {
      throw new RequestError('forbidden', `"${channel}" needs a staff session`)
    }
    const parsed = (spec.args as z.ZodType).safeParse(rawArgs)
    if (!parsed.success) {
      throw new RequestError(
        'bad-request',
        `The arguments of "${channel}" are not valid`,
        parsed.error.issues.map((issue) => ({
          path: issue.path.length > 0 ? issue.path.join('.') : '(args)',
          message: issue.message,
        })),
      )
    }
    const handler = handlers[channel] as (
      args: unknown,
      context: RequestContext,
    ) => Promise<unknown>
    const result = await handler(parsed.data, context)
    return { ok: true, result }
  } catch (error) {
    if (error instanceof RequestError) return { ok: false, error: error.toData() }
    logger.error(`request ${channel} failed: ${(error as Error).stack ?? String(error)}`)
    return {
      ok: false,
      error: { code: 'internal', message: `"${channel}" failed inside the kiosk` },
    }
  }
}
