// Where a cold page load's time goes, read from the page's own performance entries (navigation,
// resource and paint timing) plus one in-page watch for the screen under test. Used by the
// serve-start bench for both the kiosk and the bare page, so the two are broken down alike.
import type { Page } from '@playwright/test'

/** Milestones of one cold load, each in ms from the navigation's start (the page's clock). */
export interface StartBreakdown {
  /** The HTML's first byte arrived. */
  readonly htmlFirstByteMs: number
  /** The whole HTML had arrived (the kiosk's tail waits for the first screen's data). */
  readonly htmlCompleteMs: number
  /** The last script (module or preload) had arrived. */
  readonly scriptsLoadedMs: number
  /** The last style sheet had arrived. */
  readonly stylesLoadedMs: number
  /** The last font file had arrived; 0 when none loaded. */
  readonly fontsLoadedMs: number
  readonly fontFileCount: number
  /** Requests to the kiosk's API (`/api/…`) made before the screen was shown, and when the last ended. */
  readonly apiRequestCount: number
  readonly apiDoneMs: number
  readonly domContentLoadedMs: number
  readonly firstPaintMs: number
  readonly firstContentfulPaintMs: number
  /** The first animation frame with the watched screen in the document. */
  readonly screenShownMs: number
  /** The load event began: every subresource is in; what follows is the page's load handlers. */
  readonly loadEventStartMs: number
  readonly loadEventEndMs: number
  /** Every request the page made before it was interactive. */
  readonly requestCount: number
}

interface WatchGlobals {
  __songyunScreenShownMs?: number
}

/**
 * Arms a watch, before the page loads, for the first animation frame in which `selector` is in
 * the document. Call on a fresh page before `goto`.
 */
export async function watchScreenShown(page: Page, selector: string): Promise<void> {
  await page.addInitScript((watched: string) => {
    const g = globalThis as unknown as WatchGlobals & {
      document: {
        querySelector(s: string): unknown
      }
      MutationObserver: new (callback: () => void) => {
        observe(target: unknown, options: { childList: boolean; subtree: boolean }): void
        disconnect(): void
      }
      requestAnimationFrame(callback: () => void): void
      performance: { now(): number }
    }
    const observer = new g.MutationObserver(() => {
      if (!g.document.querySelector(watched)) return
      observer.disconnect()
      g.requestAnimationFrame(() => (g.__songyunScreenShownMs ??= g.performance.now()))
    })
    observer.observe(g.document, { childList: true, subtree: true })
  }, selector)
}

/** Reads the breakdown once the page is interactive (after `watchScreenShown` and the load). */
export async function readStartBreakdown(page: Page): Promise<StartBreakdown> {
  return page.evaluate(() => {
    interface Entry {
      name: string
      entryType: string
      initiatorType?: string
      startTime: number
      responseStart?: number
      responseEnd?: number
      domContentLoadedEventEnd?: number
      loadEventStart?: number
      loadEventEnd?: number
    }
    const g = globalThis as unknown as WatchGlobals & {
      performance: { getEntriesByType(type: string): Entry[] }
    }
    const navigation = g.performance.getEntriesByType('navigation')[0]
    const resources = g.performance.getEntriesByType('resource')
    const paints = g.performance.getEntriesByType('paint')
    // No named functions in here: the bench's compiler would wrap them in a helper the page lacks.
    const shownMs = g.__songyunScreenShownMs ?? Number.NaN
    const last = { scripts: 0, styles: 0, fonts: 0, api: 0 }
    const count = { fonts: 0, api: 0, requests: 1 }
    const loadEventEndMs = navigation?.loadEventEnd ?? Number.NaN
    for (const entry of resources) {
      const path = new URL(entry.name).pathname
      const endMs = entry.responseEnd ?? 0
      // What the page asks for after it is interactive (the CJK faces' style sheet, the menu's
      // idle prefetch) is no part of its start.
      if (entry.startTime > Math.max(shownMs, loadEventEndMs)) continue
      count.requests++
      if (path.endsWith('.js')) last.scripts = Math.max(last.scripts, endMs)
      else if (path.endsWith('.css')) last.styles = Math.max(last.styles, endMs)
      else if (/\.(woff2?|ttf|otf)$/.test(path)) {
        last.fonts = Math.max(last.fonts, endMs)
        count.fonts++
      } else if (path.startsWith('/api/') && entry.startTime <= shownMs) {
        last.api = Math.max(last.api, endMs)
        count.api++
      }
    }
    const firstPaint = paints.find((p) => p.name === 'first-paint')
    const firstContentfulPaint = paints.find((p) => p.name === 'first-contentful-paint')
    return {
      htmlFirstByteMs: navigation?.responseStart ?? Number.NaN,
      htmlCompleteMs: navigation?.responseEnd ?? Number.NaN,
      scriptsLoadedMs: last.scripts,
      stylesLoadedMs: last.styles,
      fontsLoadedMs: last.fonts,
      fontFileCount: count.fonts,
      apiRequestCount: count.api,
      apiDoneMs: last.api,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      firstPaintMs: firstPaint?.startTime ?? Number.NaN,
      firstContentfulPaintMs: firstContentfulPaint?.startTime ?? Number.NaN,
      screenShownMs: shownMs,
      loadEventStartMs: navigation?.loadEventStart ?? Number.NaN,
      loadEventEndMs,
      requestCount: count.requests,
    }
  })
}

/** The breakdown as one log line, for the bench's progress output. */
export function describeStartBreakdown(breakdown: StartBreakdown): string {
  const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)}` : '–')
  return [
    `html ${ms(breakdown.htmlFirstByteMs)}→${ms(breakdown.htmlCompleteMs)}`,
    `scripts ${ms(breakdown.scriptsLoadedMs)}`,
    `css ${ms(breakdown.stylesLoadedMs)}`,
    `fonts ${ms(breakdown.fontsLoadedMs)} (${breakdown.fontFileCount})`,
    `api ${ms(breakdown.apiDoneMs)} (${breakdown.apiRequestCount})`,
    `DCL ${ms(breakdown.domContentLoadedMs)}`,
    `FP ${ms(breakdown.firstPaintMs)}`,
    `FCP ${ms(breakdown.firstContentfulPaintMs)}`,
    `shown ${ms(breakdown.screenShownMs)}`,
    `load ${ms(breakdown.loadEventStartMs)}→${ms(breakdown.loadEventEndMs)}`,
    `${breakdown.requestCount} requests`,
  ].join(', ')
}
