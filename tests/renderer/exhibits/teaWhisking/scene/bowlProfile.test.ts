import { describe, expect, it } from 'vitest'
import {
  bowlHeightCm,
  innerRadiusAt,
  jianBowlProfile,
  surfaceHeightForFill,
} from '../../../../../renderer/exhibits/teaWhisking/scene/bowlProfile'

describe('the Jian bowl’s shape', () => {
  it('widens upwards inside, and a fuller bowl has a higher, wider surface', () => {
    const fills = [0.02, 0.1, 0.2, 0.4, 0.8]
    const heights = fills.map(surfaceHeightForFill)
    for (let i = 1; i < heights.length; i++) {
      expect(heights[i]).toBeGreaterThan(heights[i - 1]!)
      expect(innerRadiusAt(heights[i]!)).toBeGreaterThan(innerRadiusAt(heights[i - 1]!))
    }
    // Cai Xiang's four-tenths stands well below the rim in a funnel-shaped bowl.
    expect(surfaceHeightForFill(0.4)).toBeLessThan(bowlHeightCm - 1)
  })

  it('orders its lathe profile foot → rim → centre, with the rim between the glaze bands', () => {
    const { points, footTopV, rimV } = jianBowlProfile()
    expect(points[0]!.r).toBe(0)
    expect(points.at(-1)!.r).toBe(0)
    expect(footTopV).toBeGreaterThan(0)
    expect(rimV).toBeGreaterThan(footTopV)
    expect(rimV).toBeLessThan(1)
    const rim = points[Math.round(rimV * (points.length - 1))]!
    expect(rim.y).toBeCloseTo(bowlHeightCm, 5)
  })

  it('stops the glaze short of the foot, on the outer wall, so a band of bare body shows', () => {
    const { points, footTopV, glazeEndV, rimV } = jianBowlProfile()
    expect(glazeEndV).toBeGreaterThan(footTopV)
    expect(glazeEndV).toBeLessThan(rimV)
    const glazeEnd = points[Math.round(glazeEndV * (points.length - 1))]!
    const footTop = points[Math.round(footTopV * (points.length - 1))]!
    // Well above the foot ring (which the stand's cup hides), and low on the wall.
    expect(glazeEnd.y - footTop.y).toBeGreaterThan(0.5)
    expect(glazeEnd.y).toBeLessThan(bowlHeightCm / 3)
  })
})
