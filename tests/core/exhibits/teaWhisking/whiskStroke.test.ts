import { describe, expect, it } from 'vitest'
import { WhiskStroke } from '../../../../src/exhibits/teaWhisking/whiskStroke'

describe('whisk strokes measured from the finger', () => {
  it('measures speed in bowl radii per second and counts back-and-forth reversals', () => {
    const stroke = new WhiskStroke()
    stroke.begin({ x: 0, y: 0, timeMs: 0, pressure: 0 })
    const inputs = []
    for (let i = 1; i <= 20; i++) {
      // A zigzag: 0.3 radii each way every 50 ms.
      const x = i % 2 === 0 ? 0 : 0.3
      inputs.push(stroke.move({ x, y: 0, timeMs: i * 50, pressure: 0 })!)
    }
    const last = inputs.at(-1)!
    expect(last.speedRadiiPerSecond).toBeCloseTo(6, 5)
    expect(last.pressure).toBe(0.5)
    expect(last.reversalsPerSecond).toBeGreaterThan(15)
  })

  it('finds no reversals in a circle', () => {
    const stroke = new WhiskStroke()
    stroke.begin({ x: 0.5, y: 0, timeMs: 0, pressure: 0.7 })
    let last: ReturnType<WhiskStroke['move']> | undefined
    for (let i = 1; i <= 40; i++) {
      const a = (i / 20) * 2 * Math.PI
      last = stroke.move({
        x: 0.5 * Math.cos(a),
        y: 0.5 * Math.sin(a),
        timeMs: i * 20,
        pressure: 0.7,
      })
    }
    expect(last!.reversalsPerSecond).toBe(0)
    expect(last!.pressure).toBe(0.7)
  })
})
