/** How the faces' style sheet is loaded (a dynamic import; injectable for tests). */
export type ImportFaces = () => Promise<unknown>

/** What of the page the declaration waits on (the window; injectable for tests). */
export interface PageLoadSignals {
  readonly document: Pick<Document, 'readyState'>
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void
  requestIdleCallback(callback: () => void, options: { timeout: number }): number
}

/**
 * Declare the faces within this long of the load event even if the page never goes idle: the
 * menu is a touch away, and its text wants the faces' own files.
 */
const idleDeadlineMs = 500

const importCjkFontFaces: ImportFaces = () => import('../styles/cjkFontFaces')

/**
 * Declares the CJK faces' full `@font-face` sets (renderer/styles/cjkFontFaces.ts) in the first
 * idle period after the page's load event, so their 300 kB of rules hold neither the starting
 * screen's first frame nor the load event; until then every family falls back the way it does
 * while a face's file is loading (`font-display: swap`). The first screen needs none of them.
 */
export function declareCjkFacesAfterLoad(
  page: PageLoadSignals = window,
  importFaces: ImportFaces = importCjkFontFaces,
): void {
  const declare = () => {
    page.requestIdleCallback(
      () => {
        importFaces().catch((error: unknown) =>
          console.warn(`CJK font faces not declared: ${(error as Error).message}`),
        )
      },
      { timeout: idleDeadlineMs },
    )
  }
  if (page.document.readyState === 'complete') declare()
  else page.addEventListener('load', declare, { once: true })
}
