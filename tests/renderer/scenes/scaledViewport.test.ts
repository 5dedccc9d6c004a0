import { describe, expect, it } from 'vitest'
import { scaledViewport } from '../../../renderer/scenes/scaledViewport'

describe('scaledViewport', () => {
  it('at full size covers the whole target and reads it up to half a texel from its far edge', () => {
    expect(scaledViewport(1280, 800, 1)).toEqual({
      widthPx: 1280,
      heightPx: 800,
      uvScaleX: 1,
      uvScaleY: 1,
      uvMaxX: 1279.5 / 1280,
      uvMaxY: 799.5 / 800,
    })
  })

  it('at a fraction covers the rounded corner of that size, and the copy reads just that corner', () => {
    const viewport = scaledViewport(1000, 600, 0.45)
    expect(viewport).toMatchObject({ widthPx: 450, heightPx: 270 })
    expect(viewport.uvScaleX).toBeCloseTo(0.45)
    expect(viewport.uvScaleY).toBeCloseTo(0.45)
    // The last texel's centre inside the corner, never the stale texel beyond it.
    expect(viewport.uvMaxX * 1000).toBeCloseTo(449.5)
    expect(viewport.uvMaxY * 600).toBeCloseTo(269.5)
  })

  it('keeps the scene camera’s aspect within a pixel of rounding', () => {
    const viewport = scaledViewport(1919, 1079, 0.61)
    expect(viewport.widthPx / viewport.heightPx).toBeCloseTo(1919 / 1079, 2)
  })

  it('never draws less than a pixel or more than the target, whatever scale it is given', () => {
    expect(scaledViewport(640, 400, 0)).toMatchObject({ widthPx: 1, heightPx: 1 })
    expect(scaledViewport(640, 400, 1.7)).toMatchObject({ widthPx: 640, heightPx: 400 })
    expect(scaledViewport(640, 400, Number.NaN)).toMatchObject({ widthPx: 640, heightPx: 400 })
  })
})
