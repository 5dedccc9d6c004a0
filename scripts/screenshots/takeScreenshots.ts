// `npm run screenshots`: builds the app (the npm script chains `npm run build`; run this file with
// tsx only on a fresh build), starts `songyun serve` on a fresh data folder, drives the kiosk by
// touch in Debian's Chromium and writes docs/screenshots/<view>-<width>x<height>.png.
// `npm run screenshots -- attract tea-drawing` retakes only the views named.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import {
  launchKioskBrowser,
  tapElement,
  type KioskViewport,
} from '../../bench/support/kioskBrowser'
import { startKioskServer, type SongyunServer } from '../../bench/support/kioskServer'
import { holdStaffCorner, submitPin } from '../../tests/e2e/support/staffGestures'
import {
  drawWithoutLifting,
  foamDrawingStroke,
  liftFinger,
  moveFinger,
  onBowl,
  pourUntilEnough,
  stirPaste,
  teaAnchors,
  teaAnchorsAtRest,
  whisk,
  whiskUntil,
} from '../../tests/e2e/support/teaTouch'
import { timedTouchPath } from '../../tests/e2e/support/timedTouch'
import { waitForSteadyBlock } from '../../tests/e2e/support/woodblockTouch'
import { waitForSettledScreen } from './settledScreen'

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
const screenshotsDir = path.join(repositoryRoot, 'docs', 'screenshots')

const landscapeLarge: KioskViewport = { width: 1920, height: 1080 }
const portrait: KioskViewport = { width: 1080, height: 1920 }
const landscapeSmall: KioskViewport = { width: 1280, height: 800 }
const everySize = [landscapeLarge, portrait, landscapeSmall] as const

const exhibitIds = ['woodblock-printing', 'tea-whisking', 'folk-music'] as const
type ExhibitId = (typeof exhibitIds)[number]

/**
 * Every view and the sizes it is taken at (docs/visitor-journey.md "Screenshots": 1920×1080,
 * 1080×1920 and 1280×800). Staff screens and the idle overlay change little with the size, so
 * they are taken where their layout is most at risk. The tea bowls take minutes of pouring: the
 * good bowl (咬盏) and its 茶百戏 drawing come from one run of the seven pours, the poor bowl
 * (its water line showing) from another, at 1280×800, the size where the bowl is smallest. The
 * tea exhibit's own view is taken in the good bowl's run too, mid-whisk (not at its first step).
 */
const plan = {
  attract: everySize,
  menu: everySize,
  'exhibit-woodblock-printing': everySize,
  'exhibit-tea-whisking': everySize,
  'exhibit-folk-music': everySize,
  'exhibit-woodblock-printing-cards-en': everySize,
  'idle-warning': [landscapeLarge, portrait],
  'staff-pin': everySize,
  admin: everySize,
  'admin-confirm-close': [landscapeLarge],
  'admin-printer': everySize,
  'tea-bowl-good': everySize,
  'tea-drawing': everySize,
  'tea-bowl-poor': [landscapeSmall],
} as const satisfies Record<string, readonly KioskViewport[]>
type ViewName = keyof typeof plan

/** The staff PIN the script sets on its fresh data folder. */
const staffPin = '246810'
/** A software renderer builds a WebGL scene slowly, more so on a shared machine. */
const sceneTimeoutMs = 120_000

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
for (const name of requested) {
  if (!(name in plan)) {
    throw new Error(`No view called "${name}"; the views are: ${Object.keys(plan).join(', ')}`)
  }
}
const isWanted = (view: ViewName) => requested.length === 0 || requested.includes(view)
const isTakenAt = (view: ViewName, size: KioskViewport) =>
  isWanted(view) &&
  (plan[view] as readonly KioskViewport[]).some(
    (s) => s.width === size.width && s.height === size.height,
  )

const log = (message: string) => process.stderr.write(`${message}\n`)

/** Writes the settled page to docs/screenshots/<view>-<width>x<height>.png. */
async function capture(page: Page, view: ViewName, size: KioskViewport): Promise<void> {
  const file = path.join(screenshotsDir, `${view}-${size.width}x${size.height}.png`)
  await page.screenshot({ path: file })
  log(`  wrote ${path.relative(repositoryRoot, file)}`)
}

/** Waits until an exhibit's scene is built, ready for touch and still at its first station. */
async function waitForFirstStation(page: Page, exhibitId: ExhibitId): Promise<void> {
  await page.locator('[data-screen="exhibit"]').waitFor({ timeout: sceneTimeoutMs })
  switch (exhibitId) {
    case 'woodblock-printing':
      // The ruled sample sheet waits for the visitor and the camera has come to rest.
      await page
        .locator('[data-woodblock-phase="write-sample"]')
        .waitFor({ timeout: sceneTimeoutMs })
      await waitForSteadyBlock(page, sceneTimeoutMs)
      break
    case 'tea-whisking':
      await page
        .locator('[data-tea-station="warm-bowl"][data-tea-anchors]')
        .waitFor({ timeout: sceneTimeoutMs })
      break
    case 'folk-music':
      await page.locator('[data-folk-stage] [data-instrument]').first().waitFor()
      break
  }
  await waitForSettledScreen(page, sceneTimeoutMs)
}

async function openExhibit(page: Page, exhibitId: ExhibitId): Promise<void> {
  await tapElement(page, `[data-exhibit-id="${exhibitId}"]`)
  await waitForFirstStation(page, exhibitId)
}

async function goHome(page: Page): Promise<void> {
  await tapElement(page, '[data-screen="exhibit"] [data-action="home"]')
  await page.locator('[data-screen="menu"]').waitFor()
}

/** Loads the kiosk afresh and waits for the attract painting to finish washing in. */
async function loadAttract(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page
    .locator('[data-screen="attract"] canvas[data-painting="done"]')
    .waitFor({ timeout: sceneTimeoutMs })
  await waitForSettledScreen(page)
}

/** Loads the kiosk afresh and walks a visitor's way in: attract, menu, the exhibit's first station. */
async function openExhibitFromAttract(
  page: Page,
  url: string,
  exhibitId: ExhibitId,
): Promise<void> {
  await loadAttract(page, url)
  await tapElement(page, '[data-screen="attract"]')
  await page.locator('[data-screen="menu"]').waitFor()
  await openExhibit(page, exhibitId)
}

async function tapAndSettle(page: Page, selector: string): Promise<void> {
  await tapElement(page, selector)
  await waitForSettledScreen(page)
}

/** Attract, menu, each exhibit's first station, and the knowledge cards in English with pinyin. */
async function captureVisitorScreens(
  page: Page,
  server: SongyunServer,
  size: KioskViewport,
): Promise<void> {
  await loadAttract(page, server.url)
  if (isTakenAt('attract', size)) await capture(page, 'attract', size)
  await tapElement(page, '[data-screen="attract"]')
  await page.locator('[data-screen="menu"]').waitFor()
  await waitForSettledScreen(page)
  if (isTakenAt('menu', size)) await capture(page, 'menu', size)

  for (const exhibitId of exhibitIds) {
    const view = `exhibit-${exhibitId}` as const
    // The tea table is shown whisking, from the good bowl's run (captureTeaGoodBowlAndDrawing).
    if (exhibitId === 'tea-whisking' || !isTakenAt(view, size)) continue
    await openExhibit(page, exhibitId)
    await capture(page, view, size)
    await goHome(page)
  }

  if (isTakenAt('exhibit-woodblock-printing-cards-en', size)) {
    await openExhibit(page, 'woodblock-printing')
    await tapAndSettle(page, '[data-action="language"]')
    await tapAndSettle(page, '[data-action="reading-aid"]')
    await page.locator('[data-reading-aid="title"] rt').first().waitFor()
    await tapAndSettle(page, '[data-action="cards"]')
    await tapAndSettle(page, '[data-panel="cards"] [data-card-id]')
    await page.locator('[data-open-card] [data-card-source]').waitFor()
    await page.locator('[data-panel="key-terms"] rt').first().waitFor()
    await waitForSettledScreen(page)
    await capture(page, 'exhibit-woodblock-printing-cards-en', size)
  }
}

/**
 * The PIN pad as staff meet it after the first set-up (asking for the PIN, three digits typed)
 * and the admin screen behind it. On the fresh data folder the first gesture sets the PIN.
 */
async function captureStaffScreens(
  page: Page,
  server: SongyunServer,
  size: KioskViewport,
): Promise<void> {
  const isPinWanted = isTakenAt('staff-pin', size)
  const isConfirmWanted = isTakenAt('admin-confirm-close', size)
  const isPrinterWanted = isTakenAt('admin-printer', size)
  if (!isPinWanted && !isTakenAt('admin', size) && !isConfirmWanted && !isPrinterWanted) return
  await loadAttract(page, server.url)
  await holdStaffCorner(page)
  if (await isAskingForNewPin(page)) {
    await submitPin(page, staffPin)
    await submitPin(page, staffPin)
    await page.locator('[data-screen="admin"]').waitFor()
    await tapElement(page, '[data-action="staff-exit"]')
    await holdStaffCorner(page)
  }
  for (const digit of staffPin.slice(0, 3)) await tapElement(page, `[data-pin-key="${digit}"]`)
  await waitForSettledScreen(page)
  if (isPinWanted) await capture(page, 'staff-pin', size)
  for (const digit of staffPin.slice(3)) await tapElement(page, `[data-pin-key="${digit}"]`)
  await tapElement(page, '[data-action="pin-submit"]')
  await page.locator('[data-screen="admin"]').waitFor()
  await waitForSettledScreen(page)
  if (isTakenAt('admin', size)) await capture(page, 'admin', size)
  if (isConfirmWanted) {
    // The confirmation before closing, answered with cancel so the kiosk stays open.
    await page.locator('[data-mode="closed"]').scrollIntoViewIfNeeded()
    await tapElement(page, '[data-mode="closed"]')
    await page.locator('[data-dialog="confirm-close"]').waitFor()
    await waitForSettledScreen(page)
    await capture(page, 'admin-confirm-close', size)
    await tapElement(page, '[data-action="cancel-close"]')
  }
  if (isPrinterWanted) {
    // The keepsake printer section (no CUPS queue chosen on a fresh data folder).
    await tapElement(page, '[data-admin-section="printer"]')
    await waitForSettledScreen(page)
    await capture(page, 'admin-printer', size)
  }
  await tapElement(page, '[data-action="staff-exit"]')
}

/** Whether the PIN pad (in Chinese, the kiosk's default) asks for a new PIN: a fresh kiosk. */
async function isAskingForNewPin(page: Page): Promise<boolean> {
  return (await page.locator('[data-screen="staff-pin"]').innerText()).includes('设置新的员工密码')
}

/** The fourth pour (轻云渐生), whose whisking the tea exhibit's own view shows. */
const whiskingShownAtPour = 4

/**
 * The tea exhibit at work and at its last stage: the bowl warmed, powder added, paste stirred,
 * seven pours whisked. Mid-way (the fourth pour) the table is taken whisking, the whisk standing
 * in the rising foam between two strokes; then the finished bowl with its verdict (咬盏, the foam
 * set all round the rim), then a 茶百戏 picture drawn on the foam and captured just after the
 * finger lifts, once the frame is still and sharp (the lines fade with a half-life of a second:
 * the picture shows them at most a second old).
 */
async function captureTeaGoodBowlAndDrawing(
  page: Page,
  server: SongyunServer,
  size: KioskViewport,
): Promise<void> {
  await openExhibitFromAttract(page, server.url, 'tea-whisking')
  const a = await teaAnchors(page)
  const cdp = await page.context().newCDPSession(page)
  await timedTouchPath(cdp, [onBowl(a, 0.2, 0)], 0)
  await page.locator('[data-tea-station="add-powder"]').waitFor()
  await timedTouchPath(cdp, [a.caddy], 0)
  await page.locator('[data-tea-station="make-paste"]').waitFor()
  await stirPaste(cdp, a)
  for (let n = 1; n <= 7; n++) {
    log(`  pour ${n} of 7`)
    await page
      .locator(`[data-tea-station="pour-${n}"][data-tea-phase="pour"]`)
      .waitFor({ timeout: sceneTimeoutMs })
    await pourUntilEnough(page, cdp, a, n === 1)
    if (n === whiskingShownAtPour && isTakenAt('exhibit-tea-whisking', size)) {
      // Two strokes, too few to finish the pour: the whisk stays standing in the foam.
      await whisk(cdp, a, 2)
      // The scene worker draws the still frame after the page hears of it: on a loaded machine
      // a software frame at full size takes a second or more to reach the screen, so wait, and
      // settle again.
      await waitForSettledScreen(page, sceneTimeoutMs)
      await new Promise((resolve) => setTimeout(resolve, 2500))
      await waitForSettledScreen(page, sceneTimeoutMs)
      await capture(page, 'exhibit-tea-whisking', size)
      if (!isTakenAt('tea-bowl-good', size) && !isTakenAt('tea-drawing', size)) {
        await cdp.detach()
        return
      }
    }
    const next = n < 7 ? `[data-tea-station="pour-${n + 1}"]` : '[data-tea-station="draw"]'
    await whiskUntil(page, cdp, a, next)
    await page.locator(next).waitFor({ timeout: sceneTimeoutMs })
  }
  if (!isTakenAt('tea-bowl-good', size) && !isTakenAt('tea-drawing', size)) {
    await cdp.detach()
    return
  }
  await page.locator('[data-tea-verdict]').waitFor()
  // Let the verdict and the last whisk's ink drops settle before the finger goes down; on a wide
  // screen the set slides aside for the verdict's card, so read where the bowl now is.
  await waitForSettledScreen(page, sceneTimeoutMs)
  const atRest = await teaAnchorsAtRest(page)
  if (isTakenAt('tea-bowl-good', size)) await capture(page, 'tea-bowl-good', size)
  if (!isTakenAt('tea-drawing', size)) {
    await cdp.detach()
    return
  }
  const [first, ...rest] = foamDrawingStroke(atRest)
  // The finger's ink drop blooms for 650 ms where it lands: let it fade before drawing on (the
  // same finger moves on: a second touchStart for it would cancel the first).
  await drawWithoutLifting(cdp, [first!])
  await waitForSettledScreen(page, sceneTimeoutMs, { isSceneStillAwaited: false })
  await moveFinger(cdp, rest)
  await liftFinger(cdp)
  // A finger on the scene keeps its frames small and plain; once lifted, the still frame, which
  // the scene worker draws after the page hears of it: a short wait for it to reach the screen,
  // short enough that the lines (half-life 1 s) still stand clear.
  await waitForSettledScreen(page, sceneTimeoutMs)
  await new Promise((resolve) => setTimeout(resolve, 700))
  await capture(page, 'tea-drawing', size)
  await cdp.detach()
}

/**
 * A poor bowl, made the ways 茶录 and 大观茶论 warn against: the bowl never warmed (冷则茶不浮)
 * and the first pour straight onto the paste instead of round the edge, so the foam rises but
 * has little root and does not bite the bowl. The capture waits until its water line (水痕) has
 * shown: the mark that lost a Song tea contest.
 */
async function captureTeaPoorBowl(
  page: Page,
  server: SongyunServer,
  size: KioskViewport,
): Promise<void> {
  await openExhibitFromAttract(page, server.url, 'tea-whisking')
  const a = await teaAnchors(page)
  const cdp = await page.context().newCDPSession(page)
  // Straight to the powder: tapping the caddy at 熁盏 skips the warming.
  await timedTouchPath(cdp, [a.caddy], 0)
  await page.locator('[data-tea-station="make-paste"]').waitFor()
  await stirPaste(cdp, a)
  for (let n = 1; n <= 7; n++) {
    log(`  poor pour ${n} of 7`)
    await page
      .locator(`[data-tea-station="pour-${n}"][data-tea-phase="pour"]`)
      .waitFor({ timeout: sceneTimeoutMs })
    // Every pour straight down the middle, the first one too.
    await pourUntilEnough(page, cdp, a, false, 0.05)
    const next = n < 7 ? `[data-tea-station="pour-${n + 1}"]` : '[data-tea-station="draw"]'
    await whiskUntil(page, cdp, a, next)
    await page.locator(next).waitFor({ timeout: sceneTimeoutMs })
  }
  const verdict = page.locator('[data-tea-verdict]')
  await verdict.waitFor()
  // The verdict says when the water line shows ("水痕约 N 秒…"); the picture then takes three
  // seconds to draw the foam back from the wall. The scene's clock counts at most 0.1 s a frame,
  // so on a slow software renderer its seconds run late: wait several times as long.
  const seconds = Number(/水痕约\s*(\d+)/.exec(await verdict.innerText())?.[1] ?? 60)
  const waitSeconds = (seconds + 5) * 4
  log(`  waiting ${waitSeconds} s for the water line`)
  await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000))
  await waitForSettledScreen(page, sceneTimeoutMs)
  await capture(page, 'tea-bowl-poor', size)
  await cdp.detach()
}

/** The "still there?" overlay over the folk-music stage, on a kiosk that idles after 5 s. */
async function captureIdleWarning(
  page: Page,
  server: SongyunServer,
  size: KioskViewport,
): Promise<void> {
  await openExhibitFromAttract(page, server.url, 'folk-music')
  await page.locator('[data-overlay="idle-warning"]').waitFor({ timeout: 30_000 })
  await waitForSettledScreen(page)
  await capture(page, 'idle-warning', size)
}

async function main(): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true })
  // Nobody touches the screen while a scene builds: no idle reset in the middle of the work.
  const server = await startKioskServer({ idleTimeoutSeconds: 3600 })
  const idleServer = await startKioskServer({ idleTimeoutSeconds: 5, idleWarningSeconds: 15 })
  try {
    for (const size of everySize) {
      log(`▶ ${size.width}×${size.height}`)
      const kioskBrowser = await launchKioskBrowser(size)
      try {
        const { page } = kioskBrowser
        await captureVisitorScreens(page, server, size)
        await captureStaffScreens(page, server, size)
        if (isTakenAt('idle-warning', size)) await captureIdleWarning(page, idleServer, size)
        const isTeaRunWanted = ['tea-bowl-good', 'tea-drawing', 'exhibit-tea-whisking'].some(
          (view) => isTakenAt(view as ViewName, size),
        )
        if (isTeaRunWanted) {
          await captureTeaGoodBowlAndDrawing(page, server, size)
        }
        if (isTakenAt('tea-bowl-poor', size)) await captureTeaPoorBowl(page, server, size)
      } finally {
        await kioskBrowser.close()
      }
    }
  } finally {
    await server.stop()
    await idleServer.stop()
  }
}

await main()
