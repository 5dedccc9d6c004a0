import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { musicScoreSchema, type MusicScore } from '../../../scripts/demoAudio/musicScore'
import { degreeFrequencyHz, parseNotes } from '../../../scripts/demoAudio/notation'
import { seededRandom } from '../../../src/random/seededRandom'
import { renderScore } from '../../../scripts/demoAudio/renderScore'
import { voices, type VoiceContext } from '../../../src/audio/instrumentVoices'
import { encodeStereoWav } from '../../../scripts/demoAudio/wav'

const sampleRate = 48_000
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

function context(seed = 1): VoiceContext {
  return { sampleRate, random: seededRandom(seed) }
}

/**
 * The fundamental of a periodic signal from the autocorrelation's strongest peak within ±20 % of
 * the expected period, refined by a parabola through the peak and its neighbours.
 */
function measuredFrequencyHz(samples: Float32Array, expectedHz: number): number {
  const expectedLag = sampleRate / expectedHz
  const from = Math.floor(expectedLag * 0.8)
  const to = Math.ceil(expectedLag * 1.2)
  const window = samples.subarray(Math.round(0.15 * sampleRate), Math.round(0.65 * sampleRate))
  const correlation = (lag: number) => {
    let sum = 0
    for (let i = 0; i + lag < window.length; i++) sum += window[i]! * window[i + lag]!
    return sum
  }
  let bestLag = from
  for (let lag = from; lag <= to; lag++) if (correlation(lag) > correlation(bestLag)) bestLag = lag
  const [before, at, after] = [
    correlation(bestLag - 1),
    correlation(bestLag),
    correlation(bestLag + 1),
  ]
  const offset = (0.5 * (before - after)) / (before - 2 * at + after)
  return sampleRate / (bestLag + offset)
}

function centsBetween(a: number, b: number): number {
  return 1200 * Math.log2(a / b)
}

function note(frequencyHz: number | null, heldSeconds = 1) {
  return {
    startSeconds: 0,
    heldSeconds,
    frequencyHz,
    velocity: 0.8,
    hasVibrato: false,
    hasTremolo: false,
  }
}

describe('demo-audio notation', () => {
  it('maps jianpu degrees, accidentals and octave marks to frequencies from the tonic', () => {
    expect(degreeFrequencyHz('1', '', '', 293.66)).toBeCloseTo(293.66, 6)
    expect(degreeFrequencyHz('5', '', '', 200)).toBeCloseTo(200 * 2 ** (7 / 12), 6)
    expect(degreeFrequencyHz('6', '', ',', 311.13)).toBeCloseTo(311.13 * 2 ** (-3 / 12), 6)
    expect(degreeFrequencyHz('1', '', "''", 100)).toBeCloseTo(400, 6)
    expect(degreeFrequencyHz('4', '#', '', 100)).toBeCloseTo(100 * 2 ** (6 / 12), 6)
    expect(degreeFrequencyHz('7', 'b', '', 100)).toBeCloseTo(100 * 2 ** (10 / 12), 6)
  })

  it('times notes, rests, strummed chords and section markers by the beat', () => {
    const parsed = parseNotes("@a 1:2 0:1 | @b (1 5 1'):2~ x:0.5!", 100, 120, 'test')
    // 120 bpm: half a second a beat.
    expect(parsed.totalSeconds).toBeCloseTo(2.75, 9)
    expect(parsed.markers).toEqual([
      { name: 'a', startSeconds: 0 },
      { name: 'b', startSeconds: 1.5 },
    ])
    const [first, ...rest] = parsed.events
    expect(first).toMatchObject({ startSeconds: 0, heldSeconds: 1, frequencyHz: 100 })
    const chord = rest.slice(0, 3)
    expect(chord.map((e) => e.frequencyHz)).toEqual([100, expect.closeTo(149.83, 1), 200])
    expect(chord.every((e) => e.hasVibrato && e.heldSeconds === 1)).toBe(true)
    // Strummed low to high, a few milliseconds apart.
    expect(chord[1]!.startSeconds).toBeGreaterThan(chord[0]!.startSeconds)
    expect(chord[2]!.startSeconds - chord[0]!.startSeconds).toBeLessThan(0.05)
    expect(rest[3]).toMatchObject({ startSeconds: 2.5, frequencyHz: null, velocity: 1 })
  })

  it('names the part and the token it cannot read', () => {
    expect(() => parseNotes('1 2 9 3', 100, 60, 'pipa parts[0]')).toThrow(/pipa parts\[0\].*"9"/)
    expect(() => parseNotes('(1 5', 100, 60, 'xiao parts[1]')).toThrow(
      /xiao parts\[1\].*never closed/,
    )
    expect(() => parseNotes('1:0', 100, 60, 'p')).toThrow(/more than 0 beats/)
  })
})

describe('demo-audio voices', () => {
  it.each([110, 293.66, 587.33, 1174.66])(
    'tunes the plucked strings to %s Hz within 5 cents (fractional delay)',
    (frequencyHz) => {
      for (const name of ['guqin', 'pipa', 'guzheng']) {
        const samples = voices[name]!(note(frequencyHz), context())
        const error = centsBetween(measuredFrequencyHz(samples, frequencyHz), frequencyHz)
        expect(
          Math.abs(error),
          `${name} at ${frequencyHz} Hz is ${error.toFixed(1)} cents off`,
        ).toBeLessThan(5)
      }
    },
  )

  it('tunes the flutes and lets a plucked note decay while a held flute note sustains', () => {
    for (const name of ['dizi', 'xiao']) {
      const samples = voices[name]!(note(587.33, 2), context())
      expect(Math.abs(centsBetween(measuredFrequencyHz(samples, 587.33), 587.33))).toBeLessThan(5)
    }
    const level = (samples: Float32Array, fromSeconds: number) => {
      const part = samples.subarray(fromSeconds * sampleRate, (fromSeconds + 0.2) * sampleRate)
      return Math.sqrt(part.reduce((sum, x) => sum + x * x, 0) / part.length)
    }
    const pipa = voices['pipa']!(note(440, 2), context())
    const dizi = voices['dizi']!(note(440, 2), context())
    expect(level(pipa, 1.6) / level(pipa, 0.1)).toBeLessThan(0.3)
    expect(level(dizi, 1.6) / level(dizi, 0.3)).toBeGreaterThan(0.7)
  })

  it('makes the clappers a short unpitched hit', () => {
    const samples = voices['paiban']!(note(null, 1), context())
    const peakIndex = samples.reduce(
      (best, x, i) => (Math.abs(x) > Math.abs(samples[best]!) ? i : best),
      0,
    )
    expect(peakIndex / sampleRate).toBeLessThan(0.02)
    const tail = samples.subarray(0.2 * sampleRate)
    expect(Math.max(...tail.map(Math.abs))).toBeLessThan(Math.abs(samples[peakIndex]!) * 0.01)
  })
})

const tinyScore: MusicScore = musicScoreSchema.parse({
  id: 'tiny-test',
  title: { 'zh-CN': '试', en: 'Test' },
  tonicHz: 220,
  bpm: 120,
  tailSeconds: 1,
  parts: [
    { voice: 'pipa', notes: '@one 1 2 3 5 @two 6:2 (1 5):2' },
    { voice: 'paiban', notes: 'x:2 x:2 x:4' },
  ],
  sections: {
    one: { 'zh-CN': '一', en: 'one' },
    two: { 'zh-CN': '二', en: 'two' },
  },
  usedBy: [{ instrument: 'pipa', trackId: 'tiny-test' }],
})

describe('demo-audio scores', () => {
  it('renders a score to its length plus tail, with captions from its markers', () => {
    const rendered = renderScore(tinyScore)
    expect(rendered.durationSeconds).toBeCloseTo(8 * 0.5 + 1, 6)
    expect(rendered.left.length).toBe(Math.round(rendered.durationSeconds * sampleRate))
    expect(rendered.captions).toEqual([
      { startSeconds: 0, endSeconds: 2, text: { 'zh-CN': '一', en: 'one' } },
      { startSeconds: 2, endSeconds: 5, text: { 'zh-CN': '二', en: 'two' } },
    ])
  })

  it('renders the same every run, under full scale, with parts that sum to the mix', () => {
    const first = renderScore(tinyScore)
    const again = renderScore(tinyScore)
    expect(Buffer.from(again.left.buffer).equals(Buffer.from(first.left.buffer))).toBe(true)
    let peak = 0
    for (const channel of [first.left, first.right]) {
      for (const x of channel) peak = Math.max(peak, Math.abs(x))
    }
    // Loudness is set afterwards by measurement (encodeAtTarget); the render only keeps headroom.
    expect(peak).toBeCloseTo(0.5, 5)
    expect(first.parts).toHaveLength(2)
    for (const index of [100, 24_000, 96_000, first.left.length - 1]) {
      const sum = first.parts.reduce((total, part) => total + part.left[index]!, 0)
      expect(sum).toBeCloseTo(first.left[index]!, 5)
    }
    for (const part of first.parts) expect(part.left.length).toBe(first.left.length)
  })

  it('refuses a section marker without a caption and a caption never marked', () => {
    const unmarked = {
      ...tinyScore,
      sections: { ...tinyScore.sections, three: { 'zh-CN': '三', en: 'three' } },
    }
    expect(() => renderScore(unmarked)).toThrow(/sections\.three is never marked/)
    const uncaptioned = { ...tinyScore, sections: { one: tinyScore.sections['one']! } }
    expect(() => renderScore(uncaptioned)).toThrow(/"@two" has no caption/)
  })

  it('writes a 16-bit stereo WAV whose header describes its samples', () => {
    const left = new Float32Array([0, 0.25, -1, 2])
    const right = new Float32Array([0, -0.25, 1, -2])
    const wav = encodeStereoWav(left, right, sampleRate)
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.readUInt16LE(22)).toBe(2)
    expect(wav.readUInt32LE(24)).toBe(sampleRate)
    expect(wav.readUInt32LE(40)).toBe(4 * 2 * 2)
    expect([wav.readInt16LE(44 + 4), wav.readInt16LE(44 + 6)]).toEqual([8192, -8192])
    // Out-of-range samples are clamped, not wrapped.
    expect([wav.readInt16LE(44 + 12), wav.readInt16LE(44 + 14)]).toEqual([32767, -32767])
  })
})

describe('the committed demo scores and the pack manifest', () => {
  const musicDir = join(repoRoot, 'assets/music')
  const scores = readdirSync(musicDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      name,
      score: musicScoreSchema.parse(JSON.parse(readFileSync(join(musicDir, name), 'utf8'))),
    }))
  const manifest = JSON.parse(
    readFileSync(join(repoRoot, 'assets/packs/songyun.core/manifest.json'), 'utf8'),
  ) as {
    exhibits: {
      kind: string
      instruments?: {
        instrument: string
        tonicHz: number
        tracks: { id: string; audio: string; title: unknown; isPlayAlongBed: boolean }[]
      }[]
    }[]
  }
  const instruments = manifest.exhibits.find((e) => e.kind === 'folk-music')!.instruments!

  it('are valid scores whose every note can be read', () => {
    expect(scores.length).toBeGreaterThanOrEqual(6)
    for (const { name, score } of scores) {
      expect(name).toBe(`${score.id}.json`)
      score.parts.forEach((part, i) => {
        const text = Array.isArray(part.notes) ? part.notes.join(' ') : part.notes
        expect(() =>
          parseNotes(text, score.tonicHz, score.bpm, `${name} parts[${i}]`),
        ).not.toThrow()
      })
    }
  })

  it('are each listed, as rendered, under every instrument that uses them', () => {
    for (const { score } of scores) {
      for (const use of score.usedBy) {
        const instrument = instruments.find((i) => i.instrument === use.instrument)
        const track = instrument?.tracks.find((t) => t.id === use.trackId)
        expect(track, `${use.instrument} lists ${use.trackId}`).toBeDefined()
        expect(track).toMatchObject({
          audio: `audio/${score.id}.opus`,
          title: score.title,
          isPlayAlongBed: score.isPlayAlongBed,
        })
      }
    }
  })

  it('give every instrument a performance and a bed to play along over', () => {
    for (const instrument of instruments) {
      expect(
        instrument.tracks.some((t) => !t.isPlayAlongBed),
        instrument.instrument,
      ).toBe(true)
      expect(
        instrument.tracks.some((t) => t.isPlayAlongBed),
        instrument.instrument,
      ).toBe(true)
    }
  })

  it("tune each instrument's pads to the key of the drones it lists (octaves apart at most)", () => {
    for (const { score } of scores.filter(({ score }) => score.isPlayAlongBed)) {
      for (const use of score.usedBy) {
        const instrument = instruments.find((i) => i.instrument === use.instrument)!
        const octaves = Math.log2(instrument.tonicHz / score.tonicHz)
        expect(
          Math.abs(octaves - Math.round(octaves)) * 1200,
          `${use.instrument} pads against ${score.id}, in cents`,
        ).toBeLessThan(2)
      }
    }
  })
})
