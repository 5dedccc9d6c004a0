// One Chromium trace recorded over a CDP session of its own: the start, collection and end the
// bench's traces share (mainThreadTrace.ts for long tasks, pageLoadTrace.ts for a page's load).
import type { Page } from '@playwright/test'

/** A trace being recorded; `end` stops it, detaches its session and returns every event. */
export interface TraceRecording<TraceEvent> {
  end(): Promise<TraceEvent[]>
}

/** Starts tracing `page` in the given categories (comma-separated, as Chromium names them). */
export async function recordTrace<TraceEvent>(
  page: Page,
  categories: string,
): Promise<TraceRecording<TraceEvent>> {
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (message) => {
    events.push(...(message.value as unknown as TraceEvent[]))
  })
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' })
  return {
    async end() {
      const complete = new Promise<void>((resolve) =>
        cdp.once('Tracing.tracingComplete', () => resolve()),
      )
      await cdp.send('Tracing.end')
      await complete
      await cdp.detach()
      return events
    },
  }
}
