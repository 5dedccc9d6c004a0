import type { ScreenBox } from './touchCueRing'

/** A side of the target the hint chip may stand on. */
export type CueSide = 'below' | 'above' | 'right' | 'left'

/** Where the hint chip goes: its top left on the stage, CSS px, and the side it took. */
export interface CuePlacement {
  readonly x: number
  readonly y: number
  readonly side: CueSide
}

export interface CuePlacementInput {
  /** What the chip must not cover: the ring's ink box round the target. */
  readonly ring: ScreenBox
  readonly chipWidthPx: number
  readonly chipHeightPx: number
  /** The part of the stage the chip must stay inside (clear of the frame's own controls). */
  readonly bounds: ScreenBox
  /** Sides to try, best first: an exhibit knows where its tools lie and where the hand comes from. */
  readonly sides: readonly CueSide[]
  /** Air between the ring and the chip, CSS px. */
  readonly gapPx: number
}

function overlapArea(a: ScreenBox, b: ScreenBox): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function clamp(value: number, low: number, high: number): number {
  return high < low ? low : Math.min(high, Math.max(low, value))
}

/**
 * Stands the hint chip beside the ring, never over it: the first of `sides` where the chip fits
 * inside `bounds` clear of the ring (slid along that side to fit), else the side that covers the
 * least of the ring. Pure, so the rule is tested without a page.
 */
export function placeCueBeside(input: CuePlacementInput): CuePlacement {
  const { ring, chipWidthPx: w, chipHeightPx: h, bounds, gapPx } = input
  const left = bounds.x
  const top = bounds.y
  const right = bounds.x + bounds.width
  const bottom = bounds.y + bounds.height
  const centreX = ring.x + ring.width / 2
  const centreY = ring.y + ring.height / 2
  const candidates = input.sides.map((side): CuePlacement & { fits: boolean; covered: number } => {
    let x: number
    let y: number
    let fits: boolean
    if (side === 'below' || side === 'above') {
      x = clamp(centreX - w / 2, left, right - w)
      y = side === 'below' ? ring.y + ring.height + gapPx : ring.y - gapPx - h
      fits = side === 'below' ? y + h <= bottom : y >= top
      y = clamp(y, top, bottom - h)
    } else {
      y = clamp(centreY - h / 2, top, bottom - h)
      x = side === 'right' ? ring.x + ring.width + gapPx : ring.x - gapPx - w
      fits = side === 'right' ? x + w <= right : x >= left
      x = clamp(x, left, right - w)
    }
    const covered = overlapArea({ x, y, width: w, height: h }, ring)
    return { x, y, side, fits: fits && covered === 0 && w <= bounds.width, covered }
  })
  const chosen =
    candidates.find((candidate) => candidate.fits) ??
    candidates.reduce((best, candidate) => (candidate.covered < best.covered ? candidate : best))
  return { x: chosen.x, y: chosen.y, side: chosen.side }
}
