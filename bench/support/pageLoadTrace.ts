// A Chromium trace of one cold page load, summed by kind of main-thread work from navigation
// start to the load event's end: where a start's page-side time goes (HTML parsing, style sheet
// parsing, style and layout, script evaluation, the load event's handlers). The serve-start
// bench takes it with BENCH_TRACE=1 (bench/support/mainThreadTrace.ts).
import type { Page } from '@playwright/test'
import { recordTrace } from './traceRecording'

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly ts: number
  readonly dur?: number
  readonly pid: number
  readonly tid: number
  readonly args?: {
    readonly data?: {
      readonly type?: string
      readonly url?: string
      readonly styleSheetUrl?: string
      readonly isLoadingMainFrame?: boolean
      readonly documentLoaderURL?: string
    }
  }
}

/** One kind of main-thread work during a page load, and how long it took in all. */
export interface PageLoadWork {
  readonly what: string
  readonly totalMs: number
}

/** Trace events that name a kind of the page's own work (not the tasks that contain them). */
const workEvents = new Set([
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'v8.compileModule',
  'v8.evaluateModule',
  'EvaluateScript',
  'EventDispatch',
  'FireAnimationFrame',
  'TimerFire',
  'DecodeFont',
])

/** A running trace of one page's load; `stop` once the page has loaded. */
export interface PageLoadTrace {
  stop(): Promise<PageLoadWork[]>
}

/** Starts tracing before `page` navigates to `url` (a fresh page, before `goto`). */
export async function startPageLoadTrace(page: Page, url: string): Promise<PageLoadTrace> {
  const recording = await recordTrace<TraceEvent>(
    page,
    'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading',
  )
  return {
    async stop() {
      const loadEndMs = await page.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
            ?.loadEventEnd ?? 0,
      )
      return pageLoadWorkOf(await recording.end(), url, loadEndMs)
    },
  }
}

function pageLoadWorkOf(
  events: readonly TraceEvent[],
  url: string,
  loadEndMs: number,
): PageLoadWork[] {
  const navigation = events
    .filter(
      (event) =>
        event.name === 'navigationStart' &&
        event.args?.data?.isLoadingMainFrame === true &&
        (event.args.data.documentLoaderURL ?? '').startsWith(url),
    )
    .at(-1)
  if (!navigation) return []
  const totals = new Map<string, number>()
  for (const event of events) {
    if (event.ph !== 'X' || !workEvents.has(event.name)) continue
    if (event.pid !== navigation.pid || event.tid !== navigation.tid) continue
    const startMs = (event.ts - navigation.ts) / 1000
    if (startMs < 0 || startMs > loadEndMs) continue
    const data = event.args?.data
    const file = (data?.url ?? data?.styleSheetUrl ?? '').split('/').pop()
    const what = [event.name, data?.type, file].filter(Boolean).join(' ')
    totals.set(what, (totals.get(what) ?? 0) + (event.dur ?? 0) / 1000)
  }
  return [...totals]
    .map(([what, totalMs]) => ({ what, totalMs }))
    .sort((a, b) => b.totalMs - a.totalMs)
}

/** The largest kinds of work as one log line. */
export function describePageLoadWork(work: readonly PageLoadWork[], kinds = 10): string {
  if (work.length === 0) return 'no trace of the page load'
  return work
    .slice(0, kinds)
    .map((part) => `${part.what} ${part.totalMs.toFixed(0)} ms`)
    .join('; ')
}
