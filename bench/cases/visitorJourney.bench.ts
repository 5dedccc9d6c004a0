import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { exhibitCodePrefetchMark } from '../../renderer/startup/exhibitCodePrefetchMark'
import type { BenchCase, BenchRow } from '../benchCase'
import { launchKioskBrowser, tapElement } from '../support/kioskBrowser'
import { startKioskServer } from '../support/kioskServer'
import {
  describeLongestTask,
  isBenchTraceOn,
  startMainThreadTrace,
} from '../support/mainThreadTrace'
import {
  readLongTasks,
  readPageMemoryMetrics,
  recordLongTasks,
  type LongTask,
} from '../support/pageProbes'

const attractJsBudgetBytes = 250 * 1024
const longTaskBudgetMs = 50
/** Time for a transition's work (and any long task it causes) to settle before reading. */
const settleMs = 1500
/** How long the attract loop runs between the two memory readings. */
const attractSoakMs = 30_000
/** Heap the attract loop may gain in that time (noise); the soak harness covers hours. */
const attractHeapGrowthBudgetBytes = 1024 * 1024

/** Gzipped size of every script the page has fetched so far (what the attract screen costs). */
async function gzippedScriptBytes(page: Page, scriptUrls: readonly string[]): Promise<number> {
  let total = 0
  for (const url of new Set(scriptUrls)) {
    const body = await (await page.request.get(url)).body()
    total += gzipSync(body, { level: 9 }).byteLength
  }
  return total
}

/**
 * The scripts the page fetched before the menu's idle prefetch of exhibit code began (the
 * `exhibitCodePrefetchMark` it sets), and those fetched from then on. Without the mark (the
 * prefetch has not begun) every script is the page's own.
 */
async function scriptsAroundPrefetch(
  page: Page,
): Promise<{ ownScripts: string[]; prefetchedScripts: string[] }> {
  // No named function inside: tsx would wrap it in a `__name` helper the page does not have.
  const [ownScripts, prefetchedScripts] = await page.evaluate((markName) => {
    const markStartMs = performance.getEntriesByName(markName)[0]?.startTime ?? Infinity
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => /\.m?js(\?|$)/.test(entry.name))
    return [
      scripts.filter((entry) => entry.startTime < markStartMs).map((entry) => entry.name),
      scripts.filter((entry) => entry.startTime >= markStartMs).map((entry) => entry.name),
    ]
  }, exhibitCodePrefetchMark)
  return { ownScripts: ownScripts, prefetchedScripts: prefetchedScripts }
}

/**
 * Runs `step` and returns the long tasks that started while it ran and settled. With BENCH_TRACE=1
 * it also logs what the longest task of the step was made of.
 */
async function longTasksDuring(
  page: Page,
  step: () => Promise<void>,
  log?: (message: string) => void,
): Promise<LongTask[]> {
  const before = (await readLongTasks(page)).length
  const trace = isBenchTraceOn && log ? await startMainThreadTrace(page) : undefined
  await step()
  await page.waitForTimeout(settleMs)
  if (trace) log?.(describeLongestTask(await trace.stop()))
  return (await readLongTasks(page)).slice(before)
}

function longTaskRow(phase: string, tasks: readonly LongTask[]): BenchRow {
  const longestMs = Math.max(0, ...tasks.map((task) => task.durationMs))
  return {
    metric: `longest task: ${phase} (${tasks.length} over 50 ms)`,
    value: Math.round(longestMs),
    unit: 'ms',
    target: `none > ${longTaskBudgetMs} ms`,
    isWithinTarget: tasks.length === 0,
  }
}

const visitorJourney: BenchCase = {
  name: 'visitor-journey',
  description:
    'attract-screen JS (gzip) and long tasks during taps, transitions, language switch and an idle reset',
  async run({ log }) {
    const rows: BenchRow[] = []
    const server = await startKioskServer()
    const kioskBrowser = await launchKioskBrowser()
    try {
      const { page } = kioskBrowser
      const scriptUrls: string[] = []
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scriptUrls.push(request.url())
      })
      await recordLongTasks(page)
      await page.goto(server.url)
      await page.locator('[data-screen="attract"]').waitFor()
      await page.waitForLoadState('networkidle')
      const attractBytes = await gzippedScriptBytes(page, scriptUrls)
      log(
        `attract screen: ${scriptUrls.length} scripts, ${(attractBytes / 1024).toFixed(1)} KiB gzip`,
      )
      rows.push({
        metric: 'attract screen JS (gzip)',
        value: Math.round((attractBytes / 1024) * 10) / 10,
        unit: 'KiB',
        baseline: attractJsBudgetBytes / 1024,
        ratio: attractBytes / attractJsBudgetBytes,
        target: '≤ 250 KiB',
        isWithinTarget: attractBytes <= attractJsBudgetBytes,
      })

      // The attract loop left alone: after a garbage collection, the heap must not grow.
      await page.waitForTimeout(3000)
      const memoryBefore = await readPageMemoryMetrics(page)
      await page.waitForTimeout(attractSoakMs)
      const memoryAfter = await readPageMemoryMetrics(page)
      const heapGrowthBytes = memoryAfter.jsHeapUsedBytes - memoryBefore.jsHeapUsedBytes
      log(`attract heap ${memoryBefore.jsHeapUsedBytes} → ${memoryAfter.jsHeapUsedBytes} bytes`)
      rows.push({
        metric: `attract loop heap growth over ${attractSoakMs / 1000} s`,
        value: Math.round(heapGrowthBytes / 1024),
        unit: 'KiB',
        target: '≤ 1024 KiB',
        isWithinTarget: heapGrowthBytes <= attractHeapGrowthBudgetBytes,
      })
      rows.push({
        metric: `attract loop DOM elements before → after`,
        value: memoryAfter.documentElementCount,
        unit: 'elements',
        baseline: memoryBefore.documentElementCount,
        target: 'no growth',
        isWithinTarget: memoryAfter.documentElementCount <= memoryBefore.documentElementCount,
      })

      rows.push(
        longTaskRow(
          'tap attract → menu',
          await longTasksDuring(
            page,
            async () => {
              await tapElement(page, '[data-screen="attract"]')
              await page.locator('[data-screen="menu"] [data-exhibit-id]').first().waitFor()
            },
            log,
          ),
        ),
      )
      // The attract screen and the menu carry no exhibit code of their own; once the menu is idle
      // it fetches the offered exhibits' code on purpose (renderer/startup/exhibitWarmUps.ts).
      // The page marks when that prefetch began: scripts fetched before it are the menu's own.
      await page.waitForTimeout(settleMs) // let the prefetch run, to report what it fetched
      const { ownScripts, prefetchedScripts } = await scriptsAroundPrefetch(page)
      const menuBytes = await gzippedScriptBytes(page, ownScripts)
      const prefetchBytes = await gzippedScriptBytes(page, prefetchedScripts)
      log(
        `menu before idle prefetch: ${ownScripts.length} scripts, idle prefetch: ${prefetchedScripts.length}`,
      )
      rows.push({
        metric: 'attract + menu JS before the idle prefetch (gzip)',
        value: Math.round((menuBytes / 1024) * 10) / 10,
        unit: 'KiB',
        target: 'no exhibit code',
        isWithinTarget: !ownScripts.some((url) => /Exhibit|three/i.test(url)),
      })
      rows.push({
        metric: `menu's idle prefetch of exhibit code (gzip, ${prefetchedScripts.length} scripts)`,
        value: Math.round((prefetchBytes / 1024) * 10) / 10,
        unit: 'KiB',
        target: 'fetched once idle',
        isWithinTarget: true,
      })

      rows.push(
        longTaskRow(
          'language switch on the menu',
          await longTasksDuring(page, () => tapElement(page, '[data-action="language"]')),
        ),
      )
      rows.push(
        longTaskRow(
          'menu → exhibit frame (folk music)',
          await longTasksDuring(
            page,
            async () => {
              await tapElement(page, '[data-exhibit-id="folk-music"]')
              await page.locator('[data-screen="exhibit"] [data-station-id]').first().waitFor()
            },
            log,
          ),
        ),
      )
      rows.push(
        longTaskRow(
          'open the knowledge cards',
          await longTasksDuring(page, () => tapElement(page, '[data-action="cards"]')),
        ),
      )
      rows.push(
        longTaskRow(
          'exhibit → menu (home)',
          await longTasksDuring(page, async () => {
            await tapElement(page, '[data-action="home"]')
            await page.locator('[data-screen="menu"]').waitFor()
          }),
        ),
      )
    } finally {
      await kioskBrowser.close()
      await server.stop()
    }

    // The idle reset, on a kiosk set to the shortest timing settings.json allows.
    const idleServer = await startKioskServer({ idleTimeoutSeconds: 5, idleWarningSeconds: 3 })
    const idleBrowser = await launchKioskBrowser()
    try {
      const { page } = idleBrowser
      await recordLongTasks(page)
      await page.goto(idleServer.url)
      await tapElement(page, '[data-screen="attract"]')
      await tapElement(page, '[data-exhibit-id="folk-music"]')
      await page.locator('[data-screen="exhibit"] [data-station-id]').first().waitFor()
      await page.waitForTimeout(settleMs)
      rows.push(
        longTaskRow(
          'idle warning and reset to the attract loop',
          await longTasksDuring(
            page,
            async () => {
              await page.locator('[data-overlay="idle-warning"]').waitFor({ timeout: 15_000 })
              await page.locator('[data-screen="attract"]').waitFor({ timeout: 15_000 })
            },
            log,
          ),
        ),
      )
    } finally {
      await idleBrowser.close()
      await idleServer.stop()
    }
    return rows
  },
}

export default visitorJourney
