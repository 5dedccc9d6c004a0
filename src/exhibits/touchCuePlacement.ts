import { ringInkBox, type RingEllipse, type ScreenBox } from './touchCueRing'

/** A side of the target the hint chip may stand on. */
export type CueSide = 'below' | 'above' | 'right' | 'left'

/** Where the hint chip goes: its top left on the stage, CSS px, and the side it took. */
export interface CuePlacement {
  readonly x: number
  readonly y: number
  readonly side: CueSide
}

export interface CuePlacementInput {
  /** The ring round the target: the chip must not touch it nor stand inside it. */
  readonly ring: RingEllipse
  readonly chipWidthPx: number
  readonly chipHeightPx: number
  /** The part of the stage the chip must stay inside (clear of the frame's own controls). */
  readonly bounds: ScreenBox
  /** Sides to try, best first: an exhibit knows where its tools lie and where the hand comes from. */
  readonly sides: readonly CueSide[]
  /** Air between the ring's ink and the chip, CSS px. */
  readonly gapPx: number
  /**
   * Things on the stage the chip should not cover (an exhibit's tools laid out on the bench):
   * a place clear of them is taken before one that is only clear of the ring.
   */
  readonly avoid?: readonly ScreenBox[]
}

/** Positions tried along a side, from its middle outwards to either end. */
const slideSteps = 8

function clamp(value: number, low: number, high: number): number {
  return high < low ? low : Math.min(high, Math.max(low, value))
}

/**
 * Whether a box touches the filled ellipse (the ring's ink with its air round it): scaled so the
 * ellipse is the unit circle, the nearest point of the box is within 1 of its centre.
 */
function touchesEllipse(
  box: ScreenBox,
  centreX: number,
  centreY: number,
  reachXPx: number,
  reachYPx: number,
): boolean {
  const nearestX = clamp(centreX, box.x, box.x + box.width)
  const nearestY = clamp(centreY, box.y, box.y + box.height)
  // Just touching counts as clear (a chip set against a side is tangent to the ellipse there).
  return ((nearestX - centreX) / reachXPx) ** 2 + ((nearestY - centreY) / reachYPx) ** 2 < 1 - 1e-6
}

function overlapArea(a: ScreenBox, b: ScreenBox): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/**
 * Stands the hint chip beside the ring, never over it. First the sides (in the order given) with
 * room for it outright; then those where it must be pulled in over the ring's box to stay inside
 * `bounds`, and slid along the side from the middle outwards until it is clear of the ring, which
 * it can be off the middle, where the ellipse curves away. All that is tried first for a place
 * that covers none of `avoid` too, then for one clear of the ring alone. If nothing is clear, the
 * side whose middle covers least of the ring's box. Pure, so the rule is tested without a page.
 */
export function placeCueBeside(input: CuePlacementInput): CuePlacement {
  const { ring, chipWidthPx: w, chipHeightPx: h, bounds, gapPx } = input
  const ink = ringInkBox(ring)
  const reachXPx = ink.width / 2 + gapPx
  const reachYPx = ink.height / 2 + gapPx
  const left = bounds.x
  const top = bounds.y
  const right = bounds.x + bounds.width - w
  const bottom = bounds.y + bounds.height - h
  const sides = input.sides.map((side) => {
    const isVertical = side === 'below' || side === 'above'
    const against = isVertical
      ? side === 'below'
        ? ink.y + ink.height + gapPx
        : ink.y - gapPx - h
      : side === 'right'
        ? ink.x + ink.width + gapPx
        : ink.x - gapPx - w
    // Against the side, pulled in to stay on the stage.
    const across = isVertical ? clamp(against, top, bottom) : clamp(against, left, right)
    const middle = isVertical
      ? clamp(ring.centreX - w / 2, left, right)
      : clamp(ring.centreY - h / 2, top, bottom)
    const [low, high] = isVertical ? [left, right] : [top, bottom]
    const place = (along: number): CuePlacement =>
      isVertical ? { x: along, y: across, side } : { x: across, y: along, side }
    return { isPulledIn: across !== against, middle, low, high, place }
  })
  const avoid = input.avoid ?? []
  for (const isAvoiding of avoid.length > 0 ? [true, false] : [false]) {
    for (const pass of [false, true]) {
      for (const { isPulledIn, middle, low, high, place } of sides) {
        if (isPulledIn !== pass) continue
        for (let step = 0; step <= slideSteps; step++) {
          for (const end of step === 0 ? [middle] : [low, high]) {
            const candidate = place(middle + ((end - middle) * step) / slideSteps)
            const box = { x: candidate.x, y: candidate.y, width: w, height: h }
            if (touchesEllipse(box, ring.centreX, ring.centreY, reachXPx, reachYPx)) continue
            if (isAvoiding && avoid.some((thing) => overlapArea(box, thing) > 0)) continue
            return candidate
          }
        }
      }
    }
  }
  const fallbacks = sides.map(({ middle, place }) => {
    const atMiddle = place(middle)
    return { ...atMiddle, covered: overlapArea({ ...atMiddle, width: w, height: h }, ink) }
  })
  const chosen = fallbacks.reduce((best, next) => (next.covered < best.covered ? next : best))
  return { x: chosen.x, y: chosen.y, side: chosen.side }
}
