// In-page probes for benches and the soak. bench/ compiles without the DOM library (it is Node
// code), so the page globals the probes touch are typed here by hand; the callbacks passed to
// page.evaluate run in the browser and may not refer to anything outside themselves.
import type { Page } from '@playwright/test'

/** What `window.songyun.diagnostics()` reports (docs/kiosk-contract.md; renderer/diagnostics/diagnostics.ts). */
export interface KioskDiagnostics {
  readonly screen: string
  readonly language: string
  readonly mode: string
  readonly exhibit: string | null
  readonly webgl: {
    readonly geometries: number
    readonly textures: number
    readonly programs: number
    readonly calls: number
    readonly triangles?: number
    /** Drawing-buffer scale against a still frame's (renderer/scenes/interactiveResolution.ts). */
    readonly drawingScale?: number
  } | null
  readonly audio: { readonly loaded: number; readonly playing: number }
}

/** Frame-time figures from requestAnimationFrame deltas. */
export interface FrameTimeStats {
  readonly frameCount: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

/** One long task (≥ 50 ms on the main thread) as PerformanceObserver reported it. */
export interface LongTask {
  readonly startMs: number
  readonly durationMs: number
}

interface PageGlobals {
  songyun?: { diagnostics: () => KioskDiagnostics }
  PerformanceObserver: new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
  ) => {
    observe(options: { type: string; buffered: boolean }): void
  }
  __songyunLongTasks?: LongTask[]
  /** Spans from a first finger down to the last one up, on the page's clock. */
  __songyunTouchSpans?: { fromMs: number; toMs: number }[]
}

/** Reads `window.songyun.diagnostics()`; fails clearly when the app has not installed it. */
export async function readKioskDiagnostics(page: Page): Promise<KioskDiagnostics> {
  return page.evaluate(() => {
    const songyun = (globalThis as unknown as PageGlobals).songyun
    if (!songyun) throw new Error('window.songyun.diagnostics is not installed on this page')
    return songyun.diagnostics()
  })
}

/** The value at `fraction` (0..1) of the sorted samples, nearest-rank; NaN when there are none. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil(fraction * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!
}

/** Summarises frame intervals (ms) into percentiles. */
export function summariseFrameTimes(frameIntervalsMs: readonly number[]): FrameTimeStats {
  return {
    frameCount: frameIntervalsMs.length,
    p50Ms: percentile(frameIntervalsMs, 0.5),
    p95Ms: percentile(frameIntervalsMs, 0.95),
    p99Ms: percentile(frameIntervalsMs, 0.99),
    maxMs: frameIntervalsMs.length === 0 ? Number.NaN : Math.max(...frameIntervalsMs),
  }
}

// In-page source as a string: tsx (esbuild keepNames) wraps named functions in a `__name` helper
// that exists in Node but not in the page, so a named callback inside page.evaluate would throw.
const frameIntervalRecorderSource = `(windowMs) => new Promise((resolve) => {
  const intervals = []
  let firstMs
  let previousMs
  const onFrame = (nowMs) => {
    if (previousMs !== undefined) intervals.push(nowMs - previousMs)
    if (firstMs === undefined) firstMs = nowMs
    previousMs = nowMs
    if (nowMs - firstMs >= windowMs) resolve(intervals)
    else requestAnimationFrame(onFrame)
  }
  requestAnimationFrame(onFrame)
})`

/** Records requestAnimationFrame intervals for `durationMs` and returns them raw (ms). */
export async function recordFrameIntervals(page: Page, durationMs: number): Promise<number[]> {
  return page.evaluate<number[]>(`(${frameIntervalRecorderSource})(${Number(durationMs)})`)
}

/** Frame-time percentiles over `durationMs` of whatever the page is showing. */
export async function measureFrameTimes(page: Page, durationMs: number): Promise<FrameTimeStats> {
  return summariseFrameTimes(await recordFrameIntervals(page, durationMs))
}

/**
 * Starts collecting long tasks from the first script of every document this page loads (call
 * before `page.goto`). Read them with {@link readLongTasks}.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals
    g.__songyunLongTasks = []
    new g.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        g.__songyunLongTasks?.push({ startMs: entry.startTime, durationMs: entry.duration })
      }
    }).observe({ type: 'longtask', buffered: true })
    // When fingers are on the glass, so a bench can judge the tasks of an interaction alone.
    const spans: { fromMs: number; toMs: number }[] = (g.__songyunTouchSpans = [])
    const down = new Set<number>()
    addEventListener(
      'pointerdown',
      (event) => {
        if (down.size === 0)
          spans.push({ fromMs: performance.now(), toMs: Number.POSITIVE_INFINITY })
        down.add(event.pointerId)
      },
      true,
    )
    // A loop of anonymous handlers: tsx would wrap a named one in a helper the page lacks.
    for (const type of ['pointerup', 'pointercancel'] as const) {
      addEventListener(
        type,
        (event) => {
          if (down.delete(event.pointerId) && down.size === 0)
            spans.at(-1)!.toMs = performance.now()
        },
        true,
      )
    }
  })
}

/**
 * The long tasks that started while a finger was on the glass, or within `liftMs` after it lifted
 * (the frame the last move asked for), since `sinceMs`: what "no long task while inking" judges.
 */
export async function readLongTasksWhileTouched(
  page: Page,
  sinceMs: number,
  liftMs = 200,
): Promise<LongTask[]> {
  const tasks = await readLongTasksSince(page, sinceMs)
  const spans = await page.evaluate(() =>
    ((globalThis as unknown as PageGlobals).__songyunTouchSpans ?? []).map((span) => ({
      fromMs: span.fromMs,
      toMs: Number.isFinite(span.toMs) ? span.toMs : performance.now(),
    })),
  )
  return tasks.filter((task) =>
    spans.some((span) => task.startMs >= span.fromMs && task.startMs <= span.toMs + liftMs),
  )
}

/** The long tasks of the current document since it loaded (empty when none were recorded). */
export async function readLongTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => [...((globalThis as unknown as PageGlobals).__songyunLongTasks ?? [])])
}

/** Now on the page's performance clock, the clock long tasks' `startMs` are on. */
export async function pageClockMs(page: Page): Promise<number> {
  return page.evaluate(() => performance.now())
}

/**
 * The long tasks that started at or after `sinceMs` on the page's clock (see {@link pageClockMs}).
 * PerformanceObserver delivers entries late, so a count taken before an interaction can miss a
 * task that ended just before it: select by start time, after letting late entries arrive.
 */
export async function readLongTasksSince(
  page: Page,
  sinceMs: number,
  settleMs = 300,
): Promise<LongTask[]> {
  await page.waitForTimeout(settleMs)
  return (await readLongTasks(page)).filter((task) => task.startMs >= sinceMs)
}

/** Heap and DOM figures of the page. */
export interface PageMemoryMetrics {
  readonly jsHeapUsedBytes: number
  /** Elements in the live document: what a leak of mounted components shows up in. */
  readonly documentElementCount: number
  /**
   * Blink's count of DOM nodes (CDP Performance.getMetrics), detached ones included until Blink's
   * own collector runs; noisy from one reading to the next, so it is recorded, not judged.
   */
  readonly blinkNodeCount: number
  readonly jsEventListenerCount: number
}

/** Reads heap and DOM counts (CDP and the document) after asking for a garbage collection first. */
export async function readPageMemoryMetrics(page: Page): Promise<PageMemoryMetrics> {
  const session = await page.context().newCDPSession(page)
  try {
    await session.send('HeapProfiler.collectGarbage')
    await session.send('Performance.enable')
    const { metrics } = await session.send('Performance.getMetrics')
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN
    return {
      jsHeapUsedBytes: metric('JSHeapUsedSize'),
      documentElementCount: await page.evaluate(() => document.getElementsByTagName('*').length),
      blinkNodeCount: metric('Nodes'),
      jsEventListenerCount: metric('JSEventListeners'),
    }
  } finally {
    await session.detach()
  }
}
