import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import playwrightConfig from '../../playwright.config'

/** A viewport the kiosk is built for (playwright.config.ts projects). */
export interface KioskViewport {
  readonly width: number
  readonly height: number
}

/** The small landscape screen: the cheapest of the three, and the one CI drives first. */
export const smallViewport: KioskViewport = { width: 1280, height: 800 }

/** A launched Debian Chromium with one touch-enabled page; `close()` ends the browser. */
export interface KioskBrowser {
  readonly browser: Browser
  readonly context: BrowserContext
  readonly page: Page
  /** A fresh touch-enabled page in a new context (empty cache), for cold-start measurements. */
  newColdPage(): Promise<Page>
  close(): Promise<void>
}

/**
 * Launches Debian Chromium with exactly the launch options of playwright.config.ts (so benches
 * and end-to-end tests see the same browser) and opens one page with touch emulation.
 */
export async function launchKioskBrowser(
  viewport: KioskViewport = smallViewport,
): Promise<KioskBrowser> {
  const launchOptions = playwrightConfig.use?.launchOptions ?? {}
  const browser = await chromium.launch({ ...launchOptions, headless: true })
  const newContext = () => browser.newContext({ viewport, hasTouch: true, isMobile: false })
  const context = await newContext()
  const page = await context.newPage()
  return {
    browser,
    context,
    page,
    newColdPage: async () => (await newContext()).newPage(),
    close: () => browser.close(),
  }
}

/** Taps the centre of the first element matching `selector` with a touch. */
export async function tapElement(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`Nothing to tap at ${selector}`)
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}
