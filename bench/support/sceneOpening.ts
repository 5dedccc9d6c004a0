import type { Page } from '@playwright/test'
import { tapElement } from './kioskBrowser'
import { describeLongTasks, isBenchTraceOn, startMainThreadTrace } from './mainThreadTrace'
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
 * tile, waits for the scene and measures its idle frames. The menu is shown for its frame
 * measurement first, as a visitor reads it before choosing (the menu's idle warm-ups run then).
 */
export async function openSceneFromMenu(
  page: Page,
  url: string,
  options: SceneOpeningOptions,
): Promise<SceneOpening> {
  await recordLongTasks(page)
  await page.goto(url)
  await tapElement(page, '[data-screen="attract"]')
  return openFromMenu(page, options)
}

/**
 * Leaves the exhibit on screen by its home button and opens it again from the menu: a repeat
 * visit in the same page (what the page keeps between visits is warm, the GPU objects are not).
 */
export async function reopenSceneFromMenu(
  page: Page,
  options: SceneOpeningOptions,
): Promise<SceneOpening> {
  await tapElement(page, '[data-action="home"]')
  return openFromMenu(page, options)
}

async function openFromMenu(page: Page, options: SceneOpeningOptions): Promise<SceneOpening> {
  await page.locator('[data-screen="menu"]').waitFor()
  const menuFrames = await measureFrameTimes(page, menuFramesMs)

  // Whether the menu's warm-up had prepared the scene in the page's WebGL context by the tap
  // (SceneHost.prepare): an open before it pays for programs and pipelines itself.
  const preparedMs = await page.evaluate(
    () => performance.getEntriesByName('songyun:prepare')[0]?.duration,
  )
  options.log(
    preparedMs === undefined
      ? '  no scene prepared by the menu since the last open (once a page: a repeat visit never is)'
      : `  a scene was prepared while the menu was idle (${Math.round(preparedMs)} ms)`,
  )
  const trace = isBenchTraceOn ? await startMainThreadTrace(page) : undefined
  await page.evaluate(() => performance.clearMeasures())
  const openStartMs = Date.now()
  await tapElement(page, `[data-exhibit-id="${options.exhibitId}"]`)
  await options.waitUntilReady(page)
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  const openMs = Date.now() - openStartMs
  options.log(`opened in ${openMs} ms`)
  options.log(`  steps: ${await describeSceneSteps(page)}`)
  if (trace) options.log(`  ${describeLongTasks(await trace.stop()).join('\n  ')}`)

  const idleFrames = await measureFrameTimes(page, idleFramesMs)
  return { openMs, menuFrames, idleFrames }
}

/** The scene host's `songyun:` performance measures of the open (renderer/scenes/sceneSteps.ts). */
async function describeSceneSteps(page: Page): Promise<string> {
  const steps = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('songyun:'))
      .map((entry) => ({ name: entry.name, startMs: entry.startTime, durationMs: entry.duration })),
  )
  if (steps.length === 0) return 'none marked'
  const originMs = Math.min(...steps.map((step) => step.startMs))
  return steps
    .map(
      (step) =>
        `${step.name.slice('songyun:'.length)} +${Math.round(step.startMs - originMs)} ${Math.round(step.durationMs)} ms`,
    )
    .join(', ')
}
