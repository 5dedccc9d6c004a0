import { describe, expect, it } from 'vitest'
import {
  brushRingPath,
  brushWidthPx,
  ringInkBox,
  ringInsideBounds,
  ringRoundBox,
  ringStrokeMaxPx,
} from '../../../src/exhibits/touchCueRing'
import { placeCueBeside } from '../../../src/exhibits/touchCuePlacement'
import type { RingEllipse } from '../../../src/exhibits/touchCueRing'

function pathPoints(path: string): { x: number; y: number }[] {
  return [...path.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }))
}

describe('the touch cue’s ring', () => {
  it('is round round a rectangular target: an ellipse clear of each side, reaching to the corners', () => {
    const box = { x: 100, y: 50, width: 300, height: 120 }
    const ring = ringRoundBox(box, 6)
    expect(ring.centreX).toBe(250)
    expect(ring.centreY).toBe(110)
    // Clear of each side's middle by more than the clearance.
    expect(ring.radiusXPx - box.width / 2).toBeGreaterThan(6)
    expect(ring.radiusYPx - box.height / 2).toBeGreaterThan(6)
    // A corner lies near the stroke (within a fifth of a radius), not far inside or outside it.
    const cornerRadii = Math.hypot(150 / ring.radiusXPx, 60 / ring.radiusYPx)
    expect(cornerRadii).toBeGreaterThan(0.9)
    expect(cornerRadii).toBeLessThan(1.2)
  })

  it('draws a brush stroke on the ellipse: every edge point within a stroke of the centre line, no corners', () => {
    const ring = { centreX: 200, centreY: 120, radiusXPx: 150, radiusYPx: 80 }
    const ink = ringInkBox(ring)
    const points = pathPoints(brushRingPath(ring))
    expect(points.length).toBeGreaterThan(200)
    for (const p of points) {
      // Back to the stage, then how far from the ellipse's centre line (in radii).
      const x = (p.x + ink.x - ring.centreX) / ring.radiusXPx
      const y = (p.y + ink.y - ring.centreY) / ring.radiusYPx
      const distancePx = Math.abs(Math.hypot(x, y) - 1) * Math.min(ring.radiusXPx, ring.radiusYPx)
      expect(distancePx).toBeLessThan(ringStrokeMaxPx + 2.5)
      expect(p.x).toBeGreaterThanOrEqual(-1)
      expect(p.y).toBeGreaterThanOrEqual(-1)
      expect(p.x).toBeLessThanOrEqual(ink.width + 1)
      expect(p.y).toBeLessThanOrEqual(ink.height + 1)
    }
  })

  it('presses in, runs full and lifts to a thin tail, as one brush stroke does', () => {
    expect(brushWidthPx(0)).toBeLessThan(brushWidthPx(0.2))
    expect(brushWidthPx(0.2)).toBeCloseTo(ringStrokeMaxPx)
    expect(brushWidthPx(1)).toBeLessThan(ringStrokeMaxPx * 0.3)
    expect(brushWidthPx(1)).toBeGreaterThan(0)
  })
})

describe('where the hint chip stands', () => {
  const bounds = { x: 0, y: 0, width: 1200, height: 600 }
  const chip = { chipWidthPx: 300, chipHeightPx: 80, bounds, gapPx: 12 }
  /** The ring's ink with the air round it, as an ellipse: what the chip must keep out of. */
  function clearOfRing(place: { x: number; y: number }, ring: RingEllipse): boolean {
    const ink = ringInkBox(ring)
    const rx = ink.width / 2 + 12
    const ry = ink.height / 2 + 12
    const nx = Math.min(Math.max(ring.centreX, place.x), place.x + 300)
    const ny = Math.min(Math.max(ring.centreY, place.y), place.y + 80)
    return ((nx - ring.centreX) / rx) ** 2 + ((ny - ring.centreY) / ry) ** 2 >= 1
  }

  it('takes the first side asked for when it fits, centred on the ring and clear of it', () => {
    const ring = { centreX: 600, centreY: 200, radiusXPx: 100, radiusYPx: 100 }
    const place = placeCueBeside({ ...chip, ring, sides: ['below', 'above'] })
    expect(place.side).toBe('below')
    expect(place.x).toBe(450)
    expect(place.y).toBeCloseTo(ringInkBox(ring).y + ringInkBox(ring).height + 12)
  })

  it('goes to the next side when the first has no room on the stage, never over the ring', () => {
    const ring = { centreX: 600, centreY: 480, radiusXPx: 100, radiusYPx: 90 }
    const place = placeCueBeside({ ...chip, ring, sides: ['below', 'above', 'right'] })
    expect(place.side).toBe('above')
    expect(clearOfRing(place, ring)).toBe(true)
  })

  it('slides along a side to where the ellipse curves away, when the middle of it is too tight', () => {
    // A big ring: no side has room outright; at the right the chip is pulled in over the ring's
    // box, and slides up or down the side until it is clear of the ellipse itself.
    const ring = { centreX: 560, centreY: 300, radiusXPx: 400, radiusYPx: 240 }
    const place = placeCueBeside({ ...chip, ring, sides: ['right', 'below'] })
    expect(place.side).toBe('right')
    expect(place.x).toBe(900)
    expect(place.y).not.toBe(260)
    expect(clearOfRing(place, ring)).toBe(true)
  })

  it('stands clear of the things it is told to avoid (tools on the bench) when the ring leaves room', () => {
    // The ring round the work, the tools in a row below it: below is the first side asked for,
    // and it has room, but it covers the tools wherever it slides; the right does not.
    const ring = { centreX: 560, centreY: 250, radiusXPx: 300, radiusYPx: 200 }
    const tools = { x: 100, y: 470, width: 1000, height: 110 }
    const asked = { ...chip, ring, sides: ['below', 'right'] as const }
    expect(placeCueBeside(asked).side).toBe('below')
    const place = placeCueBeside({ ...asked, avoid: [tools] })
    expect(place.side).toBe('right')
    expect(clearOfRing(place, ring)).toBe(true)
    const overlapsTools =
      place.x < tools.x + tools.width &&
      place.x + 300 > tools.x &&
      place.y < tools.y + tools.height &&
      place.y + 80 > tools.y
    expect(overlapsTools).toBe(false)
    // Nothing clear of both: clear of the ring still comes first, the tools second.
    const everywhere = { x: 0, y: 0, width: 1200, height: 600 }
    expect(placeCueBeside({ ...asked, avoid: [everywhere] })).toEqual(placeCueBeside(asked))
  })

  it('when no side has room anywhere, takes the side that covers least of the ring', () => {
    const ring = { centreX: 600, centreY: 300, radiusXPx: 560, radiusYPx: 290 }
    const place = placeCueBeside({ ...chip, ring, sides: ['below', 'left'] })
    // Below, pulled up onto the stage, lies over 300 × 80 px of the ring's box; the left, pulled
    // in to the stage's edge, over less (the box starts 29 px in).
    expect(place).toEqual({ x: 0, y: 260, side: 'left' })
  })
})

describe('the ring near the stage’s edge', () => {
  const stage = { x: 12, y: 12, width: 736, height: 1176 }
  const inside = (ring: RingEllipse) => {
    const ink = ringInkBox(ring)
    return (
      ink.x >= stage.x - 0.01 &&
      ink.y >= stage.y - 0.01 &&
      ink.x + ink.width <= stage.x + stage.width + 0.01 &&
      ink.y + ink.height <= stage.y + stage.height + 0.01
    )
  }

  it('leaves a ring that fits as it is', () => {
    const ring = ringRoundBox({ x: 200, y: 300, width: 300, height: 300 }, 6)
    expect(ringInsideBounds(ring, stage)).toBe(ring)
  })

  it('draws a ring round a block framed against the right edge (portrait) in, whole inside the stage', () => {
    // The carve and lift targets in portrait: the block reaches within 40 px of the right edge.
    const target = { x: 420, y: 500, width: 290, height: 420 }
    const ring = ringRoundBox(target, 6)
    expect(inside(ring)).toBe(false)
    const fitted = ringInsideBounds(ring, stage)
    expect(inside(fitted)).toBe(true)
    // Still round the target: its centre line passes outside the target's box's half-size.
    expect(fitted.radiusXPx).toBeGreaterThanOrEqual(target.width / 2)
    expect(Math.abs(fitted.centreX - (target.x + target.width / 2))).toBeLessThan(target.width / 2)
  })
})
