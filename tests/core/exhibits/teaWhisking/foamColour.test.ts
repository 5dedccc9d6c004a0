import { describe, expect, it } from 'vitest'
import { foamColours, type SrgbColour } from '../../../../src/exhibits/teaWhisking/foamColour'
import { allAtOnceBowl, prescribedBowl, stillSurfaceBowl } from './teaScripts'

const luminance = ([r, g, b]: SrgbColour) => 0.2126 * r + 0.7152 * g + 0.0722 * b
/**
 * How far a colour leans green: green above red (a hue past yellow's 60°). Matcha's olive
 * (0.62, 0.63, 0.40), the old poor foam, is above 0; white, grey, buff and brown are not.
 */
const greenLean = ([r, g]: SrgbColour) => g - r
/** How far it leans yellow: red and green above blue. */
const yellowLean = ([r, g, b]: SrgbColour) => (r + g) / 2 - b

describe('the foam’s colours from the model (Song white tea, never matcha green)', () => {
  it('paints the prescribed bowl milk white', () => {
    const { foam } = foamColours(prescribedBowl().state)
    expect(Math.min(...foam)).toBeGreaterThan(0.88)
  })

  it('paints it a warm white (鲜白), never the cold, flat white of paint', () => {
    const [red, , blue] = foamColours(prescribedBowl().state).foam
    expect(red).toBeLessThan(0.99)
    expect(red - blue).toBeGreaterThanOrEqual(0.05)
  })

  it.each([
    ['a still-surface bowl (heavy hand, light whisk)', stillSurfaceBowl],
    ['all the water at once', allAtOnceBowl],
    ['a bowl whisked too little', () => prescribedBowl({ whiskScale: 0.3, whiskSeconds: 3 })],
  ])('paints %s greyer and yellower than the good one, and not green', (_, bowl) => {
    const good = foamColours(prescribedBowl().state).foam
    const poor = foamColours(bowl().state).foam
    expect(luminance(poor)).toBeLessThan(luminance(good) - 0.05)
    expect(yellowLean(poor)).toBeGreaterThan(yellowLean(good))
    expect(greenLean(poor)).toBeLessThanOrEqual(0)
  })

  it('never leans green for any whiteness and fineness, nor in the liquor, paste or parting', () => {
    for (let whiteness = 0; whiteness <= 1; whiteness += 0.1) {
      for (let fineness = 0; fineness <= 1; fineness += 0.1) {
        const colours = foamColours({ whiteness, fineness })
        for (const colour of [colours.foam, colours.liquor, colours.paste, colours.parting]) {
          expect(greenLean(colour)).toBeLessThanOrEqual(0)
        }
      }
    }
  })

  it('greys a coarse foam against a fine one of the same whiteness', () => {
    const fine = foamColours({ whiteness: 0.5, fineness: 1 }).foam
    const coarse = foamColours({ whiteness: 0.5, fineness: 0 }).foam
    expect(luminance(coarse)).toBeLessThan(luminance(fine))
    expect(yellowLean(coarse)).toBeLessThan(yellowLean(fine))
  })

  it('parts the foam to a liquor dark enough for a drawn line to read on white (contrast ≥ 4.5:1)', () => {
    const { foam, parting } = foamColours(prescribedBowl().state)
    const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    const relative = (colour: SrgbColour) => luminance(colour.map(linear) as unknown as SrgbColour)
    expect((relative(foam) + 0.05) / (relative(parting) + 0.05)).toBeGreaterThanOrEqual(4.5)
  })
})
