// The woodblock's "next step" tap, as the e2e tests make it.
import type { Page } from '@playwright/test'
import { expect, tap } from './kioskTest'
import { woodblockPhase } from './woodblockTouch'

/** How long one tap is given to move the station on before it counts as lost. */
const tapAnswerMs = 4_000
const nextStep = '[data-action="woodblock-next"]'

/**
 * Starts a fresh record of the touch, pointer and click events that reach the page (with their
 * targets: the next-step control or a tag name), so a tap that does not act says where it went.
 */
async function recordTouches(page: Page): Promise<() => Promise<string>> {
  await page.evaluate((watched) => {
    const probe = window as unknown as { touchesSeen?: string[] }
    if (probe.touchesSeen) {
      probe.touchesSeen.length = 0
      return
    }
    const seen: string[] = []
    probe.touchesSeen = seen
    const name = (target: EventTarget | null) =>
      target instanceof Element
        ? target.matches(watched)
          ? 'the control'
          : target.tagName.toLowerCase()
        : 'window'
    const startedMs = performance.now()
    for (const type of [
      'touchstart',
      'touchend',
      'touchcancel',
      'pointerdown',
      'pointerup',
      'pointercancel',
      'gotpointercapture',
      'lostpointercapture',
      'click',
      'contextmenu',
    ])
      window.addEventListener(
        type,
        (event) => {
          const at = Math.round(performance.now() - startedMs)
          const lag = Math.round(performance.now() - event.timeStamp)
          const where =
            event instanceof PointerEvent
              ? ` #${event.pointerId} at ${Math.round(event.clientX)},${Math.round(event.clientY)}`
              : ''
          seen.push(`${type} on ${name(event.target)}${where} +${at} ms (lag ${lag})`)
        },
        { capture: true },
      )
  }, nextStep)
  return async () =>
    (await page.evaluate(() => (window as unknown as { touchesSeen: string[] }).touchesSeen)).join(
      ', ',
    ) || 'nothing'
}

/**
 * Taps the woodblock's next-step control once and expects `nextPhase`. A tap right after a fast
 * drag used to be lost (Chromium made a fling of the drag and swallowed the click of the tap that
 * stopped it; the scene host now cancels its canvas's touch moves: renderer/scenes/flickTapGuard.ts,
 * docs/woodblock-stations.md). If the tap does not act, the failure names the events that reached
 * the page and where the control stood.
 */
export async function tapToMoveOn(page: Page, nextPhase: string): Promise<void> {
  const touchesSeen = await recordTouches(page)
  const boxBefore = await page.locator(nextStep).first().boundingBox()
  await tap(page, nextStep)
  await expect
    .poll(() => woodblockPhase(page), {
      timeout: tapAnswerMs,
      message: `one tap on the next step moves on to ${nextPhase}`,
    })
    .toBe(nextPhase)
    .catch(async (error: Error) => {
      throw new Error(
        `${error.message}\nThe page saw: ${await touchesSeen()}; the control was at ${JSON.stringify(boxBefore)}.`,
      )
    })
}
