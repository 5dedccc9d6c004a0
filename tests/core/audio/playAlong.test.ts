import { describe, expect, it } from 'vitest'
import {
  padFrequenciesInMode,
  padsInMode,
  quantisedStartSeconds,
} from '../../../src/audio/playAlong'

describe('pads in the piece’s mode', () => {
  it('start on the mode’s final tone and rise through the five, wrapping an octave up', () => {
    expect(
      padsInMode('gong')
        .map((p) => p.name)
        .join(''),
    ).toBe('宫商角徵羽')
    const zhi = padsInMode('zhi')
    expect(zhi.map((p) => p.name).join('')).toBe('徵羽宫商角')
    expect(zhi.map((p) => `${p.jianpu}${'·'.repeat(p.octave)}`)).toEqual([
      '5',
      '6',
      '1·',
      '2·',
      '3·',
    ])
    expect(zhi.map((p) => p.ratio)).toEqual([3 / 2, 27 / 16, 2, 9 / 4, 81 / 32])
  })

  it('sound on the piece’s 宫: D 宫, 徵 mode gives A, B, d, e, f♯ (fifths-tuned)', () => {
    const hz = padFrequenciesInMode(293.66, 'zhi')
    expect(hz[0]).toBeCloseTo(440.49, 2)
    expect(hz[2]).toBeCloseTo(587.32, 2)
    for (let i = 1; i < hz.length; i++) expect(hz[i]!).toBeGreaterThan(hz[i - 1]!)
    expect(() => padFrequenciesInMode(0, 'gong')).toThrow(/positive/)
  })
})

describe('quantising a pad to the beat', () => {
  // 120 bpm in eighths: a grid step of 0.25 s from 10 s.
  const grid = { originSeconds: 10, bpm: 120, subdivision: 2 }

  it('moves a touch to the nearest grid point ahead', () => {
    expect(quantisedStartSeconds(10.9, grid)).toBeCloseTo(11, 9)
    expect(quantisedStartSeconds(12.13, grid)).toBeCloseTo(12.25, 9)
  })

  it('sounds at once when the nearest point has just passed, never more than half a step late', () => {
    expect(quantisedStartSeconds(11.05, grid)).toBe(11.05)
    for (let now = 10; now < 14; now += 0.013) {
      const start = quantisedStartSeconds(now, grid)
      expect(start).toBeGreaterThanOrEqual(now)
      expect(start - now).toBeLessThanOrEqual(0.125 + 1e-9)
    }
  })

  it('sounds at once with no piece playing', () => {
    expect(quantisedStartSeconds(3.21, undefined)).toBe(3.21)
  })
})
