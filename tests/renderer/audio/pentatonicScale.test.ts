import { describe, expect, it } from 'vitest'
import { padFrequenciesHz, pentatonicDegrees } from '../../../renderer/audio/pentatonicScale'
import { padTimbreOf } from '../../../renderer/audio/padSynth'

describe('pentatonic pads', () => {
  it('are 宫商角徵羽 on jianpu 1 2 3 5 6', () => {
    expect(pentatonicDegrees.map((d) => d.name).join('')).toBe('宫商角徵羽')
    expect(pentatonicDegrees.map((d) => d.jianpu)).toEqual(['1', '2', '3', '5', '6'])
  })

  it('are tuned to the instrument: 宫 is the tonic and 徵 a pure fifth above it', () => {
    const [gong, shang, jue, zhi, yu] = padFrequenciesHz(174.61)
    expect(gong).toBeCloseTo(174.61, 6)
    expect(zhi! / gong!).toBeCloseTo(1.5, 9)
    expect(shang! / gong!).toBeCloseTo(9 / 8, 9)
    expect(yu! / shang!).toBeCloseTo(1.5, 9)
    expect(jue! / yu!).toBeCloseTo(3 / 4, 9)
    // Within a few cents of equal temperament's 2, 4, 7, 9 semitones.
    const cents = (ratio: number) => 1200 * Math.log2(ratio)
    expect(cents(jue! / gong!)).toBeCloseTo(408, 0)
    expect(padFrequenciesHz(440)[0]).toBe(440)
  })

  it('refuses a tonic that is not a frequency, naming it', () => {
    expect(() => padFrequenciesHz(0)).toThrow(/tonicHz.*0/)
    expect(() => padFrequenciesHz(Number.NaN)).toThrow(/tonicHz/)
  })

  it('give flutes a blown sound, clappers a struck one and strings a plucked one', () => {
    expect(padTimbreOf('dizi')).toBe('blown')
    expect(padTimbreOf('xiao')).toBe('blown')
    expect(padTimbreOf('paiban')).toBe('struck')
    expect(['guqin', 'pipa', 'guzheng'].map(padTimbreOf)).toEqual(['plucked', 'plucked', 'plucked'])
  })
})
