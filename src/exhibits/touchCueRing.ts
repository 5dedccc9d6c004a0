/**
 * The touch cue's ring: one cinnabar brush circle (an ensō 圆相 laid round the thing to touch), the
 * same in every exhibit. Pure geometry in CSS pixels, so the look is testable without a page.
 * See docs/visitor-journey.md ("The touch cue").
 */

/** A box on the exhibit's stage in CSS px from its top left. */
export interface ScreenBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** An upright ellipse on the stage: the ring's centre line, CSS px. */
export interface RingEllipse {
  readonly centreX: number
  readonly centreY: number
  readonly radiusXPx: number
  readonly radiusYPx: number
}

/** Widest the brush gets, CSS px: heavy enough to read as a stroke, not a hairline outline. */
export const ringStrokeMaxPx = 7

/**
 * How much wider than the box the ring is, each way. √2 would pass every corner, but round a
 * big target (a sheet, a block) that loops far over the tools beside it; a little less lets the
 * corners just touch the stroke, as a brush circle drawn round a thing does.
 */
export const ringSpreadOfBox = 1.2

/**
 * An upright ellipse of the box's own proportions, `clearancePx` beyond `ringSpreadOfBox` times
 * its half-size: a round ring round a rectangular target (a block, a sheet), never a rectangle.
 */
export function ringRoundBox(box: ScreenBox, clearancePx: number): RingEllipse {
  return {
    centreX: box.x + box.width / 2,
    centreY: box.y + box.height / 2,
    radiusXPx: (box.width / 2) * ringSpreadOfBox + clearancePx,
    radiusYPx: (box.height / 2) * ringSpreadOfBox + clearancePx,
  }
}

/** How far the hand's unevenness moves the stroke off the ellipse, at most, per unit radius. */
const wobbleMax = 0.02

/** The box the ring's ink covers (its centre line, the hand's unevenness and half the stroke). */
export function ringInkBox(ring: RingEllipse): ScreenBox {
  const reachXPx = ring.radiusXPx * (1 + wobbleMax) + ringStrokeMaxPx / 2
  const reachYPx = ring.radiusYPx * (1 + wobbleMax) + ringStrokeMaxPx / 2
  return {
    x: ring.centreX - reachXPx,
    y: ring.centreY - reachYPx,
    width: 2 * reachXPx,
    height: 2 * reachYPx,
  }
}

/** Where the stroke starts (up and a little left, as a brush circle is begun) and how far it goes. */
const startAngle = -0.62 * Math.PI
const sweepAngle = 1.9 * Math.PI
const outlineSteps = 120

/**
 * Width of the brush at `t` (0 at the first touch, 1 where it lifts): pressed in quickly, full
 * through the body, thinning to a dry tail, as one loaded stroke does.
 */
export function brushWidthPx(t: number): number {
  const pressIn = Math.min(1, 0.45 + t / 0.12)
  const lift = 1 - 0.78 * Math.max(0, (t - 0.35) / 0.65) ** 2
  return ringStrokeMaxPx * pressIn * lift
}

/**
 * The ring as one filled SVG path (`M … Z`) in the coordinates of `ringInkBox(ring)` (its top left
 * at 0,0): the brush's two edges round the ellipse, its width from `brushWidthPx`, and a slight
 * unevenness of the hand in the radius (a few parts in a hundred, the same every time).
 */
export function brushRingPath(ring: RingEllipse): string {
  const ink = ringInkBox(ring)
  const outer: string[] = []
  const inner: string[] = []
  for (let step = 0; step <= outlineSteps; step++) {
    const t = step / outlineSteps
    const angle = startAngle + sweepAngle * t
    const wobble = 1 + wobbleMax * (0.62 * Math.sin(3 * angle + 1) + 0.38 * Math.sin(7 * angle + 2))
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    const x = ring.centreX + ring.radiusXPx * wobble * cos
    const y = ring.centreY + ring.radiusYPx * wobble * sin
    // The ellipse's outward normal, so the stroke is as wide on the flat sides as on the round.
    const normalX = cos / Math.max(1, ring.radiusXPx)
    const normalY = sin / Math.max(1, ring.radiusYPx)
    const normalLength = Math.hypot(normalX, normalY) || 1
    const half = brushWidthPx(t) / 2
    const dx = (normalX / normalLength) * half
    const dy = (normalY / normalLength) * half
    outer.push(`${(x + dx - ink.x).toFixed(1)} ${(y + dy - ink.y).toFixed(1)}`)
    inner.push(`${(x - dx - ink.x).toFixed(1)} ${(y - dy - ink.y).toFixed(1)}`)
  }
  return `M${outer.join(' L')} L${inner.reverse().join(' L')} Z`
}

/**
 * The ring kept whole inside `bounds` (the stage less its edge air): a ring round a target near
 * the stage's edge (the block framed against the right edge in portrait) would be cut off there.
 * Along each axis the ring first draws in towards its target (down to the target's own half-size,
 * `radius ÷ ringSpreadOfBox`, so it still passes round it); only if that is not enough does its
 * centre move in from the edge. A ring that fits is returned as it is.
 */
export function ringInsideBounds(ring: RingEllipse, bounds: ScreenBox): RingEllipse {
  const reachOver = (radiusPx: number) => radiusPx * wobbleMax + ringStrokeMaxPx / 2
  const fit = (centre: number, radiusPx: number, low: number, high: number) => {
    const room = Math.min(centre - low, high - centre) - reachOver(radiusPx)
    if (room >= radiusPx) return { centre, radiusPx }
    const fitted = Math.max(room, radiusPx / ringSpreadOfBox)
    // Still too wide for where it stands: move in, never past the bounds' middle.
    const shortfall = fitted + reachOver(fitted) - Math.min(centre - low, high - centre)
    const direction = centre - low < high - centre ? 1 : -1
    return { centre: centre + direction * Math.max(0, shortfall), radiusPx: fitted }
  }
  const across = fit(ring.centreX, ring.radiusXPx, bounds.x, bounds.x + bounds.width)
  const down = fit(ring.centreY, ring.radiusYPx, bounds.y, bounds.y + bounds.height)
  if (across.radiusPx === ring.radiusXPx && down.radiusPx === ring.radiusYPx) return ring
  return {
    centreX: across.centre,
    centreY: down.centre,
    radiusXPx: across.radiusPx,
    radiusYPx: down.radiusPx,
  }
}
