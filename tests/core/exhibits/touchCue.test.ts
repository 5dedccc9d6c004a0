import { describe, expect, it } from 'vitest'
import {
  brushRingPath,
  brushWidthPx,
  ringInkBox,
  ringRoundBox,
  ringStrokeMaxPx,
  type ScreenBox,
} from '../../../src/exhibits/touchCueRing'
import { placeCueBeside } from '../../../src/exhibits/touchCuePlacement'

function pathPoints(path: string): { x: number; y: number }[] {
  return [...path.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }))
}

function overlaps(a: ScreenBox, b: ScreenBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
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

  it('takes the first side asked for when it fits, centred on the ring and clear of it', () => {
    const ring = { x: 500, y: 100, width: 200, height: 200 }
    const place = placeCueBeside({ ...chip, ring, sides: ['below', 'above'] })
    expect(place).toEqual({ x: 450, y: 312, side: 'below' })
  })

  it('goes to the next side when the first would leave the stage, never over the ring', () => {
    const ring = { x: 500, y: 400, width: 200, height: 190 }
    const place = placeCueBeside({ ...chip, ring, sides: ['below', 'above', 'right'] })
    expect(place.side).toBe('above')
    expect(overlaps({ x: place.x, y: place.y, width: 300, height: 80 }, ring)).toBe(false)
  })

  it('slides along its side to stay on the stage', () => {
    const ring = { x: 1050, y: 100, width: 140, height: 140 }
    const place = placeCueBeside({ ...chip, ring, sides: ['below'] })
    expect(place.x).toBe(900)
    expect(place.side).toBe('below')
  })

  it('when no side fits, takes the side that covers least of the ring', () => {
    const ring = { x: 100, y: 20, width: 1000, height: 560 }
    const place = placeCueBeside({ ...chip, ring, sides: ['below', 'left'] })
    // Below would lie over 300 × 60 px of the ring's box; left, slid to the edge, over 200 × 80.
    expect(place).toEqual({ x: 0, y: 260, side: 'left' })
  })
})
