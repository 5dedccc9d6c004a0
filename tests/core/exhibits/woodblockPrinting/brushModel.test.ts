import { describe, expect, it } from 'vitest'
import {
  BrushStroke,
  defaultBrushTuning,
  inkAfter,
  radiusForSpeed,
  type BrushDab,
} from '../../../../src/exhibits/woodblockPrinting/brushModel'

/** Draws a straight stroke from (0.1, 0.5) to (`toX`, 0.5) in `durationMs`, returning its dabs. */
function stroke(toX: number, durationMs: number, samples = 20): BrushDab[] {
  const dabs: BrushDab[] = []
  const brush = new BrushStroke({ x: 0.1, y: 0.5, timeMs: 0 }, (dab) => dabs.push(dab))
  for (let i = 1; i <= samples; i++) {
    brush.moveTo({
      x: 0.1 + ((toX - 0.1) * i) / samples,
      y: 0.5,
      timeMs: (durationMs * i) / samples,
    })
  }
  brush.lift()
  return dabs
}

const middle = (dabs: BrushDab[]) => dabs[Math.floor(dabs.length / 2)]!

describe('the writing brush', () => {
  it('draws wide when slow and thin when quick', () => {
    expect(radiusForSpeed(0.05)).toBeGreaterThan(radiusForSpeed(0.6))
    expect(radiusForSpeed(0.6)).toBeGreaterThan(radiusForSpeed(5))
    const slow = middle(stroke(0.6, 2000))
    const quick = middle(stroke(0.6, 120))
    expect(slow.radius).toBeGreaterThan(quick.radius * 1.6)
  })

  it('enters on the tip, presses at once, and lifts to a point at the end', () => {
    const dabs = stroke(0.6, 600)
    const pace = middle(dabs).radius
    // The entry is a sharp wedge: the first dab is the tip's point, not a round blot…
    expect(dabs[0]!.radius).toBeLessThan(pace * 0.5)
    // …the press (顿笔) follows within a few radii and is wider than the stroke's body.
    const entry = dabs.filter((dab) => dab.x - 0.1 < defaultBrushTuning.radius * 2)
    expect(Math.max(...entry.map((dab) => dab.radius))).toBeGreaterThan(pace * 1.15)
    const last = dabs[dabs.length - 1]!
    expect(last.radius).toBeLessThan(pace * 0.15)
    // The tail carries on past the last point, in the stroke's direction.
    expect(last.x).toBeGreaterThan(0.6)
  })

  it('presses into a sharp turn (折) so the corner has a shoulder, but not into a gentle bend', () => {
    /** Right along y = 0.2 to x = 0.5, then on to `end`, at an even pace: the dabs after the bend. */
    function afterBend(end: { x: number; y: number }): BrushDab[] {
      const dabs: BrushDab[] = []
      const brush = new BrushStroke({ x: 0.1, y: 0.2, timeMs: 0 }, (dab) => dabs.push(dab))
      for (let i = 1; i <= 8; i++) brush.moveTo({ x: 0.1 + 0.05 * i, y: 0.2, timeMs: i * 80 })
      const before = dabs.length
      for (let i = 1; i <= 8; i++)
        brush.moveTo({
          x: 0.5 + ((end.x - 0.5) * i) / 8,
          y: 0.2 + ((end.y - 0.2) * i) / 8,
          timeMs: 640 + i * 80,
        })
      return dabs.slice(before - 1)
    }
    const corner = afterBend({ x: 0.5, y: 0.6 })
    const bend = afterBend({ x: 0.9, y: 0.3 })
    const atCorner = corner[1]!.radius
    expect(atCorner).toBeGreaterThan(corner[0]!.radius * 1.15)
    expect(atCorner).toBeCloseTo(defaultBrushTuning.radius * defaultBrushTuning.pressFactor, 3)
    expect(bend[1]!.radius).toBeLessThan(bend[0]!.radius * 1.05)
    // The press eases back to the pace's width along the new heading.
    expect(corner[corner.length - 1]!.radius).toBeLessThan(atCorner * 0.9)
  })

  it('runs dry along a long stroke and is full again for the next', () => {
    expect(inkAfter(0)).toBe(1)
    expect(inkAfter(defaultBrushTuning.dryAfterLength * 2)).toBeCloseTo(defaultBrushTuning.dryInk)
    const long: BrushDab[] = []
    const brush = new BrushStroke({ x: 0, y: 0.1, timeMs: 0 }, (dab) => long.push(dab))
    // Back and forth across the sheet: several times its width in one stroke.
    for (let i = 1; i <= 60; i++) brush.moveTo({ x: i % 2, y: 0.1 + i * 0.01, timeMs: i * 300 })
    expect(long[long.length - 1]!.ink).toBeLessThan(0.6)
    expect(long[0]!.ink).toBe(1)
    const next = stroke(0.3, 400)
    expect(next[0]!.ink).toBe(1)
  })
})
