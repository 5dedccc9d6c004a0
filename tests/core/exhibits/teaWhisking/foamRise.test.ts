import { describe, expect, it } from 'vitest'
import { FoamModel, type FoamState } from '../../../../src/exhibits/teaWhisking/foamModel'
import { foamRiseFor, foamTopMaxFill } from '../../../../src/exhibits/teaWhisking/foamRise'
import { allAtOnceBowl, pourRing, prescribedBowl, stillSurfaceBowl, whiskFor } from './teaScripts'
import { pourPrescriptions } from '../../../../src/exhibits/teaWhisking/pourPrescription'

describe('how high the foam stands (foamRise)', () => {
  it('stands the prescribed bowl’s foam just below the rim, far above its four-tenths of water', () => {
    const rise = foamRiseFor(prescribedBowl().state, 0)
    expect(rise.liquidFill).toBeLessThan(0.5)
    expect(rise.topFill).toBeGreaterThan(0.8)
    expect(rise.topFill).toBeLessThanOrEqual(foamTopMaxFill)
  })

  it('rises pour by pour as the model’s foam grows', () => {
    const model = new FoamModel()
    model.warmBowl()
    model.addPowder()
    model.addPasteWater()
    whiskFor(model, 3, 4, 1)
    const tops = [foamRiseFor(model.state, 0).topFill]
    for (const prescription of pourPrescriptions) {
      pourRing(model, prescription.pourNumber, prescription.volumeFraction, 0.95)
      whiskFor(model, 5, 7 * prescription.whiskIntensity)
      tops.push(foamRiseFor(model.state, 0).topFill)
    }
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThanOrEqual(tops[i - 1]!)
    expect(tops.at(-1)! - tops[0]!).toBeGreaterThan(0.6)
  })

  it('stands a poor bowl’s foam lower above its liquid than the good one’s', () => {
    const risen = (state: FoamState) => {
      const rise = foamRiseFor(state, 0)
      return rise.topFill - rise.liquidFill
    }
    const good = risen(prescribedBowl().state)
    expect(risen(prescribedBowl({ whiskScale: 0.3, whiskSeconds: 3 }).state)).toBeLessThan(
      good - 0.2,
    )
    expect(risen(stillSurfaceBowl().state)).toBeLessThan(good - 0.2)
    // 一发点's coarse froth stands for a moment but slumps below a fine foam.
    expect(risen(allAtOnceBowl().state)).toBeLessThan(good)
  })

  it('lets the foam fall from the glaze as the water line comes, never below the liquid', () => {
    const state = prescribedBowl().state
    const before = foamRiseFor(state, 0).topFill
    const after = foamRiseFor(state, 1).topFill
    expect(after).toBeLessThan(before - 0.08)
    expect(after).toBeGreaterThan(state.waterFraction)
  })

  it('shows bare liquid at its own level and never over the rim', () => {
    const flooded = allAtOnceBowl().state
    expect(foamRiseFor({ ...flooded, foamHeight: 0, coverage: 0 }, 0).topFill).toBe(
      flooded.waterFraction,
    )
    const overRisen = foamRiseFor(
      { waterFraction: 0.6, foamHeight: 1.2, coverage: 1, fineness: 1 },
      0,
    )
    expect(overRisen.topFill).toBe(foamTopMaxFill)
  })
})
