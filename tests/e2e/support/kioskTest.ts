import { test as base, expect, type Page } from '@playwright/test'
import { SongyunServer } from './songyunServer'

/** Playwright's `test` with a fresh `songyun serve` per test and console errors collected. */
export const test = base.extend<{
  kioskSettings: Record<string, unknown> | undefined
  server: SongyunServer
  consoleErrors: string[]
}>({
  kioskSettings: [undefined, { option: true }],
  server: async ({ kioskSettings }, use) => {
    const server = await SongyunServer.start(kioskSettings)
    await use(server)
    await server.stop()
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await use(errors)
  },
})

export { expect }

/** Reads `window.songyun.diagnostics()` (kiosk.md). */
export function diagnostics(page: Page) {
  return page.evaluate(() => window.songyun!.diagnostics())
}

/** Taps the centre of an element with a touch (pointerType 'touch'). */
export async function tap(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`Nothing to tap at ${selector}`)
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}
