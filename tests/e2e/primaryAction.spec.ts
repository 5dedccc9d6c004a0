/**
 * One primary action across the exhibits: the woodblock's "next" and the folk-music stage's
 * "play together" wear the same seal as each other and as the attract screen's 开始轻触 (the tea's
 * "another bowl" is compared at its verdict, in teaWhisking.spec.ts).
 */
import { expect, tap, test } from './support/kioskTest'
import { primaryActionLook, sharedPrimaryLook } from './support/primaryActionLook'

test('the woodblock and the folk-music stage show their way on as the one shared primary action, the attract seal’s red', async ({
  page,
  server,
  consoleErrors,
}) => {
  test.setTimeout(180_000)
  // Reduced motion: the scribe writes at once, so "next" is offered without writing by hand.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto(server.url)
  const seal = await primaryActionLook(page, '.attract__seal')
  await tap(page, '[data-screen="attract"]')
  const shared = await sharedPrimaryLook(page)
  expect(shared.background).toBe(seal.background)
  expect(shared.color).toBe(seal.color)

  await tap(page, '[data-exhibit-id="folk-music"]')
  await expect(page.locator('[data-ensemble="toggle"]')).toBeVisible({ timeout: 30_000 })
  expect(await primaryActionLook(page, '[data-ensemble="toggle"]')).toEqual(shared)
  await tap(page, '[data-action="home"]')

  await tap(page, '[data-exhibit-id="woodblock-printing"]')
  await expect(page.locator('[data-woodblock-phase="write-sample"]')).toBeVisible({
    timeout: 60_000,
  })
  await tap(page, '[data-action="woodblock-scribe"]')
  await expect(page.locator('[data-action="woodblock-next"]')).toBeVisible({ timeout: 10_000 })
  expect(await primaryActionLook(page, '[data-action="woodblock-next"]')).toEqual(shared)
  expect(consoleErrors).toEqual([])
})
