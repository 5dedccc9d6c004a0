// When a screen is still enough to photograph: what the screenshot script waits for before each
// capture, so no picture catches the starting screen, a fade or an ink drop half way.
import type { Page } from '@playwright/test'

// In-page sources as strings: tsx (esbuild keepNames) wraps named functions in a `__name` helper
// that exists in Node but not in the page (see bench/support/pageProbes.ts).
const hasNoFiniteAnimationRunning = `document.getAnimations().every((animation) =>
  animation.playState !== 'running' ||
  animation.effect === null ||
  animation.effect.getComputedTiming().endTime === Infinity)`

// A 3D scene's picture is final once the scene host has redrawn it at full size, antialiased,
// after the last touch settled (renderer/scenes/sceneHost.ts); a page without a scene has none.
const isSceneFrameStillSource = `document.querySelector('canvas.scene-host-canvas') === null ||
  window.songyun?.diagnostics().webgl?.isStillFrameShown !== false`

const twoFramesSource = `new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(resolve)))`

/**
 * Waits until the starting screen has gone, the fonts have loaded, and no finite CSS or Web
 * Animation is running (screen fades, the cards drawer sliding in, ink drops; endless loops such
 * as a breathing seal do not count) and a 3D scene shows its still frame (full size,
 * antialiased: a scene just touched shows smaller, plain frames until the touch settles), then
 * for two more frames so the last state is painted. A finger held on a scene keeps its frames
 * plain: a view taken under the finger passes `isSceneStillAwaited: false`.
 */
export async function waitForSettledScreen(
  page: Page,
  timeoutMs = 60_000,
  { isSceneStillAwaited = true }: { readonly isSceneStillAwaited?: boolean } = {},
): Promise<void> {
  await page.locator('#starting-screen').waitFor({ state: 'detached', timeout: timeoutMs })
  await page.evaluate('document.fonts.ready.then(() => undefined)')
  // Polled every 100 ms: a transition that restarts each second (the idle countdown ring) leaves
  // gaps, and waiting for one of them is what is wanted. (Not waitForFunction: a string predicate
  // needs eval, which the kiosk's Content-Security-Policy forbids.)
  const deadlineMs = Date.now() + timeoutMs
  while (
    !(await page.evaluate(hasNoFiniteAnimationRunning)) ||
    (isSceneStillAwaited && !(await page.evaluate(isSceneFrameStillSource)))
  ) {
    if (Date.now() > deadlineMs) {
      throw new Error(`The screen was still animating after ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await page.evaluate(twoFramesSource)
}
