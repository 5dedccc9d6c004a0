import type { TestInfo } from '@playwright/test'
import { expect, tap, test } from './support/kioskTest'
import { onBowl, pourUntilEnough, stirPaste, teaAnchors, whiskUntil } from './support/teaTouch'
import { smallestVisibleText } from './support/smallestText'
import { timedTouchPath } from './support/timedTouch'

// The tea exhibit's phase bar and touch ring, at every screen size (the scripted seven pours run
// at small-1280 only, in teaWhisking.spec.ts).

/** Where a screenshot goes: TEA_SHOT_DIR when set (test-results is shared), else the test's output. */
function shot(testInfo: TestInfo, name: string): string {
  const dir = process.env.TEA_SHOT_DIR
  return dir ? `${dir}/${testInfo.project.name}-${name}` : testInfo.outputPath(name)
}

test.use({ actionTimeout: 60_000, kioskSettings: { idleTimeoutSeconds: 3600 } })

test('tea: the phase bar names its three phases on one line with nothing that looks tappable, and the ring stands at the thing to touch', async ({
  page,
  server,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(240_000)
  await page.goto(server.url)
  await tap(page, '[data-screen="attract"]')
  await tap(page, '[data-exhibit-id="tea-whisking"]')
  await expect(page.locator('[data-tea-station="warm-bowl"]')).toBeVisible({ timeout: 60_000 })
  await expect(page.locator('[data-tea-anchors]')).toHaveCount(1)
  await page.screenshot({ path: shot(testInfo, 'tea-phases-open.png') })
  const bar = page.locator('.phase-steps')
  await expect(bar.locator('[data-phase-id]')).toHaveCount(3)
  await expect(bar.locator('[data-station-state="active"]')).toHaveAttribute(
    'data-phase-id',
    'prepare',
  )
  const layout = await bar.evaluate((list) => {
    const titles = [...list.querySelectorAll<HTMLElement>('[data-phase-title]')]
    return {
      tops: new Set(
        [...list.querySelectorAll<HTMLElement>('[data-phase-id]')].map((phase) =>
          Math.round(phase.getBoundingClientRect().top),
        ),
      ).size,
      hiddenTitles: titles
        .filter((title) => {
          const box = title.getBoundingClientRect()
          return (
            box.width < 20 ||
            box.right > window.innerWidth ||
            box.left < 0 ||
            title.scrollWidth > title.clientWidth + 1 ||
            getComputedStyle(title).clipPath !== 'none'
          )
        })
        .map((title) => title.textContent),
      controls: list.querySelectorAll('button, a, [role="button"], [tabindex]').length,
      pointers: [...list.querySelectorAll<HTMLElement>('*')].filter(
        (element) => getComputedStyle(element).cursor === 'pointer',
      ).length,
    }
  })
  expect(layout).toEqual({ tops: 1, hiddenTitles: [], controls: 0, pointers: 0 })
  await expect(page.locator('[data-tea-touch-target="bowl"]')).toBeVisible()

  const a = await teaAnchors(page)
  const cdp = await page.context().newCDPSession(page)
  await timedTouchPath(cdp, [onBowl(a, 0.2, 0)], 0)
  await expect(page.locator('[data-tea-touch-target="caddy"]')).toBeVisible()
  await timedTouchPath(cdp, [a.caddy], 0)
  await expect(page.locator('[data-tea-station="make-paste"]')).toBeVisible()
  await stirPaste(cdp, a)
  await expect(page.locator('[data-tea-station="pour-1"]')).toBeVisible()
  // The pours: the second phase is current, its seven pours a quiet count, the ewer ringed.
  await expect(bar.locator('[data-station-state="active"]')).toHaveAttribute(
    'data-phase-id',
    'seven-pours',
  )
  await expect(bar.locator('[data-phase-count] [data-dot-state]')).toHaveCount(7)
  await expect(bar.locator('[data-dot-state="active"]')).toHaveCount(1)
  await expect(bar.locator('[data-phase-id="prepare"]')).toHaveAttribute(
    'data-station-state',
    'done',
  )
  await expect(page.locator('[data-tea-touch-target="ewer"]')).toBeVisible()
  await page.screenshot({ path: shot(testInfo, 'tea-phases-pour-1.png') })
  // Every word a visitor reads here (the bar, its numerals, the hint, the touch cue, the pour
  // gauge) is 24 CSS px or more at every size the kiosk runs at.
  const smallest = await smallestVisibleText(page, [
    '.phase-steps',
    '.exhibit__hint',
    '.tea-exhibit',
  ])
  expect(smallest.fontSizePx, `“${smallest.text}”`).toBeGreaterThanOrEqual(24)

  if (testInfo.project.name === 'portrait-1080') {
    // A tall screen has its own layout (the ewer behind the bowl, caddy and whisk in front): the
    // real gestures still reach. Pour, then stir starting at the far rim on the ewer's side, where
    // a finger once caught the ewer and poured again instead of whisking.
    await pourUntilEnough(page, cdp, a, true)
    await expect(page.locator('[data-tea-phase="whisk"]')).toHaveCount(1)
    const gauge = page.locator('[data-tea-pour-fill]')
    const fillAfterPour = await gauge.getAttribute('data-tea-pour-fill')
    for (const start of [-Math.PI / 2, -Math.PI / 3, -Math.PI / 6]) {
      await timedTouchPath(
        cdp,
        Array.from({ length: 4 }, (_, i) => onBowl(a, 0.95 - 0.05 * i, start + (i / 12) * Math.PI)),
        40,
      )
    }
    await expect(gauge).toHaveAttribute('data-tea-pour-fill', fillAfterPour ?? '')
    await expect(page.locator('[data-tea-station="pour-1"][data-tea-phase="whisk"]')).toHaveCount(1)
    await whiskUntil(page, cdp, a, '[data-tea-station="pour-2"]')
    await expect(page.locator('[data-tea-station="pour-2"]')).toHaveCount(1)
    await page.screenshot({ path: shot(testInfo, 'tea-phases-pour-2.png') })
  }
  expect(consoleErrors).toEqual([])
})
