import type { CDPSession, Page } from '@playwright/test'
import type { BenchCase, BenchRow } from '../benchCase'
import { launchKioskBrowser, tapElement } from '../support/kioskBrowser'
import { startKioskServer } from '../support/kioskServer'
import {
  geometryBudgetRows,
  longestTaskRow,
  sceneOpenAndIdleRows,
} from '../support/sceneBudgetRows'
import {
  measureFrameTimes,
  readLongTasks,
  recordLongTasks,
  summariseFrameTimes,
  recordFrameIntervals,
} from '../support/pageProbes'

interface Point {
  x: number
  y: number
}
interface Anchors {
  bowl: Point & { radiusXPx: number; radiusYPx: number }
  ewer: Point
  caddy: Point
}

async function anchorsOf(page: Page): Promise<Anchors> {
  const json = await page.locator('[data-tea-anchors]').getAttribute('data-tea-anchors')
  const box = await page.locator('.tea-exhibit__stage canvas').boundingBox()
  if (!json || !box) throw new Error('the tea scene did not report its anchors')
  const a = JSON.parse(json) as Anchors
  return {
    bowl: { ...a.bowl, x: a.bowl.x + box.x, y: a.bowl.y + box.y },
    ewer: { x: a.ewer.x + box.x, y: a.ewer.y + box.y },
    caddy: { x: a.caddy.x + box.x, y: a.caddy.y + box.y },
  }
}

async function touch(cdp: CDPSession, points: readonly Point[], stepMs: number): Promise<void> {
  const [first, ...rest] = points
  if (!first) return
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ ...first, id: 1 }],
  })
  for (const point of rest) {
    await new Promise((resolve) => setTimeout(resolve, stepMs))
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ ...point, id: 1 }],
    })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}

const onBowl = (a: Anchors, fraction: number, angle: number): Point => ({
  x: a.bowl.x + Math.cos(angle) * a.bowl.radiusXPx * fraction,
  y: a.bowl.y + Math.sin(angle) * a.bowl.radiusYPx * fraction,
})

const teaScene: BenchCase = {
  name: 'tea-scene',
  description:
    'tea table: open time, frame times idle and while whisking, draw calls, triangles, long tasks',
  async run({ log }) {
    const server = await startKioskServer()
    const kioskBrowser = await launchKioskBrowser()
    try {
      const { page } = kioskBrowser
      await recordLongTasks(page)
      await page.goto(server.url)
      await tapElement(page, '[data-screen="attract"]')
      await page.locator('[data-screen="menu"]').waitFor()
      // Baseline: the menu's frame times, measured the same way in the same run.
      const menuFrames = await measureFrameTimes(page, 2000)

      const openStartMs = Date.now()
      await tapElement(page, '[data-exhibit-id="tea-whisking"]')
      await page
        .locator('[data-tea-station="warm-bowl"][data-tea-anchors]')
        .waitFor({ timeout: 60_000 })
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      )
      const openMs = Date.now() - openStartMs
      log(`opened in ${openMs} ms`)

      const idleFrames = await measureFrameTimes(page, 3000)
      const a = await anchorsOf(page)
      const cdp = await page.context().newCDPSession(page)
      await touch(cdp, [onBowl(a, 0.2, 0)], 0)
      await touch(cdp, [a.caddy], 0)
      await touch(
        cdp,
        Array.from({ length: 40 }, (_, i) => onBowl(a, 0.25, (i / 10) * 2 * Math.PI)),
        30,
      )
      await page.locator('[data-tea-station="pour-1"]').waitFor()
      await touch(
        cdp,
        [a.ewer, ...Array.from({ length: 30 }, (_, i) => onBowl(a, 0.75, (i / 30) * 2 * Math.PI))],
        50,
      )

      const longTasksBefore = (await readLongTasks(page)).length
      const whiskFrames = recordFrameIntervals(page, 4000)
      await touch(
        cdp,
        Array.from({ length: 40 }, (_, i) => onBowl(a, 0.3, i % 2 === 0 ? 0.2 : Math.PI + 0.2)),
        90,
      )
      const whisking = summariseFrameTimes(await whiskFrames)
      const longTasks = (await readLongTasks(page)).slice(longTasksBefore)
      await page.waitForTimeout(1200)
      const drawCalls = Number(
        await page.locator('[data-tea-draw-calls]').getAttribute('data-tea-draw-calls'),
      )
      const triangles = Number(
        await page.locator('[data-tea-triangles]').getAttribute('data-tea-triangles'),
      )
      const longestTaskMs = Math.max(0, ...longTasks.map((t) => t.durationMs))

      const rows: BenchRow[] = [
        ...sceneOpenAndIdleRows(openMs, menuFrames, idleFrames),
        { metric: 'whisking frame p50', value: whisking.p50Ms, unit: 'ms' },
        { metric: 'whisking frame p95', value: whisking.p95Ms, unit: 'ms' },
        ...geometryBudgetRows(drawCalls, triangles),
        longestTaskRow('longest task while whisking', longestTaskMs),
      ]
      return rows
    } finally {
      await kioskBrowser.close()
      await server.stop()
    }
  },
}

export default teaScene
