/**
 * The first screen's data, sent inside the page: the browser shell's host fills index.html's
 * empty placeholder with the answers to the requests the attract screen waits for, so the page
 * draws it without a round of requests after its scripts have run. The Electron shell leaves the
 * placeholder empty and the renderer asks as usual.
 */
import type { RequestErrorData } from './requestError'

/** The requests whose answers travel with the page (each is answered from it once). */
export const firstScreenChannels = ['settings:get', 'mode:get', 'content:get'] as const

export type FirstScreenChannel = (typeof firstScreenChannels)[number]

/** A request's answer as the host sends it: the same shape as `POST /api/request/<channel>`. */
export type FirstScreenOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: RequestErrorData }

/**
 * The report every page makes as it starts: the visit machine's first output
 * (src/visit/visitMachine.ts), a page starts on the attract screen with no visit in progress. The
 * browser shell's host applies it as it sends the page and sends its answer with the page, so the
 * attract screen makes no request for it; any other report (a visit begins) is sent as usual.
 */
export const firstScreenVisitReport = {
  channel: 'mode:report-visit',
  args: { isVisitInProgress: false },
} as const

export type FirstScreenData = Partial<
  Record<FirstScreenChannel | typeof firstScreenVisitReport.channel, FirstScreenOutcome>
>

/** The id of index.html's `<script type="application/json">` that carries the data. */
export const firstScreenDataElementId = 'songyun-first-screen-data'

/** The placeholder exactly as index.html (and the built page) spells it: empty until filled. */
export const firstScreenDataPlaceholder = `<script type="application/json" id="${firstScreenDataElementId}"></script>`

/**
 * The data as the text of a script element: `<` is escaped so no string in the content (an
 * exhibit's text, a pack's name) can end the element early.
 */
export function firstScreenDataScriptText(data: FirstScreenData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

/** Whether `channel` is one whose answer may come with the page. */
export function isFirstScreenChannel(channel: string): channel is FirstScreenChannel {
  return (firstScreenChannels as readonly string[]).includes(channel)
}

/**
 * Whether a request with these arguments is one the page's data may answer: a first-screen
 * channel asked without arguments, or the start's visit report exactly.
 */
export function isFirstScreenRequest(channel: string, args: unknown): boolean {
  if (channel === firstScreenVisitReport.channel) {
    return (
      typeof args === 'object' &&
      args !== null &&
      Object.keys(args).length === 1 &&
      (args as { isVisitInProgress?: unknown }).isVisitInProgress === false
    )
  }
  return args === undefined && isFirstScreenChannel(channel)
}
