import { describe, expect, it } from 'vitest'
import { restingRangeHeights } from '../../../../../renderer/exhibits/folkMusic/scene/restingRange'

const third = (heights: Float32Array, index: 0 | 1 | 2) => {
  const size = Math.floor(heights.length / 3)
  return [...heights.slice(index * size, (index + 1) * size)]
}

describe('restingRangeHeights (the silent stage)', () => {
  it.each(['far', 'near'] as const)(
    'the %s range is hills, not a flat band: it rises in the right third and lies low on the left',
    (layer) => {
      const heights = restingRangeHeights(24, layer)
      expect(heights).toHaveLength(24)
      const highest = Math.max(...heights)
      expect(highest - Math.min(...heights)).toBeGreaterThan(0.25)
      expect(Math.max(...third(heights, 2))).toBe(highest)
      // The left third stays low: the introduction stands there on empty paper.
      expect(Math.max(...third(heights, 0))).toBeLessThan(highest * 0.4)
    },
  )

  it('the far range stands above the near one at its peak, for depth', () => {
    expect(Math.max(...restingRangeHeights(24, 'far'))).toBeGreaterThan(
      Math.max(...restingRangeHeights(24, 'near')) + 0.15,
    )
  })

  it('names the bad band count', () => {
    expect(() => restingRangeHeights(0, 'far')).toThrow(
      /bandCount must be a positive integer, got 0/,
    )
  })
})
