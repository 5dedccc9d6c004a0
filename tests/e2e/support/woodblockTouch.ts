// Scripted touch for the woodblock exhibit, shared by its end-to-end test and its benchmark.
// Touches go through CDP Input.dispatchTouchEvent, so the page sees pointerType 'touch'.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CDPSession, Page } from '@playwright/test'
import { layoutBlockText } from '../../../src/exhibits/woodblockPrinting/blockLayout'
import {
  scribeStrokes,
  type CharacterStrokeData,
} from '../../../src/exhibits/woodblockPrinting/scribeStrokes'
import { pressAlong } from './timedTouch'

export interface ScreenPoint {
  readonly x: number
  readonly y: number
}

interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The scene area's box in page CSS pixels. */
export async function woodblockSceneBox(page: Page): Promise<Box> {
  const box = await page.locator('[data-woodblock-scene]').boundingBox()
  if (!box) throw new Error('The woodblock scene area is not on screen')
  return box
}

/** Where the block face is on the page, as the scene reports it. */
export async function woodblockBlockBox(page: Page): Promise<Box> {
  const json = await page
    .locator('[data-woodblock-block-rect]')
    .getAttribute('data-woodblock-block-rect')
  if (!json) throw new Error('The woodblock scene has not reported where its block is')
  const rect = JSON.parse(json) as Box
  const scene = await woodblockSceneBox(page)
  return { x: scene.x + rect.x, y: scene.y + rect.y, width: rect.width, height: rect.height }
}

/**
 * Waits until the camera has settled: the block's box moves by at most 2 px between two reads
 * half a second apart (software WebGL on a busy machine may draw only a frame or two a second).
 */
export async function waitForSteadyBlock(page: Page, timeoutMs = 60_000): Promise<Box> {
  const deadline = Date.now() + timeoutMs
  let previous: Box | undefined
  for (;;) {
    const json = await page
      .locator('[data-woodblock-block-rect]')
      .getAttribute('data-woodblock-block-rect')
    const current = json ? (JSON.parse(json) as Box) : undefined
    if (current && previous) {
      const moved = Math.max(
        Math.abs(current.x - previous.x),
        Math.abs(current.y - previous.y),
        Math.abs(current.width - previous.width),
        Math.abs(current.height - previous.height),
      )
      if (moved <= 2) return woodblockBlockBox(page)
    }
    if (Date.now() > deadline)
      throw new Error(`The woodblock camera did not settle (block at ${json})`)
    previous = current
    await page.waitForTimeout(500)
  }
}

/** One finger along `points`; `stepDelayMs` between moves. */
export async function touchDrag(
  cdp: CDPSession,
  points: readonly ScreenPoint[],
  stepDelayMs = 0,
): Promise<void> {
  if (points.length === 0) return
  await pressAlong(cdp, points, stepDelayMs)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}

/** `steps` + 1 points on the straight line from `from` to `to`. */
export function linePoints(from: ScreenPoint, to: ScreenPoint, steps: number): ScreenPoint[] {
  return Array.from({ length: steps + 1 }, (_, i) => ({
    x: from.x + ((to.x - from.x) * i) / steps,
    y: from.y + ((to.y - from.y) * i) / steps,
  }))
}

/**
 * A zig-zag over the whole block face in one drag: `rows` passes, `pointsPerRow` touch events
 * each (the brush stamps along every segment, so few events still cover the path).
 */
export async function sweepBlock(
  page: Page,
  cdp: CDPSession,
  rows = 9,
  pointsPerRow = 3,
  stepDelayMs = 0,
): Promise<void> {
  const block = await woodblockBlockBox(page)
  const inset = 0.06
  const left = block.x + block.width * inset
  const right = block.x + block.width * (1 - inset)
  const top = block.y + block.height * inset
  const bottom = block.y + block.height * (1 - inset)
  const points: ScreenPoint[] = []
  for (let row = 0; row < rows; row++) {
    const y = top + ((bottom - top) * row) / (rows - 1)
    const [fromX, toX] = row % 2 === 0 ? [left, right] : [right, left]
    points.push(...linePoints({ x: fromX, y }, { x: toX, y }, pointsPerRow - 1))
  }
  await touchDrag(cdp, points, stepDelayMs)
}

/** A horizontal drag across 40 % of the scene, to turn a sheet over the block's edge. */
export async function foldDrag(
  page: Page,
  cdp: CDPSession,
  direction: 'left' | 'right',
  share = 0.4,
): Promise<void> {
  const box = await woodblockSceneBox(page)
  const y = box.y + box.height * 0.55
  const span = box.width * share
  const startX = direction === 'left' ? box.x + box.width * 0.7 : box.x + box.width * 0.3
  const endX = direction === 'left' ? startX - span : startX + span
  await touchDrag(cdp, linePoints({ x: startX, y }, { x: endX, y }, 5))
}

/** The exhibit's phase: a station id, `printed`, or `loading`. */
export async function woodblockPhase(page: Page): Promise<string | null> {
  return page.locator('[data-woodblock-phase]').getAttribute('data-woodblock-phase')
}

/** Waits for the phase to become `phase`. */
export async function waitForWoodblockPhase(
  page: Page,
  phase: string,
  timeoutMs = 20_000,
): Promise<void> {
  await page
    .locator(`[data-woodblock-phase="${phase}"]`)
    .waitFor({ state: 'attached', timeout: timeoutMs })
}

/** The draw calls, triangles and texture bytes the exhibit last reported. */
export async function woodblockRenderCost(
  page: Page,
): Promise<{ calls: number; triangles: number; textureBytes: number }> {
  const root = page.locator('[data-woodblock-phase]')
  return {
    calls: Number(await root.getAttribute('data-woodblock-draw-calls')),
    triangles: Number(await root.getAttribute('data-woodblock-triangles')),
    textureBytes: Number(await root.getAttribute('data-woodblock-texture-bytes')),
  }
}

/** Where the sample's writing area is on the page, as the scene reports it. */
export async function woodblockSampleBox(page: Page): Promise<Box> {
  const json = await page
    .locator('[data-woodblock-sample-rect]')
    .getAttribute('data-woodblock-sample-rect')
  if (!json) throw new Error('The woodblock scene has not reported where its sample sheet is')
  const rect = JSON.parse(json) as Box
  const scene = await woodblockSceneBox(page)
  return { x: scene.x + rect.x, y: scene.y + rect.y, width: rect.width, height: rect.height }
}

/** The scribe's stroke data, read as the page has it (a JSON import needs attributes in Node). */
const scribeStrokeData = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL(
        '../../../renderer/exhibits/woodblockPrinting/scribeStrokeData.json',
        import.meta.url,
      ),
    ),
    'utf8',
  ),
) as Record<string, CharacterStrokeData>

/**
 * Writes 宋 on the sample by touch, tracing the faint model: the scribe's stroke medians, placed
 * as the guide is (glyphEmPlacement), one drag a stroke, in stroke order.
 */
export async function writeSongByTouch(
  page: Page,
  cdp: CDPSession,
  stepDelayMs = 8,
): Promise<void> {
  const layout = layoutBlockText('宋')
  // Writing space is in heights of the writing area; the sample box is that area on screen.
  const strokes = scribeStrokes(layout.glyphs, scribeStrokeData, layout.aspect)
  for (const stroke of strokes) {
    const sample = await woodblockSampleBox(page)
    const at = ({ x, y }: { x: number; y: number }) => ({
      x: sample.x + (sample.width * x) / layout.aspect,
      y: sample.y + sample.height * y,
    })
    const points: ScreenPoint[] = []
    // A move every 6 % of the sample or so: a writing pace, neither a crawl (a fat line) nor a flick.
    for (let i = 1; i < stroke.length; i++) {
      const from = stroke[i - 1]!
      const to = stroke[i]!
      const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 0.06))
      points.push(...linePoints(at(from), at(to), steps).slice(i === 1 ? 0 : 1))
    }
    await touchDrag(cdp, points, stepDelayMs)
  }
}

/**
 * Clears the block's ground with the chisel: vertical passes across the face, `columns` of them.
 * With a generous chisel this clears well past the share at which the master takes over.
 */
export async function chiselBlock(
  page: Page,
  cdp: CDPSession,
  columns = 14,
  stepDelayMs = 0,
): Promise<void> {
  const block = await woodblockBlockBox(page)
  const points: ScreenPoint[] = []
  for (let column = 0; column < columns; column++) {
    const x = block.x + block.width * ((column + 0.5) / columns)
    const [fromY, toY] =
      column % 2 === 0
        ? [block.y + 2, block.y + block.height - 2]
        : [block.y + block.height - 2, block.y + 2]
    points.push(...linePoints({ x, y: fromY }, { x, y: toY }, 6))
  }
  await touchDrag(cdp, points, stepDelayMs)
}

/**
 * 上版 by touch: turns the sample face down onto the block (a fold drag to the left), waits for the
 * camera to settle on the block, then rubs the sample's back until the paper comes away and the
 * carving station opens (a second sweep only if the first left too much of the writing covered).
 */
export async function transferByTouch(page: Page, cdp: CDPSession): Promise<void> {
  await foldDrag(page, cdp, 'left')
  await page.locator('[data-woodblock-sample-down]').waitFor({ state: 'attached' })
  await waitForSteadyBlock(page)
  for (let sweep = 0; sweep < 3 && (await woodblockPhase(page)) === 'transfer'; sweep++)
    await sweepBlock(page, cdp, 9, 2)
}

/**
 * 揭纸 by touch: takes the printed sheet by its free (right) edge and pulls it back over the block
 * to the left by `pullShare` of the block's width (1.8 peels it past the point of no return; a
 * short pull lets it spring back). With `isHeld`, the finger stays down at the end (for a
 * screenshot of the sheet half peeled); end it with a touchCancel.
 */
export async function peelDrag(
  page: Page,
  cdp: CDPSession,
  pullShare = 1.8,
  isHeld = false,
): Promise<void> {
  const block = await woodblockBlockBox(page)
  const y = block.y + block.height * 0.5
  const from = { x: block.x + block.width * 0.98, y }
  const to = { x: from.x - block.width * pullShare, y }
  const points = linePoints(from, to, 8)
  if (isHeld) await pressAlong(cdp, points)
  else await touchDrag(cdp, points)
}

/**
 * Shares of the scene canvas's sampled pixels that differ from its most common colour, read from
 * a screenshot: the scene renders on demand, and a WebGL canvas without preserveDrawingBuffer
 * reads back blank in a frame it was not drawn in.
 */
export async function woodblockCanvasVariety(page: Page): Promise<number> {
  const png = (await page.locator('[data-woodblock-scene] canvas').screenshot()).toString('base64')
  return page.evaluate(async (png) => {
    // Decoded here, not fetched from a data: URL (the kiosk's content security policy refuses it).
    const bytes = Uint8Array.from(atob(png), (char) => char.charCodeAt(0))
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
    const copy = new OffscreenCanvas(64, 64)
    const context = copy.getContext('2d')!
    context.drawImage(image, 0, 0, 64, 64)
    const data = context.getImageData(0, 0, 64, 64).data
    const counts = new Map<number, number>()
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const most = Math.max(...counts.values())
    return 1 - most / (64 * 64)
  }, png)
}
