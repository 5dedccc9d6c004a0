import type { Page } from '@playwright/test'
import { tapElement } from '../support/kioskBrowser'
import { readKioskDiagnostics, recordFrameIntervals } from '../support/pageProbes'
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

interface TapTargets {
  readonly buttons: readonly { readonly x: number; readonly y: number }[]
  readonly stage: {
    readonly x: number
    readonly y: number
    readonly width: number
    readonly height: number
  } | null
}

// In-page source as a string (see bench/support/pageProbes.ts on tsx and `__name`).
const tapTargetsSource = `(selector) => {
  const exhibit = document.querySelector('[data-screen="exhibit"]')
  const stage = exhibit ? exhibit.getBoundingClientRect() : null
  const buttons = [...document.querySelectorAll(selector)]
    .filter((b) => b.checkVisibility())
    .map((b) => b.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
  return { buttons, stage: stage && stage.width > 0 ? { x: stage.x, y: stage.y, width: stage.width, height: stage.height } : null }
}`

const isVisible = (page: Page, selector: string) => page.locator(selector).first().isVisible()

/** The screen the app says it shows (diagnostics(), docs/kiosk-contract.md), or undefined while it cannot say. */
const currentScreen = (page: Page) =>
  readKioskDiagnostics(page).then(
    (d) => d.screen,
    () => undefined,
  )

/** Waits until the app reports `screen`; false when it has not within `timeoutMs`. */
async function reachesScreen(page: Page, screen: string, timeoutMs: number): Promise<boolean> {
  const giveUpAt = Date.now() + timeoutMs
  while (Date.now() < giveUpAt) {
    if ((await currentScreen(page)) === screen) return true
    await page.waitForTimeout(200)
  }
  return false
}

/** A visitor at the kiosk: taps through screens the way a person would, a little at random. */
export class ScriptedVisitor {
  constructor(
    private readonly page: Page,
    private readonly random: () => number,
  ) {}

  /**
   * From wherever the app is (attract, menu, exhibit) to the exhibits menu. Inside an exhibit a
   * visitor may have left a panel open over the way out, or the idle warning may be up: those are
   * closed first. A tap that did not take (the page was busy) is repeated, as a person would.
   */
  async goToMenu(): Promise<void> {
    const { page } = this
    for (let attempt = 0; attempt < 5; attempt++) {
      const screen = await currentScreen(page)
      if (screen === 'menu') break
      if (screen === 'exhibit') {
        for (const overlay of ['[data-action="idle-continue"]', '[data-action="close-cards"]']) {
          // It may go between looking and tapping (the idle reset came first): nothing to do then.
          if (await isVisible(page, overlay)) await tapElement(page, overlay).catch(() => undefined)
        }
        if (await isVisible(page, '[data-action="home"]')) {
          await tapElement(page, '[data-action="home"]').catch(() => undefined)
        }
      } else if (screen === 'attract') {
        await tapElement(page, '[data-screen="attract"]').catch(() => undefined)
      }
      await reachesScreen(page, 'menu', 6_000)
    }
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
    if (!(await reachesScreen(page, 'exhibit', 30_000))) {
      throw new Error(
        `the ${exhibitId} exhibit did not open (the app shows ${await currentScreen(page)})`,
      )
    }
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
    // Centres found in the page and returned as plain numbers: a locator wait that times out
    // (buttons replaced between count and tap) leaves a DevTools handle on the element it matched,
    // which kept every left exhibit screen alive and showed up in the soak as a listener leak.
    const excluded = untouchedActions.map((a) => `:not([data-action="${a}"])`).join('')
    const selector = `[data-screen="exhibit"] button:enabled${excluded}`
    const targets = await page.evaluate<TapTargets>(
      `(${tapTargetsSource})(${JSON.stringify(selector)})`,
    )
    if (!targets.stage) return
    if (targets.buttons.length > 0 && this.random() < 0.6) {
      const button = targets.buttons[Math.floor(this.random() * targets.buttons.length)]!
      await page.touchscreen.tap(button.x, button.y)
      return
    }
    // Else a touch somewhere on the stage: the middle of the screen, away from the chrome.
    const box = targets.stage
    const x = box.x + box.width * (0.25 + this.random() * 0.5)
    const y = box.y + box.height * (0.3 + this.random() * 0.4)
    await page.touchscreen.tap(x, y)
  }

  /** Walks away: touches nothing until the idle reset has brought back the attract screen. */
  async walkAwayUntilIdleReset(idleResetMs: number): Promise<void> {
    if (!(await reachesScreen(this.page, 'attract', idleResetMs + 20_000))) {
      throw new Error(`no idle reset: the app still shows ${await currentScreen(this.page)}`)
    }
  }
}
