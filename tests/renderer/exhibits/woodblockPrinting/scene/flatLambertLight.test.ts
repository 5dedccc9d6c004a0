import { AmbientLight, DirectionalLight, HemisphereLight, PointLight, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { flatLambertColour } from '../../../../../renderer/exhibits/woodblockPrinting/scene/flatLambertLight'

const up = new Vector3(0, 1, 0)

describe('flatLambertColour (a lit plane as a basic material’s colour)', () => {
  it('is Lambert’s irradiance over π: the ambient light, the hemisphere’s sky for a face turned up, the sun by its cosine', () => {
    const sun = new DirectionalLight('#ffffff', 2)
    sun.position.set(0, 1, 1) // 45° above the plane: cos = √½
    const colour = flatLambertColour(up, [
      new AmbientLight('#ffffff', 0.5),
      new HemisphereLight('#ffffff', '#000000', 1),
      sun,
    ])
    const expected = (0.5 + 1 + 2 * Math.SQRT1_2) / Math.PI
    expect(colour.r).toBeCloseTo(expected, 6)
    expect(colour.g).toBeCloseTo(expected, 6)
    expect(colour.b).toBeCloseTo(expected, 6)
  })

  it('gives a face turned down the hemisphere’s ground colour and nothing from a sun above', () => {
    const sun = new DirectionalLight('#ffffff', 3)
    sun.position.set(0, 5, 0)
    const colour = flatLambertColour(new Vector3(0, -1, 0), [
      new HemisphereLight('#ffffff', '#ff0000', 1),
      sun,
    ])
    expect(colour.r).toBeCloseTo(1 / Math.PI, 6)
    expect(colour.g).toBeCloseTo(0, 6)
  })

  it('keeps each light’s colour (linear) and intensity', () => {
    const warm = new AmbientLight('#ff8000', 2)
    const colour = flatLambertColour(up, [warm])
    expect(colour.r).toBeCloseTo((warm.color.r * 2) / Math.PI, 6)
    expect(colour.g).toBeCloseTo((warm.color.g * 2) / Math.PI, 6)
    expect(colour.b).toBe(0)
  })

  it('refuses a light whose light depends on where the pixel is, naming it', () => {
    expect(() => flatLambertColour(up, [new PointLight('#ffffff', 1)])).toThrow(
      /"PointLight" depends on position/,
    )
  })
})
