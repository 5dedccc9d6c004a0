// Scripted touch for the tea exhibit, shared by its end-to-end test and the docs' screenshot
// script. Touches go through CDP Input.dispatchTouchEvent, so the page sees pointerType 'touch'.
import type { CDPSession, Page } from '@playwright/test'
import { pressAlong, timedTouchPath, type TouchPoint } from './timedTouch'

/** Where the tea scene's touchable things are, in page CSS pixels. */
export interface TeaAnchors {
  readonly bowl: TouchPoint & { readonly radiusXPx: number; readonly radiusYPx: number }
  readonly ewer: TouchPoint
  readonly caddy: TouchPoint
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The bowl, ewer and caddy as the scene reports them (`data-tea-anchors`), moved onto the page. */
export async function teaAnchors(page: Page): Promise<TeaAnchors> {
  const json = await page.locator('[data-tea-anchors]').getAttribute('data-tea-anchors')
  const box = await page.locator('.tea-exhibit__stage canvas').boundingBox()
  if (!json || !box) throw new Error('The tea scene has not reported where its bowl and ewer are')
  const a = JSON.parse(json) as TeaAnchors
  const shift = (p: TouchPoint) => ({ x: p.x + box.x, y: p.y + box.y })
  return { bowl: { ...a.bowl, ...shift(a.bowl) }, ewer: shift(a.ewer), caddy: shift(a.caddy) }
}

/**
 * The anchors once the set stands still: on a wide screen the verdict slides the set aside for
 * its card (teaTableFraming.ts), so anything touched after the verdict reads them again here.
 * Waits for the scene to say the slide is over (`isSliding`), not for the places to stop
 * changing: on a loaded machine a software-rendered frame can take longer than any pause between
 * two reads, and the set looked still half way through its slide.
 */
export async function teaAnchorsAtRest(page: Page, timeoutMs = 30_000): Promise<TeaAnchors> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const json = await page.locator('[data-tea-anchors]').getAttribute('data-tea-anchors')
    if (json && (JSON.parse(json) as { isSliding?: boolean }).isSliding === false) {
      return teaAnchors(page)
    }
    if (Date.now() > deadline) {
      throw new Error(`The tea set was still moving ${timeoutMs} ms after the verdict`)
    }
    await pause(100)
  }
}

/** A point on the bowl's ellipse at `fraction` of its radius and `angle` (radians). */
export function onBowl(a: TeaAnchors, fraction: number, angle: number): TouchPoint {
  return {
    x: a.bowl.x + Math.cos(angle) * a.bowl.radiusXPx * fraction,
    y: a.bowl.y + Math.sin(angle) * a.bowl.radiusYPx * fraction,
  }
}

/** 调膏: two slow turns of a finger round the bowl at half its radius, stirring the paste. */
export async function stirPaste(cdp: CDPSession, a: TeaAnchors): Promise<void> {
  await timedTouchPath(
    cdp,
    Array.from({ length: 16 }, (_, i) => onBowl(a, 0.5, (i / 4) * Math.PI)),
    40,
  )
}

/**
 * Pour as a visitor does: press the ewer, carry it over the bowl (and, for the first pour, sweep
 * the stream round its edge), then hold it there watching the water gauge, and lift when it says
 * enough. Returns the gauge (`data-tea-pour-fill`) at the lift. A pour that does not ring the
 * bowl lands at `landingFraction` of the rim's radius from the centre.
 */
export async function pourUntilEnough(
  page: Page,
  cdp: CDPSession,
  a: TeaAnchors,
  isRing: boolean,
  landingFraction = 0.4,
): Promise<number> {
  // The first pour sweeps half way round the near side of the rim and back (the scene follows
  // the stream's arc); later ones need only reach the surface.
  const ring = isRing
    ? [0, 1, 2, 1].map((quarter) => onBowl(a, 0.75, (quarter * Math.PI) / 2))
    : [onBowl(a, landingFraction, 0.3)]
  const gauge = page.locator('[data-tea-pour-fill]')
  const fill = async () => Number(await gauge.getAttribute('data-tea-pour-fill'))
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ ...a.ewer, id: 1 }],
  })
  for (const point of ring) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ ...point, id: 1 }],
    })
  }
  // Hold still over the bowl: the water flows by the clock until the gauge says enough.
  const startMs = Date.now()
  while ((await fill()) < 1 && Date.now() - startMs < 30_000) await pause(20)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  return fill()
}

/**
 * Whisk as a visitor does: brisk zigzag strokes across the bowl, a stroke of about one rim
 * radius every quarter second.
 */
export async function whisk(cdp: CDPSession, a: TeaAnchors, strokes: number): Promise<void> {
  const points: TouchPoint[] = []
  for (let stroke = 0; stroke < strokes; stroke++) {
    for (let step = 0; step <= 6; step++) {
      const along = (step / 6) * 1.0 - 0.5
      const x = stroke % 2 === 0 ? along : -along
      points.push({ x: a.bowl.x + x * a.bowl.radiusXPx, y: a.bowl.y + 0.1 * a.bowl.radiusYPx })
    }
  }
  await timedTouchPath(cdp, points, 40)
}

/**
 * Whisks in batches of six strokes until `nextSelector` is on the page (how many strokes a pour
 * needs depends on the surface's size), at most ten batches.
 */
export async function whiskUntil(
  page: Page,
  cdp: CDPSession,
  a: TeaAnchors,
  nextSelector: string,
): Promise<void> {
  for (let batch = 0; batch < 10 && (await page.locator(nextSelector).count()) === 0; batch++) {
    await whisk(cdp, a, 6)
  }
}

/** The 茶百戏 picture the test and the screenshots draw: an arc over the bowl and a stem down. */
export function foamDrawingStroke(a: TeaAnchors): TouchPoint[] {
  return [
    ...Array.from({ length: 7 }, (_, i) => onBowl(a, 0.35, Math.PI + (i / 6) * Math.PI)),
    ...Array.from({ length: 4 }, (_, i) => onBowl(a, 0.35 - (0.7 * i) / 3, -Math.PI / 2)),
  ]
}

/**
 * Puts a finger down and draws `stroke` on the foam without lifting it, so whatever is read or
 * captured next shows the freshest lines; call {@link liftFinger} afterwards.
 */
export async function drawWithoutLifting(
  cdp: CDPSession,
  stroke: readonly TouchPoint[],
): Promise<void> {
  await pressAlong(cdp, stroke)
}

/** Moves the finger already down (from {@link drawWithoutLifting}) through `points`, still down. */
export async function moveFinger(cdp: CDPSession, points: readonly TouchPoint[]): Promise<void> {
  for (const point of points) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ ...point, id: 1 }],
    })
  }
}

/** Lifts every finger. */
export async function liftFinger(cdp: CDPSession): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}
