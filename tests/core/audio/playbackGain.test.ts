import { describe, expect, it } from 'vitest'
import {
  combinedStemLoudness,
  kioskLoudnessPolicy,
  playbackGain,
  playbackGainDb,
  type LoudnessPolicy,
} from '../../../src/audio/playbackGain'

const boosting: LoudnessPolicy = { ...kioskLoudnessPolicy, maxGainDb: 12 }

describe('playback gain from measured loudness', () => {
  it('brings a loud track down to −23 LUFS', () => {
    expect(playbackGainDb({ integratedLufs: -13.4, truePeakDbtp: 0.6 })).toBeCloseTo(-9.6, 6)
    expect(playbackGain({ integratedLufs: -17, truePeakDbtp: -3 })).toBeCloseTo(10 ** (-6 / 20), 6)
  })

  it('plays a track already at the target at unity', () => {
    expect(playbackGainDb({ integratedLufs: -23, truePeakDbtp: -8 })).toBeCloseTo(0, 9)
  })

  it('never boosts on the kiosk (Howler voices stop at 1), so a quiet track plays as it is', () => {
    expect(playbackGainDb({ integratedLufs: -30, truePeakDbtp: -12 })).toBe(0)
  })

  it('where boosting is allowed, holds the true peak under the −1 dBTP ceiling', () => {
    // +7 dB would reach the target but take the peak from −4 to +3 dBTP: only +3 dB is allowed.
    expect(playbackGainDb({ integratedLufs: -30, truePeakDbtp: -4 }, boosting)).toBeCloseTo(3, 9)
    // Peak room to spare: the full +7 dB.
    expect(playbackGainDb({ integratedLufs: -30, truePeakDbtp: -12 }, boosting)).toBeCloseTo(7, 9)
  })

  it('plays an unmeasured track at unity', () => {
    expect(playbackGain(undefined)).toBe(1)
  })
})

describe('stems of one piece', () => {
  it('add as powers and take ONE gain, so their balance is kept', () => {
    const stems = [
      { integratedLufs: -26, truePeakDbtp: -10 },
      { integratedLufs: -26, truePeakDbtp: -10 },
    ]
    const mix = combinedStemLoudness(stems)!
    expect(mix.integratedLufs).toBeCloseTo(-26 + 10 * Math.log10(2), 6)
    // Peaks add as amplitudes: the worst case when both peak together.
    expect(mix.truePeakDbtp).toBeCloseTo(-10 + 20 * Math.log10(2), 6)
    const gains = stems.map(() => playbackGain(mix, boosting))
    expect(new Set(gains).size).toBe(1)
  })

  it('cannot be levelled while a stem is unmeasured', () => {
    expect(combinedStemLoudness([{ integratedLufs: -26, truePeakDbtp: -9 }, undefined])).toBe(
      undefined,
    )
  })
})
