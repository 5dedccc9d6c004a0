import type { Page } from '@playwright/test'
import { tapElement } from './kioskBrowser'
import { measureFrameTimes, recordLongTasks, type FrameTimeStats } from './pageProbes'

/** What opening an exhibit scene from the menu measured. */
export interface SceneOpening {
  /** From the tap on the menu tile to two frames after the scene said it was ready. */
  readonly openMs: number
  /** The menu's frame times: the baseline, measured the same way in the same run. */
  readonly menuFrames: FrameTimeStats
  /** The scene's frame times while nobody touches it. */
  readonly idleFrames: FrameTimeStats
}

export interface SceneOpeningOptions {
  /** The menu tile's `data-exhibit-id`. */
  readonly exhibitId: string
  /** Resolves once the scene is built and ready for touch (e.g. its first station shows). */
  readonly waitUntilReady: (page: Page) => Promise<void>
  readonly log: (message: string) => void
}

const menuFramesMs = 2000
const idleFramesMs = 3000

/**
 * The common opening of the scene benches: records long tasks from the first script, loads the
 * kiosk at `url`, taps through the attract screen, measures the menu's frames, taps the exhibit's
 * tile, waits for the scene and measures its idle frames.
 */
export async function openSceneFromMenu(
  page: Page,
  url: string,
  options: SceneOpeningOptions,
): Promise<SceneOpening> {
  await recordLongTasks(page)
  await page.goto(url)
  await tapElement(page, '[data-screen="attract"]')
  await page.locator('[data-screen="menu"]').waitFor()
  const menuFrames = await measureFrameTimes(page, menuFramesMs)

  const openStartMs = Date.now()
  await tapElement(page, `[data-exhibit-id="${options.exhibitId}"]`)
  await options.waitUntilReady(page)
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  const openMs = Date.now() - openStartMs
  options.log(`opened in ${openMs} ms`)

  const idleFrames = await measureFrameTimes(page, idleFramesMs)
  return { openMs, menuFrames, idleFrames }
}
