import { describe, expect, it } from 'vitest'
import { teaPowderHex, teaPowderSrgb } from '../../../../src/exhibits/teaWhisking/teaPowderColour'

const [red, green, blue] = teaPowderSrgb
const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
const chroma = Math.max(red, green, blue) - Math.min(red, green, blue)

describe('the colour of Song tea powder', () => {
  it('is pale but not chalk white', () => {
    expect(luminance).toBeGreaterThan(0.7)
    expect(luminance).toBeLessThan(0.86)
  })

  it('is warm (more red than blue) with the least hint of green, never a matcha green', () => {
    expect(red - blue).toBeGreaterThan(0.05)
    expect(green).toBeGreaterThanOrEqual(red)
    expect(green - red).toBeLessThan(0.03)
    // Matcha's olive (0.62, 0.63, 0.40) has a chroma of 0.23; the powder stays near-neutral.
    expect(chroma).toBeLessThan(0.12)
  })

  it('gives a material the same colour as hex', () => {
    expect(teaPowderHex >> 16).toBe(Math.round(red * 255))
    expect((teaPowderHex >> 8) & 0xff).toBe(Math.round(green * 255))
    expect(teaPowderHex & 0xff).toBe(Math.round(blue * 255))
  })
})
