import type { Page } from '@playwright/test'
import { expect, tap } from './kioskTest'

/** Presses and holds a point with a real touch (CDP), for `holdMs`, then lifts the finger. */
export async function touchAndHold(
  page: Page,
  x: number,
  y: number,
  holdMs: number,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
  // The gesture is defined by its duration, so this wait is what is being tested.
  await page.waitForTimeout(holdMs)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

/** The hidden staff gesture: the top-left corner held for a little over 3 s. */
export async function holdStaffCorner(page: Page): Promise<void> {
  // The gesture works on every visitor screen, once the app is up.
  await expect(
    page.locator('[data-screen="attract"], [data-screen="menu"], [data-screen="closed"]'),
  ).toBeVisible()
  await touchAndHold(page, 20, 20, 3300)
  await expect(page.locator('[data-screen="staff-pin"]')).toBeVisible()
}

/** Types a PIN on the pad and submits it. */
export async function submitPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await tap(page, `[data-pin-key="${digit}"]`)
  await tap(page, '[data-action="pin-submit"]')
}

/** On a fresh data folder: the gesture, then the new PIN twice, lands on the admin screen. */
export async function createFirstPin(page: Page, pin: string): Promise<void> {
  await holdStaffCorner(page)
  await expect(page.locator('[data-screen="staff-pin"]')).toContainText('设置新的员工密码')
  await submitPin(page, pin)
  await expect(page.locator('[data-screen="staff-pin"]')).toContainText('再次输入新密码')
  await submitPin(page, pin)
  await expect(page.locator('[data-screen="admin"]')).toBeVisible()
}
