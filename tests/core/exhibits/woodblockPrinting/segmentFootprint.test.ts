import { describe, expect, it } from 'vitest'
import { segmentFootprint } from '../../../../src/exhibits/woodblockPrinting/segmentFootprint'

describe('segmentFootprint', () => {
  it('spans the segment in cells, widened by the reach and clipped to the field', () => {
    const footprint = segmentFootprint({ x: 0.1, y: 0.5 }, { x: 0.3, y: 0.5 }, 100, 50, 4)
    expect(footprint).toEqual({
      ax: 10,
      ay: 25,
      bx: 30,
      by: 25,
      cells: { x0: 6, y0: 21, x1: 35, y1: 30 },
    })
  })

  it('clips a segment at the corner to the field', () => {
    const footprint = segmentFootprint({ x: 0, y: 0 }, { x: 0.02, y: 0 }, 100, 100, 3)
    expect(footprint?.cells).toEqual({ x0: 0, y0: 0, x1: 6, y1: 4 })
  })

  it('is undefined for a segment wholly outside the field', () => {
    expect(segmentFootprint({ x: 2, y: 2 }, { x: 3, y: 3 }, 10, 10, 1)).toBeUndefined()
  })
})
