import { describe, expect, it } from 'vitest'
import { targetCorner } from '../../../renderer/scenes/targetCorner'

describe('targetCorner', () => {
  it('for a frame the target’s size covers it all and reads up to half a texel from its far edge', () => {
    expect(targetCorner(1280, 800, 1280, 800)).toEqual({
      widthPx: 1280,
      heightPx: 800,
      uvScaleX: 1,
      uvScaleY: 1,
      uvMaxX: 1279.5 / 1280,
      uvMaxY: 799.5 / 800,
    })
  })

  it('for a smaller frame covers just its corner, and the pass reads just that corner', () => {
    const corner = targetCorner(1000, 600, 450, 270)
    expect(corner).toMatchObject({ widthPx: 450, heightPx: 270 })
    expect(corner.uvScaleX).toBeCloseTo(0.45)
    expect(corner.uvScaleY).toBeCloseTo(0.45)
    // The last texel's centre inside the corner, never the stale texel beyond it.
    expect(corner.uvMaxX * 1000).toBeCloseTo(449.5)
    expect(corner.uvMaxY * 600).toBeCloseTo(269.5)
  })

  it('never covers less than a pixel or more than the target', () => {
    expect(targetCorner(640, 400, 0, 0)).toMatchObject({ widthPx: 1, heightPx: 1 })
    expect(targetCorner(640, 400, 900, 700)).toMatchObject({ widthPx: 640, heightPx: 400 })
  })
})
