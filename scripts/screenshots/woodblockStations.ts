// Screenshots of every woodblock station at the three sizes, as a visitor sees each one with the
// work under way: docs/screenshots/woodblock-<station>-<width>x<height>.png. Build first
// (`npm run build`), then: npx tsx scripts/screenshots/woodblockStations.ts [1280x800 …]
// [--until=<station picture>] (e.g. --until=ink: stop after that picture, to check one look).
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CDPSession, Page } from '@playwright/test'
import {
  launchKioskBrowser,
  tapElement,
  type KioskViewport,
} from '../../bench/support/kioskBrowser'
import { startKioskServer } from '../../bench/support/kioskServer'
import {
  chiselBlock,
  foldDrag,
  linePoints,
  peelDrag,
  sweepBlock,
  touchDrag,
  transferByTouch,
  waitForSteadyBlock,
  waitForWoodblockPhase,
  woodblockBlockBox,
  woodblockSceneBox,
  writeSongByTouch,
} from '../../tests/e2e/support/woodblockTouch'
import { pressAlong } from '../../tests/e2e/support/timedTouch'

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
const screenshotsDir = path.join(repositoryRoot, 'docs', 'screenshots')
const sizes: KioskViewport[] = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 800 },
]
const untilFlag = '--until='
const requested = process.argv.slice(2).filter((argument) => !argument.startsWith(untilFlag))
const lastPicture = process.argv
  .slice(2)
  .find((argument) => argument.startsWith(untilFlag))
  ?.slice(untilFlag.length)
/** Thrown after `--until`'s picture: the walk at this size ends there. */
class WalkEnded extends Error {}
const timeoutMs = 120_000
const log = (message: string) => process.stderr.write(`${message}\n`)

async function capture(page: Page, name: string, size: KioskViewport): Promise<void> {
  // Two frames after the last change, and a moment for the 4 Hz hint ring to follow the camera.
  await page.waitForTimeout(700)
  const file = path.join(screenshotsDir, `woodblock-${name}-${size.width}x${size.height}.png`)
  await page.screenshot({ path: file })
  log(`  wrote ${path.relative(repositoryRoot, file)}`)
  if (name === lastPicture) throw new WalkEnded(name)
}

/** A fold drag that stops half way, so the sheet is caught turning over. */
async function halfFold(page: Page, cdp: CDPSession, direction: 'left' | 'right'): Promise<void> {
  const box = await woodblockSceneBox(page)
  const y = box.y + box.height * 0.55
  const startX = direction === 'left' ? box.x + box.width * 0.7 : box.x + box.width * 0.3
  // A short drag: the sheet caught rising at about a third of the turn, neither flat nor edge-on.
  const endX = startX + (direction === 'left' ? -1 : 1) * box.width * 0.08
  const points = linePoints({ x: startX, y }, { x: endX, y }, 4)
  await pressAlong(cdp, points)
  await page.waitForTimeout(900)
}

/** Rubs the face-down sample's back over the upper half of the block, as a visitor part way through. */
async function rubUpperHalf(page: Page, cdp: CDPSession): Promise<void> {
  const block = await woodblockBlockBox(page)
  const points = []
  for (let row = 0; row < 5; row++) {
    const y = block.y + block.height * (0.08 + 0.1 * row)
    const [fromX, toX] = row % 2 === 0 ? [0.08, 0.92] : [0.92, 0.08]
    points.push(
      ...linePoints(
        { x: block.x + block.width * fromX, y },
        { x: block.x + block.width * toX, y },
        2,
      ),
    )
  }
  await touchDrag(cdp, points)
}

async function endTouch(cdp: CDPSession): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] })
}

async function walk(page: Page, url: string, size: KioskViewport): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await page.goto(url)
  await tapElement(page, '[data-screen="attract"]')
  await page.locator('[data-screen="menu"]').waitFor()
  await tapElement(page, '[data-exhibit-id="woodblock-printing"]')
  await waitForWoodblockPhase(page, 'write-sample', timeoutMs)
  await waitForSteadyBlock(page, timeoutMs)
  await capture(page, 'write-sample-blank', size)
  await writeSongByTouch(page, cdp)
  await capture(page, 'write-sample', size)
  await tapElement(page, '[data-action="woodblock-next"]')
  await waitForWoodblockPhase(page, 'transfer')
  await waitForSteadyBlock(page, timeoutMs)
  await halfFold(page, cdp, 'left')
  await capture(page, 'transfer', size)
  await endTouch(cdp)
  // The sample face down, its back part rubbed away: the reversed writing on the wood shows.
  await foldDrag(page, cdp, 'left')
  await page.locator('[data-woodblock-sample-down]').waitFor({ state: 'attached' })
  await waitForSteadyBlock(page, timeoutMs)
  await rubUpperHalf(page, cdp)
  await capture(page, 'transfer-rub', size)
  await transferByTouch(page, cdp)
  await waitForWoodblockPhase(page, 'carve')
  await waitForSteadyBlock(page, timeoutMs)
  await page.waitForTimeout(1600)
  await capture(page, 'carve-start', size)
  await chiselBlock(page, cdp, 6)
  const block = await woodblockBlockBox(page)
  await tapElement(page, '[data-carving-tool="knife"]')
  await touchDrag(
    cdp,
    linePoints(
      { x: block.x + block.width * 0.15, y: block.y + block.height * 0.85 },
      { x: block.x + block.width * 0.85, y: block.y + block.height * 0.85 },
      10,
    ),
  )
  await capture(page, 'carve', size)
  await tapElement(page, '[data-carving-tool="chisel"]')
  await chiselBlock(page, cdp, 14)
  await tapElement(page, '[data-action="woodblock-next"]')
  await waitForWoodblockPhase(page, 'ink', timeoutMs)
  await waitForSteadyBlock(page, timeoutMs)
  await capture(page, 'carved', size)
  await sweepBlock(page, cdp, 9, 2)
  await capture(page, 'ink', size)
  await sweepBlock(page, cdp, 9, 2)
  await tapElement(page, '[data-action="woodblock-next"]')
  await waitForWoodblockPhase(page, 'lay-paper')
  await waitForSteadyBlock(page, timeoutMs)
  await capture(page, 'lay-paper', size)
  await foldDrag(page, cdp, 'right')
  await waitForWoodblockPhase(page, 'rub')
  await waitForSteadyBlock(page, timeoutMs)
  await sweepBlock(page, cdp, 9, 2)
  // The pad in hand, mid-stroke over the paper's back: the finger stays down for the picture.
  const paper = await woodblockBlockBox(page)
  await pressAlong(
    cdp,
    linePoints(
      { x: paper.x + paper.width * 0.2, y: paper.y + paper.height * 0.45 },
      { x: paper.x + paper.width * 0.62, y: paper.y + paper.height * 0.55 },
      6,
    ),
  )
  await page.waitForTimeout(900)
  await capture(page, 'rub', size)
  await endTouch(cdp)
  await sweepBlock(page, cdp, 9, 2)
  await tapElement(page, '[data-action="woodblock-next"]')
  await waitForWoodblockPhase(page, 'lift')
  await waitForSteadyBlock(page, timeoutMs)
  await peelDrag(page, cdp, 0.9, true)
  await page.waitForTimeout(900)
  await capture(page, 'lift', size)
  await endTouch(cdp)
  await peelDrag(page, cdp)
  await waitForWoodblockPhase(page, 'printed')
  await tapElement(page, '[data-action="woodblock-seal"]')
  await capture(page, 'print', size)
  await cdp.detach()
}

async function main(): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true })
  const server = await startKioskServer({ idleTimeoutSeconds: 3600 })
  try {
    for (const size of sizes) {
      if (requested.length > 0 && !requested.includes(`${size.width}x${size.height}`)) continue
      log(`▶ ${size.width}×${size.height}`)
      const kioskBrowser = await launchKioskBrowser(size)
      try {
        await walk(kioskBrowser.page, server.url, size)
      } catch (error) {
        if (!(error instanceof WalkEnded)) throw error
      } finally {
        await kioskBrowser.close()
      }
    }
  } finally {
    await server.stop()
  }
}

await main()
