// The woodblock's "next step" tap, as the e2e tests make it.
import type { Page } from '@playwright/test'
import { expect, tap, test } from './kioskTest'
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
    for (const type of ['touchstart', 'touchend', 'pointerdown', 'pointerup', 'click'])
      window.addEventListener(type, (event) => seen.push(`${type} on ${name(event.target)}`), {
        capture: true,
      })
  }, nextStep)
  return async () =>
    (await page.evaluate(() => (window as unknown as { touchesSeen: string[] }).touchesSeen)).join(
      ', ',
    ) || 'nothing'
}

/**
 * Taps the woodblock's next-step control and waits for `nextPhase`. A tap the page never acts on
 * right after a fast drag is a known, not yet understood fault (docs/woodblock-stations.md "Known
 * faults"): the visitor would tap again, so does this, and the test's annotations record each
 * lost tap with the events that reached the page, so the fault stays visible in the report.
 */
export async function tapToMoveOn(page: Page, nextPhase: string): Promise<void> {
  const touchesSeen = await recordTouches(page)
  await tap(page, nextStep)
  try {
    await expect.poll(() => woodblockPhase(page), { timeout: tapAnswerMs }).toBe(nextPhase)
  } catch {
    test.info().annotations.push({
      type: 'lost tap',
      description: `the tap towards ${nextPhase} did not act (the page saw ${await touchesSeen()}); tapped again`,
    })
    await tap(page, nextStep)
    await expect.poll(() => woodblockPhase(page)).toBe(nextPhase)
  }
}
