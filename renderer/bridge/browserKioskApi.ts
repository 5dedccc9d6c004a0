import type { EventName, KioskApi, RequestChannel } from '../../src/contract/contract'
import { RequestError, isRequestErrorData } from '../../src/contract/requestError'
import { FirstScreenAnswers } from './firstScreenAnswers'

/** The header the browser shell's host reads the staff session token from (main/web/webHost.ts). */
const staffSessionHeader = 'x-songyun-staff-session'

/**
 * The contract over the browser shell's local host: requests as JSON POSTs, events from one
 * shared server-sent stream (EventSource reconnects by itself after a host restart). The first
 * screen's requests are answered from the page itself when it came with them.
 */
export function createBrowserKioskApi(
  baseUrl = '',
  firstScreen: FirstScreenAnswers = FirstScreenAnswers.fromDocument(
    typeof document === 'undefined' ? undefined : document,
  ),
): KioskApi {
  let source: EventSource | undefined
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  async function request(channel: string, args: unknown, token?: string): Promise<unknown> {
    const fromPage = token === undefined ? firstScreen.take(channel, args) : undefined
    if (fromPage) return resultOf(fromPage, channel, 200)
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) headers[staffSessionHeader] = token
    let response: Response
    try {
      response = await fetch(`${baseUrl}/api/request/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ args }),
      })
    } catch (error) {
      throw new RequestError(
        'internal',
        `The kiosk services cannot be reached: ${(error as Error).message}`,
      )
    }
    const body = (await response.json().catch(() => undefined)) as
      { ok: true; result: unknown } | { ok: false; error: unknown } | undefined
    return resultOf(body, channel, response.status)
  }

  function resultOf(
    body: { ok: true; result: unknown } | { ok: false; error: unknown } | undefined,
    channel: string,
    status: number,
  ): unknown {
    if (body?.ok === true) return body.result
    if (body && isRequestErrorData(body.error)) throw RequestError.fromData(body.error)
    throw new RequestError('internal', `"${channel}" failed with HTTP ${status}`)
  }

  function attach(stream: EventSource, event: string): void {
    stream.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data)
      for (const fn of listeners.get(event) ?? []) fn(payload)
    })
  }

  let isSourceAwaitingLoad = false
  /**
   * Opens the event stream once the page has loaded: its services may not have started while
   * the page came from the host's first-screen cache, and the host starts them when the stream
   * is asked for (main/web/servicesStartGate.ts), after the page rather than beside it; so no
   * event of theirs comes before it. (A page with live data may miss a change made between its
   * data and its load, as it could between its data and the app's mount.)
   */
  function ensureSource(): void {
    if (source || isSourceAwaitingLoad) return
    const open = () => {
      source = new EventSource(`${baseUrl}/api/events`)
      for (const event of listeners.keys()) attach(source, event)
    }
    if (typeof document === 'undefined' || document.readyState === 'complete') {
      open()
      return
    }
    isSourceAwaitingLoad = true
    window.addEventListener('load', open, { once: true })
  }

  return {
    invoke: ((channel: RequestChannel, args?: unknown) =>
      request(channel, args)) as KioskApi['invoke'],
    invokeAsStaff: ((token: string, channel: RequestChannel, args?: unknown) =>
      request(channel, args, token)) as KioskApi['invokeAsStaff'],
    on: ((event: EventName, listener: (payload: unknown) => void) => {
      let set = listeners.get(event)
      if (!set) {
        listeners.set(event, (set = new Set()))
        if (source) attach(source, event)
      }
      ensureSource()
      set.add(listener)
      return () => set.delete(listener)
    }) as KioskApi['on'],
  }
}
