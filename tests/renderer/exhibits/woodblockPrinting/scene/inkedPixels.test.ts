import { describe, expect, it } from 'vitest'
import { dabPixelRect } from '../../../../../renderer/exhibits/woodblockPrinting/scene/inkedPixels'

describe('dabPixelRect', () => {
  it('covers the dab’s circle and a pixel more for its antialiased edge', () => {
    // 512 px a unit: a dab of radius 0.01 at (0.5, 0.25) is 5.12 px round (256, 128).
    expect(dabPixelRect({ x: 0.5, y: 0.25, radius: 0.01 }, 512, 600, 512)).toEqual({
      x0: 249,
      y0: 121,
      x1: 263,
      y1: 135,
    })
  })

  it('gives the finest dab (drawn at least 0.6 px round) a rectangle of its own', () => {
    const rect = dabPixelRect({ x: 0.1, y: 0.1, radius: 0 }, 100, 100, 100)!
    expect(rect.x0).toBeLessThanOrEqual(10 - 1.6)
    expect(rect.x1).toBeGreaterThanOrEqual(10 + 1.6)
  })

  it('is clipped to the canvas at its edges, and undefined for a dab wholly outside it', () => {
    expect(dabPixelRect({ x: 0, y: 1, radius: 0.02 }, 200, 200, 200)).toEqual({
      x0: 0,
      y0: 195,
      x1: 5,
      y1: 200,
    })
    expect(dabPixelRect({ x: -1, y: 0.5, radius: 0.02 }, 200, 200, 200)).toBeUndefined()
  })
})
