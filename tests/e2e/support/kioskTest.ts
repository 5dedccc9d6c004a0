import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { SongyunServer } from './songyunServer'

/** Playwright's `test` with a fresh `songyun serve` per test and console errors collected. */
export const test = base.extend<{
  kioskSettings: Record<string, unknown> | undefined
  /** Variables added to the server's environment (e.g. a fake `lp` on PATH: fakeLp.ts). */
  kioskEnv: Record<string, string> | undefined
  /** Whether the server gets a USB stick: a folder under its own `--media-root`. */
  kioskHasUsbStick: boolean
  /** The USB stick's folder when `kioskHasUsbStick`, else undefined. */
  usbStick: string | undefined
  server: SongyunServer
  consoleErrors: string[]
}>({
  kioskSettings: [undefined, { option: true }],
  kioskEnv: [undefined, { option: true }],
  kioskHasUsbStick: [false, { option: true }],
  usbStick: async ({ kioskHasUsbStick }, use) => {
    if (!kioskHasUsbStick) return use(undefined)
    const mediaRoot = await mkdtemp(path.join(os.tmpdir(), 'songyun-e2e-media-'))
    const stick = path.join(mediaRoot, 'SONGYUN-USB')
    await mkdir(stick)
    await use(stick)
    await rm(mediaRoot, { recursive: true, force: true })
  },
  server: async ({ kioskSettings, kioskEnv, usbStick }, use) => {
    const server = await SongyunServer.start(kioskSettings, {
      mediaRoots: usbStick ? [path.dirname(usbStick)] : [],
      env: kioskEnv,
    })
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

/** Reads `window.songyun.diagnostics()` (docs/kiosk-contract.md). */
export function diagnostics(page: Page) {
  return page.evaluate(() => window.songyun!.diagnostics())
}

/** Taps the centre of an element with a touch (pointerType 'touch'). */
export async function tap(page: Page, selector: string): Promise<void> {
  // The starting screen covers the app until its content has loaded, and takes any touch.
  await expect(page.locator('#starting-screen')).toHaveCount(0)
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`Nothing to tap at ${selector}`)
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}
