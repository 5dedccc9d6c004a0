import { performance } from 'node:perf_hooks'
import type { Page } from '@playwright/test'
import type { BenchCase, BenchRow } from '../benchCase'
import { launchKioskBrowser, tapElement } from '../support/kioskBrowser'
import { startBareStaticServer, startKioskServer } from '../support/kioskServer'
import { isBenchTraceOn } from '../support/mainThreadTrace'
import { percentile } from '../support/pageProbes'
import { describePageLoadWork, startPageLoadTrace } from '../support/pageLoadTrace'
import {
  describeStartBreakdown,
  readStartBreakdown,
  watchScreenShown,
  type StartBreakdown,
} from '../support/startBreakdown'

/** Cold starts per side; the median is reported so one slow start on a shared machine does not decide. */
const startRuns = 5
const startTargetMs = 1500
const startTargetRatio = 2

interface ExhibitFrameProbe {
  __songyunExhibitFrameMs?: number
  __songyunTapMs?: number
}

/** Waits until the attract screen is on screen and its page has finished loading. */
async function waitForAttractInteractive(page: Page): Promise<void> {
  await page.locator('[data-screen="attract"]').waitFor({ state: 'visible' })
  await page.waitForFunction(() => document.readyState === 'complete')
}

/**
 * Arms an in-page watch: the time of the first touch, and of the first animation frame after
 * `[data-screen="exhibit"]` is in the document. Both in the page's clock, so no IPC is timed.
 */
async function armExhibitFrameProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as ExhibitFrameProbe & typeof globalThis
    delete g.__songyunExhibitFrameMs
    delete g.__songyunTapMs
    g.addEventListener('pointerdown', () => (g.__songyunTapMs ??= performance.now()), {
      capture: true,
      once: true,
    })
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-screen="exhibit"]')) return
      observer.disconnect()
      requestAnimationFrame(() => (g.__songyunExhibitFrameMs = performance.now()))
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
}

/**
 * The restart page's milestones (median, ms from navigation start on the page's clock) beside
 * the bare page's, so a regression shows where it lies: the HTML's tail (waiting for the
 * services), the scripts, the fonts, or the page's own work.
 */
function breakdownRows(
  kiosk: readonly StartBreakdown[],
  bare: readonly StartBreakdown[],
): BenchRow[] {
  const medianOf = (breakdowns: readonly StartBreakdown[], key: keyof StartBreakdown) =>
    percentile(
      breakdowns.map((breakdown) => breakdown[key]),
      0.5,
    )
  const milestones: [keyof StartBreakdown, string, string][] = [
    ['htmlFirstByteMs', 'restart page: HTML first byte', 'ms'],
    ['htmlCompleteMs', 'restart page: HTML complete (first-screen data in)', 'ms'],
    ['scriptsLoadedMs', 'restart page: scripts loaded', 'ms'],
    ['fontsLoadedMs', 'restart page: fonts loaded', 'ms'],
    ['fontFileCount', 'restart page: font files', 'files'],
    ['apiRequestCount', 'restart page: API requests before the attract screen', 'requests'],
    ['firstContentfulPaintMs', 'restart page: first contentful paint', 'ms'],
    // Between the scripts' arrival and DOMContentLoaded the app's code runs and mounts.
    ['domContentLoadedMs', 'restart page: DOMContentLoaded (app mounted)', 'ms'],
    ['screenShownMs', 'restart page: attract screen shown', 'ms'],
    // From its start to its end the page's load handlers run (the attract painting's set-up).
    ['loadEventStartMs', 'restart page: load event start', 'ms'],
    ['loadEventEndMs', 'restart page: load event end', 'ms'],
    ['requestCount', 'restart page: requests before interactive', 'requests'],
  ]
  return milestones.map(([key, metric, unit]) => ({
    metric,
    value: medianOf(kiosk, key),
    unit,
    baseline: medianOf(bare, key),
  }))
}

const serveStart: BenchCase = {
  name: 'serve-start',
  description:
    '`songyun serve` process start → attract interactive (vs a bare page), and tap → first exhibit frame',
  async run({ log }) {
    const kioskBrowser = await launchKioskBrowser()
    try {
      const kioskStartsMs: number[] = []
      const kioskRestartsMs: number[] = []
      const listeningAfterRestartMs: number[] = []
      const bareStartsMs: number[] = []
      const kioskBreakdowns: StartBreakdown[] = []
      const bareBreakdowns: StartBreakdown[] = []
      for (let run = 0; run < startRuns; run++) {
        const bareStartedAt = performance.now()
        const bare = await startBareStaticServer()
        const barePage = await kioskBrowser.newColdPage()
        await watchScreenShown(barePage, '[data-screen="bare"]')
        // With BENCH_TRACE=1 both pages' loads are traced (tracing costs both a little).
        const bareTrace = isBenchTraceOn ? await startPageLoadTrace(barePage, bare.url) : undefined
        await barePage.goto(bare.url)
        await barePage.locator('[data-screen="bare"]').waitFor({ state: 'visible' })
        await barePage.waitForFunction(() => document.readyState === 'complete')
        bareStartsMs.push(performance.now() - bareStartedAt)
        bareBreakdowns.push(await readStartBreakdown(barePage))
        if (bareTrace) log(`  bare page work:    ${describePageLoadWork(await bareTrace.stop())}`)
        await barePage.context().close()
        await bare.stop()

        const kioskStartedAt = performance.now()
        const server = await startKioskServer()
        const page = await kioskBrowser.newColdPage()
        await page.goto(server.url)
        await waitForAttractInteractive(page)
        kioskStartsMs.push(performance.now() - kioskStartedAt)
        await page.context().close()

        // A kiosk's everyday start: the data folder is set up (built-in pack installed) already.
        // Timed from the old process's exit, as the bare page is timed from its spawn: the old
        // process's shutdown is no part of a start.
        let restartedAt = 0
        await server.restart(() => (restartedAt = performance.now()))
        listeningAfterRestartMs.push(performance.now() - restartedAt)
        const restartPage = await kioskBrowser.newColdPage()
        await watchScreenShown(restartPage, '[data-screen="attract"]')
        const restartTrace = isBenchTraceOn
          ? await startPageLoadTrace(restartPage, server.url)
          : undefined
        await restartPage.goto(server.url)
        await waitForAttractInteractive(restartPage)
        kioskRestartsMs.push(performance.now() - restartedAt)
        kioskBreakdowns.push(await readStartBreakdown(restartPage))
        if (restartTrace) {
          log(`  restart page work: ${describePageLoadWork(await restartTrace.stop())}`)
        }
        await restartPage.context().close()
        await server.stop()
        log(
          `run ${run + 1}: first start ${kioskStartsMs.at(-1)!.toFixed(0)} ms, restart ${kioskRestartsMs.at(-1)!.toFixed(0)} ms, bare ${bareStartsMs.at(-1)!.toFixed(0)} ms`,
        )
        log(`  restart page: ${describeStartBreakdown(kioskBreakdowns.at(-1)!)}`)
        log(`  bare page:    ${describeStartBreakdown(bareBreakdowns.at(-1)!)}`)
      }
      const bareStartMs = percentile(bareStartsMs, 0.5)
      const startRow = (metric: string, samplesMs: readonly number[]): BenchRow => {
        const valueMs = percentile(samplesMs, 0.5)
        const ratio = valueMs / bareStartMs
        return {
          metric,
          value: valueMs,
          unit: 'ms',
          baseline: bareStartMs,
          ratio,
          target: `≤ ${startTargetMs / 1000} s, ≤ ${startTargetRatio}×`,
          isWithinTarget: valueMs <= startTargetMs && ratio <= startTargetRatio,
        }
      }
      const rows: BenchRow[] = [
        startRow('serve restart → attract interactive (median)', kioskRestartsMs),
        startRow('first start, empty data folder → attract (median)', kioskStartsMs),
        // The host listens before the services' code loads (main/web/browserShell.ts).
        {
          metric: 'serve restart → host listening (median)',
          value: percentile(listeningAfterRestartMs, 0.5),
          unit: 'ms',
        },
        ...breakdownRows(kioskBreakdowns, bareBreakdowns),
      ]

      // Tap → first exhibit frame, for every exhibit tile of the built-in content, warm page.
      const server = await startKioskServer()
      try {
        const page = await kioskBrowser.newColdPage()
        await page.goto(server.url)
        await waitForAttractInteractive(page)
        await tapElement(page, '[data-screen="attract"]')
        await page
          .locator('[data-screen="menu"] [data-exhibit-id]')
          .first()
          .waitFor({ state: 'visible' })
        const exhibitIds = await page
          .locator('[data-screen="menu"] [data-exhibit-id]')
          .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-exhibit-id') ?? ''))
        for (const exhibitId of exhibitIds) {
          await armExhibitFrameProbe(page)
          await tapElement(page, `[data-screen="menu"] [data-exhibit-id="${exhibitId}"]`)
          const handle = await page.waitForFunction(() => {
            const g = globalThis as unknown as ExhibitFrameProbe
            return g.__songyunExhibitFrameMs !== undefined && g.__songyunTapMs !== undefined
              ? g.__songyunExhibitFrameMs - g.__songyunTapMs
              : undefined
          })
          const tapToFrameMs = (await handle.jsonValue()) as number
          rows.push({ metric: `tap → first ${exhibitId} frame`, value: tapToFrameMs, unit: 'ms' })
          await tapElement(page, '[data-action="home"]')
          await page
            .locator('[data-screen="attract"], [data-screen="menu"]')
            .first()
            .waitFor({ state: 'visible' })
          if (await page.locator('[data-screen="attract"]').isVisible())
            await tapElement(page, '[data-screen="attract"]')
          await page.locator('[data-screen="menu"]').waitFor({ state: 'visible' })
        }
      } finally {
        await server.stop()
      }
      return rows
    } finally {
      await kioskBrowser.close()
    }
  },
}

export default serveStart
