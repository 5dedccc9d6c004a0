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

export type FirstScreenData = Partial<Record<FirstScreenChannel, FirstScreenOutcome>>

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
