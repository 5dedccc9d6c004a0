import type { Page } from '@playwright/test'
import { tapElement } from '../support/kioskBrowser'
import { recordFrameIntervals } from '../support/pageProbes'

/** A small seeded random source (mulberry32), so a soak run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Controls a visitor leaves alone: the way out, staff access and the display settings. */
const untouchedActions = [
  'home',
  'language',
  'staff-exit',
  'text-size',
  'reduced-motion',
  'reading-aid',
  'idle-continue',
]

const isVisible = (page: Page, selector: string) => page.locator(selector).first().isVisible()

/** A visitor at the kiosk: taps through screens the way a person would, a little at random. */
export class ScriptedVisitor {
  constructor(
    private readonly page: Page,
    private readonly random: () => number,
  ) {}

  /** From wherever the app is (attract, menu, exhibit) to the exhibits menu. */
  async goToMenu(): Promise<void> {
    const { page } = this
    if (await isVisible(page, '[data-screen="exhibit"]'))
      await tapElement(page, '[data-action="home"]')
    await page
      .locator('[data-screen="attract"], [data-screen="menu"]')
      .first()
      .waitFor({ state: 'visible' })
    if (await isVisible(page, '[data-screen="attract"]'))
      await tapElement(page, '[data-screen="attract"]')
    await page
      .locator('[data-screen="menu"] [data-exhibit-id]')
      .first()
      .waitFor({ state: 'visible' })
  }

  /** The exhibit ids the menu offers now (a pack install can change them). */
  async menuExhibitIds(): Promise<string[]> {
    return this.page
      .locator('[data-screen="menu"] [data-exhibit-id]')
      .evaluateAll((tiles) =>
        tiles.map((tile) => tile.getAttribute('data-exhibit-id') ?? '').filter(Boolean),
      )
  }

  /** Taps the language switch (on the menu). */
  async switchLanguage(): Promise<void> {
    await tapElement(this.page, '[data-action="language"]')
  }

  /**
   * Opens an exhibit from the menu and plays with it for `playMs`: taps its buttons and its stage
   * at random, about twice a second. Returns the frame intervals recorded meanwhile when asked.
   */
  async playExhibit(
    exhibitId: string,
    playMs: number,
    shouldRecordFrames: boolean,
  ): Promise<number[]> {
    const { page } = this
    await tapElement(page, `[data-screen="menu"] [data-exhibit-id="${exhibitId}"]`)
    await page.locator('[data-screen="exhibit"]').waitFor({ state: 'visible' })
    const frames = shouldRecordFrames
      ? recordFrameIntervals(page, Math.min(playMs, 3_000))
      : Promise.resolve([])
    const endAt = Date.now() + playMs
    while (Date.now() < endAt) {
      await this.#tapSomethingInExhibit()
      await page.waitForTimeout(300 + this.random() * 400)
    }
    return frames
  }

  async #tapSomethingInExhibit(): Promise<void> {
    const { page } = this
    const exhibit = page.locator('[data-screen="exhibit"]')
    if (!(await exhibit.isVisible())) return
    const excluded = untouchedActions.map((a) => `:not([data-action="${a}"])`).join('')
    const buttons = exhibit.locator(`button:visible:enabled${excluded}`)
    const count = await buttons.count()
    if (count > 0 && this.random() < 0.6) {
      const box = await buttons.nth(Math.floor(this.random() * count)).boundingBox()
      if (box) {
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
        return
      }
    }
    // Else a touch somewhere on the stage: the middle of the screen, away from the chrome.
    const box = await exhibit.boundingBox()
    if (!box) return
    const x = box.x + box.width * (0.25 + this.random() * 0.5)
    const y = box.y + box.height * (0.3 + this.random() * 0.4)
    await page.touchscreen.tap(x, y)
  }

  /** Walks away: touches nothing until the idle reset has brought back the attract screen. */
  async walkAwayUntilIdleReset(idleResetMs: number): Promise<void> {
    await this.page
      .locator('[data-screen="attract"]')
      .waitFor({ state: 'visible', timeout: idleResetMs + 15_000 })
  }
}
