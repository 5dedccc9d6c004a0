import { describe, expect, it } from 'vitest'
import { FoamModel } from '../../../../src/exhibits/teaWhisking/foamModel'
import { foamRimLook, waterLineRecedeRadii } from '../../../../src/exhibits/teaWhisking/foamRimLook'
import { judgeTea } from '../../../../src/exhibits/teaWhisking/teaVerdict'
import { allAtOnceBowl, prescribedBowl, stillSurfaceBowl } from './teaScripts'

describe('the rim as the tea table draws it, from the foam model', () => {
  it('draws 咬盏 as a full, raised collar meeting the glaze for a bowl the judge counts bitten', () => {
    const model = prescribedBowl()
    expect(judgeTea(model).isBitingBowl).toBe(true)
    const rim = foamRimLook(model.state, 0)
    expect(rim.collarOpacity).toBeCloseTo(1, 5)
    expect(rim.collarLift).toBeGreaterThan(0.3)
    // The foam runs right up to the wall, with no dark ring of tea.
    expect(rim.foamEdgeRadius).toBe(1)
    expect(rim.waterLineOpacity).toBe(0)
    // A ring a visitor can see: at least a tenth of the surface's radius wide.
    expect(1 - rim.collarInnerRadius).toBeGreaterThanOrEqual(0.1)
  })

  it('draws no collar for a foam that does not bite the bowl (静面点, 一发点, a weak whisk)', () => {
    const weak = [
      stillSurfaceBowl(),
      allAtOnceBowl(),
      prescribedBowl({ whiskScale: 0.3, whiskSeconds: 3 }),
    ]
    for (const model of weak) {
      expect(judgeTea(model).isBitingBowl).toBe(false)
      expect(foamRimLook(model.state, 0).collarOpacity).toBeLessThan(0.5)
    }
  })

  it('shows the water line as the foam drawn back from the wall and a dark ring of tea, the collar gone', () => {
    const state = prescribedBowl().state
    const halfway = foamRimLook(state, 0.5)
    const shown = foamRimLook(state, 1)
    expect(shown.collarOpacity).toBe(0)
    expect(shown.waterLineOpacity).toBe(1)
    expect(shown.foamEdgeRadius).toBeCloseTo(1 - waterLineRecedeRadii, 5)
    // It creeps in: halfway there the foam has let go by half as much.
    expect(halfway.foamEdgeRadius).toBeGreaterThan(shown.foamEdgeRadius)
    expect(halfway.foamEdgeRadius).toBeLessThan(1)
    expect(halfway.collarOpacity).toBeLessThan(foamRimLook(state, 0).collarOpacity)
    // The ring of tea is wide enough to read: about a tenth of the radius.
    expect(1 - shown.foamEdgeRadius).toBeGreaterThanOrEqual(0.1)
  })

  it('shows a poor bowl’s early water line in full even where its foam is only sparse islands', () => {
    const sparse = { ...prescribedBowl({ isBowlWarmed: false }).state, coverage: 0.3 }
    const rim = foamRimLook(sparse, 1)
    expect(rim.waterLineOpacity).toBe(1)
    expect(rim.foamEdgeRadius).toBeCloseTo(1 - waterLineRecedeRadii, 5)
  })

  it('draws no water line where there is no foam to let go of the wall', () => {
    const model = new FoamModel()
    model.warmBowl()
    model.addPowder()
    model.addPasteWater()
    const rim = foamRimLook(model.state, 1)
    expect(rim.waterLineOpacity).toBe(0)
    expect(rim.foamEdgeRadius).toBe(1)
    expect(rim.collarOpacity).toBe(0)
  })

  it('clamps a water line out of range instead of drawing past the wall', () => {
    const state = prescribedBowl().state
    expect(foamRimLook(state, 3)).toEqual(foamRimLook(state, 1))
    expect(foamRimLook(state, -1)).toEqual(foamRimLook(state, 0))
  })
})
