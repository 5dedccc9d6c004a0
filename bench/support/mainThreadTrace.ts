// Chromium tracing of the page's main thread, to say what a long task is made of: script (which
// function), animation frames, input dispatch, GPU command-buffer waits, style or layout.
import type { Page } from '@playwright/test'
import { recordTrace } from './traceRecording'

/** One trace event as Chromium writes it (durations and times in µs). */
interface TraceEvent {
  readonly name: string
  readonly cat: string
  readonly ph: string
  readonly ts: number
  readonly dur?: number
  readonly pid: number
  readonly tid: number
  readonly args?: {
    readonly name?: string
    readonly data?: {
      readonly type?: string
      readonly functionName?: string
      readonly url?: string
    }
  }
}

/** What ran inside one long task of the main thread. */
export interface LongTaskBreakdown {
  readonly startMs: number
  readonly durationMs: number
  /** Nested trace events grouped by name (with event type or function), longest total first. */
  readonly parts: readonly {
    readonly what: string
    readonly totalMs: number
    readonly count: number
  }[]
}

const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink',
  'gpu',
  'cc',
].join(',')

/** A running trace; `stop` ends it and returns the main thread's tasks longer than the limit. */
export interface MainThreadTrace {
  stop(longTaskMs?: number): Promise<LongTaskBreakdown[]>
}

/** Starts tracing `page` (one CDP session of its own, detached on stop). */
export async function startMainThreadTrace(page: Page): Promise<MainThreadTrace> {
  const recording = await recordTrace<TraceEvent>(page, categories)
  return {
    async stop(longTaskMs = 50) {
      return longTasksOf(await recording.end(), longTaskMs)
    },
  }
}

function describe(event: TraceEvent): string {
  const data = event.args?.data
  if (data?.type) return `${event.name} ${data.type}`
  if (data?.functionName !== undefined || data?.url) {
    const file = (data.url ?? '').split('/').pop()
    return `${event.name} ${data.functionName || '(anonymous)'} ${file}`
  }
  return event.name
}

/** The events not nested inside another on their thread (the thread's tasks). */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const endByThread = new Map<string, number>()
  return sorted.filter((event) => {
    const thread = `${event.pid}:${event.tid}`
    if (event.ts < (endByThread.get(thread) ?? -Infinity)) return false
    endByThread.set(thread, event.ts + (event.dur ?? 0))
    return true
  })
}

/** The renderer main thread's top-level tasks over `longTaskMs`, with what each contained. */
export function longTasksOf(
  events: readonly TraceEvent[],
  longTaskMs: number,
): LongTaskBreakdown[] {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`))
  const tasks = outermost(onMain).filter((e) => (e.dur ?? 0) / 1000 > longTaskMs)
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0)
    const parts = new Map<string, { totalMs: number; count: number }>()
    for (const event of onMain) {
      if (event === task || event.pid !== task.pid || event.tid !== task.tid) continue
      if (event.ts < task.ts || event.ts + (event.dur ?? 0) > end) continue
      const key = describe(event)
      const part = parts.get(key) ?? { totalMs: 0, count: 0 }
      part.totalMs += (event.dur ?? 0) / 1000
      part.count++
      parts.set(key, part)
    }
    return {
      startMs: task.ts / 1000,
      durationMs: (task.dur ?? 0) / 1000,
      parts: [...parts]
        .map(([what, part]) => ({ what, ...part }))
        .sort((a, b) => b.totalMs - a.totalMs),
    }
  })
}

/** Whether the scene benches trace their interaction (`BENCH_TRACE=1`; tracing costs a little). */
export const isBenchTraceOn = process.env.BENCH_TRACE === '1'

/** One line per long task of a trace (in order), with the parts that filled most of it. */
export function describeLongTasks(tasks: readonly LongTaskBreakdown[], parts = 6): string[] {
  if (tasks.length === 0) return ['no long task in the trace']
  const originMs = tasks[0]!.startMs
  return tasks.map((task) => {
    const inside = task.parts
      .slice(0, parts)
      .map((part) => `${part.what} ${part.totalMs.toFixed(1)} ms`)
      .join('; ')
    return `task +${Math.round(task.startMs - originMs)} ${task.durationMs.toFixed(1)} ms: ${inside}`
  })
}

/** One line on the longest task of a trace and the parts that filled most of it. */
export function describeLongestTask(tasks: readonly LongTaskBreakdown[], parts = 16): string {
  const longest = [...tasks].sort((a, b) => b.durationMs - a.durationMs)[0]
  if (!longest) return 'no long task in the trace'
  const inside = longest.parts
    .slice(0, parts)
    .map((part) => `${part.what} ${part.totalMs.toFixed(1)} ms`)
    .join('; ')
  return `longest task ${longest.durationMs.toFixed(1)} ms: ${inside}`
}
