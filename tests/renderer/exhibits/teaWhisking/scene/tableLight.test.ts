import { describe, expect, it } from 'vitest'
import {
  bakeTableLight,
  TableLightBake,
  tableLightBandRows,
} from '../../../../../renderer/exhibits/teaWhisking/scene/tableTop'
import {
  contactShadowsOf,
  landscapeTeaSet,
  portraitTeaSet,
} from '../../../../../renderer/exhibits/teaWhisking/scene/teaSetLayout'

/** The baked light (0…1.25) at a point of the table, world cm (x right, z towards the viewer). */
function lightAt(picture: ReturnType<typeof bakeTableLight>, xCm: number, zCm: number): number {
  const column = Math.floor(((xCm + 90) / 180) * picture.widthPx)
  const row = Math.floor(((-zCm + 90) / 180) * picture.heightPx)
  return (picture.bytes[(row * picture.widthPx + column) * 4]! / 255) * 1.25
}

describe('the tea table’s baked light', () => {
  const light = bakeTableLight(contactShadowsOf(landscapeTeaSet))
  const portraitLight = bakeTableLight(contactShadowsOf(portraitTeaSet))
  const bare = bakeTableLight([])

  it('is the window light times the soft shadows where the tea set rests, computed once', () => {
    expect(light.widthPx).toBe(512)
    expect(light.bytes).toHaveLength(512 * 512 * 4)
    // Under the bowl and stand the table is shaded; far from the set it is the window's light.
    expect(lightAt(light, 0, 0)).toBeLessThan(0.6 * lightAt(bare, 0, 0))
    expect(lightAt(light, -60, 40)).toBeCloseTo(lightAt(bare, -60, 40), 2)
    // The shade leans away from the window (towards +x and −z).
    expect(lightAt(light, 10, -8)).toBeLessThan(lightAt(light, -10, 8))
  })

  it('has a picture for each layout, shaded where that layout’s ewer stands', () => {
    const { ewerHome: portraitEwer } = portraitTeaSet
    const { ewerHome: landscapeEwer } = landscapeTeaSet
    expect(lightAt(portraitLight, portraitEwer.x, portraitEwer.z)).toBeLessThan(
      0.8 * lightAt(light, portraitEwer.x, portraitEwer.z),
    )
    expect(lightAt(light, landscapeEwer.x, landscapeEwer.z)).toBeLessThan(
      0.8 * lightAt(portraitLight, landscapeEwer.x, landscapeEwer.z),
    )
  })

  it('pools round the set and falls off in a soft vignette, never to black nor clipping', () => {
    const atSet = lightAt(bare, -4, -2)
    for (const [x, z] of [
      [-85, -85],
      [85, 85],
      [-85, 85],
      [85, -85],
    ] as const) {
      expect(lightAt(bare, x, z)).toBeGreaterThanOrEqual(0.4 - 0.01)
      expect(lightAt(bare, x, z)).toBeLessThanOrEqual(1.1 + 0.01)
    }
    // The set sits in light: where a wide frame ends, the table at most two-thirds as bright.
    for (const [x, z] of [
      [-55, -35],
      [55, 35],
      [-55, 35],
      [55, -35],
    ] as const) {
      expect(lightAt(bare, x, z)).toBeLessThan(atSet * 0.67)
    }
    // Softly: a hand's width from the set's middle the light has hardly fallen.
    expect(lightAt(bare, 6, -2)).toBeGreaterThan(atSet * 0.9)
  })

  it('is baked a band of rows at a time, resuming where it stopped, to the same picture', () => {
    const bake = new TableLightBake(contactShadowsOf(landscapeTeaSet))
    const bandCount = bake.picture.heightPx / tableLightBandRows
    expect(bandCount).toBeGreaterThanOrEqual(8)
    for (let band = 0; band < bandCount - 1; band++) bake.bakeNextRows()
    expect(bake.isDone).toBe(false)
    // The last band's rows are not baked yet (all zero, even alpha).
    expect(bake.picture.bytes[bake.picture.bytes.length - 1]).toBe(0)
    bake.bakeNextRows()
    expect(bake.isDone).toBe(true)
    // Compared as one buffer (an element-wise deep equal of a megabyte takes seconds).
    expect(Buffer.compare(bake.picture.bytes, light.bytes)).toBe(0)
  })
})
