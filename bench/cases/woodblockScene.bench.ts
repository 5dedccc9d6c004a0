import type { Page } from '@playwright/test'
import type { BenchCase, BenchRow } from '../benchCase'
import { launchKioskBrowser, tapElement } from '../support/kioskBrowser'
import {
  describeLongestTask,
  isBenchTraceOn,
  startMainThreadTrace,
  type MainThreadTrace,
} from '../support/mainThreadTrace'
import { openSceneFromMenu } from '../support/sceneOpening'
import { startKioskServer } from '../support/kioskServer'
import {
  geometryBudgetRows,
  longestTaskRow,
  sceneOpenAndIdleRows,
  textureBudgetRow,
  drawingScaleRows,
} from '../support/sceneBudgetRows'
import {
  readKioskDiagnostics,
  pageClockMs,
  readLongTasksWhileTouched,
  recordFrameIntervals,
  summariseFrameTimes,
} from '../support/pageProbes'
import {
  chiselBlock,
  foldDrag,
  peelDrag,
  sweepBlock,
  transferByTouch,
  waitForSteadyBlock,
  waitForWoodblockPhase,
  woodblockRenderCost,
  writeSongByTouch,
} from '../../tests/e2e/support/woodblockTouch'

/** Delay between touch moves while inking and rubbing: about a finger's pace. */
const strokeStepMs = 40

/**
 * With `BENCH_TRACE=1`, traces the main thread over one part of the print and logs what filled its
 * longest task (script: height field, repaints, uploads; or the wait for the rasteriser).
 */
async function traced<T>(
  page: Page,
  label: string,
  log: (message: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const trace: MainThreadTrace | undefined = isBenchTraceOn
    ? await startMainThreadTrace(page)
    : undefined
  const result = await work()
  if (!trace) return result
  const tasks = await trace.stop()
  log(`${label}: ${describeLongestTask(tasks)}`)
  // The rest by length, in brief: several tasks of one kind point at a per-frame cost.
  const others = [...tasks].sort((a, b) => b.durationMs - a.durationMs).slice(1, 8)
  for (const task of others)
    log(
      `  then ${task.durationMs.toFixed(0)} ms: ${describeLongestTask([task], 4).replace(/^longest task [\d.]+ ms: /, '')}`,
    )
  return result
}

const woodblockScene: BenchCase = {
  name: 'woodblock-scene',
  description:
    'woodblock workshop: open time, frame times idle and over a scripted print (write, carve, ink, rub), draw calls, triangles, texture bytes, long tasks',
  async run({ log }) {
    const server = await startKioskServer()
    const kioskBrowser = await launchKioskBrowser()
    try {
      const { page } = kioskBrowser
      // The opening traces itself (sceneOpening.ts): one trace at a time per browser.
      const opening = await openSceneFromMenu(page, server.url, {
        exhibitId: 'woodblock-printing',
        waitUntilReady: (p) => waitForWoodblockPhase(p, 'write-sample', 60_000),
        log,
      })
      const cdp = await page.context().newCDPSession(page)
      await waitForSteadyBlock(page)

      // 写样 by finger, then 刻版 with the chisel: frames and long tasks while the finger is down.
      const writingStartMs = await pageClockMs(page)
      const writingFrames = recordFrameIntervals(page, 4000)
      await traced(page, 'writing', log, () => writeSongByTouch(page, cdp, strokeStepMs / 2))
      const writing = summariseFrameTimes(await writingFrames)
      const writingTasks = await readLongTasksWhileTouched(page, writingStartMs)
      await tapElement(page, '[data-action="woodblock-next"]')
      await waitForWoodblockPhase(page, 'transfer')
      await transferByTouch(page, cdp)
      await waitForWoodblockPhase(page, 'carve')
      await waitForSteadyBlock(page)
      const carvingStartMs = await pageClockMs(page)
      const carvingFrames = recordFrameIntervals(page, 4000)
      await traced(page, 'carving', log, () => chiselBlock(page, cdp, 14, strokeStepMs / 4))
      const carving = summariseFrameTimes(await carvingFrames)
      const carvingTasks = (await readLongTasksWhileTouched(page, carvingStartMs)).filter(
        (task) => task.startMs >= carvingStartMs,
      )
      const carvingCost = await woodblockRenderCost(page)
      await tapElement(page, '[data-action="woodblock-next"]')
      await waitForWoodblockPhase(page, 'ink', 60_000)
      await waitForSteadyBlock(page)

      // Long tasks count while a finger is on the block (the "while inking or rubbing"):
      // station buttons and camera moves in between are not judged here.
      const interactionStartMs = await pageClockMs(page)
      const inkingFrames = recordFrameIntervals(page, 4000)
      await traced(page, 'inking', log, () => sweepBlock(page, cdp, 9, 8, strokeStepMs))
      const inking = summariseFrameTimes(await inkingFrames)
      const inkingCost = await woodblockRenderCost(page)
      await tapElement(page, '[data-action="woodblock-next"]')
      await waitForWoodblockPhase(page, 'lay-paper')
      await foldDrag(page, cdp, 'right')
      await waitForWoodblockPhase(page, 'rub')
      await waitForSteadyBlock(page)

      const rubbingFrames = recordFrameIntervals(page, 4000)
      await traced(page, 'rubbing', log, async () => {
        await sweepBlock(page, cdp, 9, 8, strokeStepMs)
        await sweepBlock(page, cdp, 9, 3, strokeStepMs)
      })
      const touchedScale = (await readKioskDiagnostics(page)).webgl?.drawingScale ?? Number.NaN
      const rubbing = summariseFrameTimes(await rubbingFrames)
      const longTasks = await readLongTasksWhileTouched(page, interactionStartMs)
      const rubbingCost = await woodblockRenderCost(page)
      await page.waitForTimeout(1000)
      const stillScale = (await readKioskDiagnostics(page)).webgl?.drawingScale ?? Number.NaN
      await tapElement(page, '[data-action="woodblock-next"]')
      await waitForWoodblockPhase(page, 'lift')
      await waitForSteadyBlock(page)
      await peelDrag(page, cdp)
      await waitForWoodblockPhase(page, 'printed')
      const verdict = await page
        .locator('[data-woodblock-print] canvas.woodblock__sheet-canvas')
        .getAttribute('data-verdict')
      log(`print verdict: ${verdict}`)

      const drawCalls = Math.max(carvingCost.calls, inkingCost.calls, rubbingCost.calls)
      const triangles = Math.max(carvingCost.triangles, inkingCost.triangles, rubbingCost.triangles)
      const textureBytes = Math.max(
        carvingCost.textureBytes,
        inkingCost.textureBytes,
        rubbingCost.textureBytes,
      )
      const longest = (tasks: readonly { durationMs: number }[]) =>
        Math.max(0, ...tasks.map((task) => task.durationMs))
      const longestTaskMs = longest(longTasks)
      const webgl = (await readKioskDiagnostics(page)).webgl

      const rows: BenchRow[] = [
        ...sceneOpenAndIdleRows(opening.openMs, opening.menuFrames, opening.idleFrames),
        { metric: 'writing frame p50', value: writing.p50Ms, unit: 'ms' },
        { metric: 'writing frame p95', value: writing.p95Ms, unit: 'ms' },
        { metric: 'carving frame p50', value: carving.p50Ms, unit: 'ms' },
        { metric: 'carving frame p95', value: carving.p95Ms, unit: 'ms' },
        { metric: 'inking frame p50', value: inking.p50Ms, unit: 'ms' },
        { metric: 'inking frame p95', value: inking.p95Ms, unit: 'ms' },
        { metric: 'rubbing frame p50', value: rubbing.p50Ms, unit: 'ms' },
        { metric: 'rubbing frame p95', value: rubbing.p95Ms, unit: 'ms' },
        ...geometryBudgetRows(drawCalls, triangles),
        textureBudgetRow(textureBytes),
        longestTaskRow('longest task while writing', longest(writingTasks)),
        longestTaskRow('longest task while carving', longest(carvingTasks)),
        longestTaskRow('longest task while inking and rubbing', longestTaskMs),
        ...drawingScaleRows(touchedScale, stillScale),
        {
          metric: 'live textures at the print',
          value: webgl?.textures ?? Number.NaN,
          unit: 'textures',
        },
      ]
      return rows
    } finally {
      await kioskBrowser.close()
      await server.stop()
    }
  },
}

export default woodblockScene
