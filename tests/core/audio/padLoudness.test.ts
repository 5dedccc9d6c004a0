import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loudnessTarget } from '../../../src/audio/loudnessTarget'
import {
  phraseBeatSeconds,
  phraseDegrees,
  phraseGainDb,
  renderPadNote,
  type LiveInstrumentKind,
} from '../../../src/audio/padNotes'
import { padFrequenciesInMode } from '../../../src/audio/playAlong'
import { manifestSchema } from '../../../src/pack/manifestSchema'

// Issue 21 item 3: the notes played live sit at the loudness of the recordings around them. The
// pads and phrases are rendered here exactly as the browser renders them (renderPadNote), laid out
// as a visitor plays them, and metered with ffmpeg's EBU R128 filter, as the recordings are.
const manifest = manifestSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../assets/packs/songyun.core/manifest.json', import.meta.url),
      'utf8',
    ),
  ),
)
const folkMusic = manifest.exhibits.find((exhibit) => exhibit.kind === 'folk-music')
if (folkMusic?.kind !== 'folk-music') throw new Error('the built-in pack has no folk-music stage')
const piece = folkMusic.pieces[0]!
const sampleRate = 48_000

/** Notes placed on a timeline (seconds) and mixed into one mono buffer. */
function mix(notes: readonly { atSeconds: number; samples: Float32Array }[]): Float32Array {
  const length = Math.max(
    ...notes.map((n) => Math.round(n.atSeconds * sampleRate) + n.samples.length),
  )
  const out = new Float32Array(length)
  for (const { atSeconds, samples } of notes) {
    const offset = Math.round(atSeconds * sampleRate)
    for (let i = 0; i < samples.length; i++) out[offset + i]! += samples[i]!
  }
  return out
}

/** ffmpeg's ebur128 meter on raw float samples. */
function meter(samples: Float32Array): { integratedLufs: number; truePeakDbtp: number } {
  const run = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostats',
      '-f',
      'f32le',
      '-ar',
      String(sampleRate),
      '-ac',
      '1',
      '-i',
      'pipe:0',
      '-af',
      'ebur128=peak=true',
      '-f',
      'null',
      '-',
    ],
    {
      input: Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength),
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  if (run.error) throw run.error
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'))
  return {
    integratedLufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]),
    truePeakDbtp: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]),
  }
}

/** The tapped instrument's phrase at its own 宫, as FolkStageAudio.playPhrase lays it out. */
function phraseOf(instrument: LiveInstrumentKind, tonicHz: number): Float32Array {
  let at = 0
  const phrase = mix(
    phraseDegrees.map(([ratio, beats]) => {
      const note = {
        atSeconds: at,
        samples: renderPadNote(instrument, tonicHz * ratio, sampleRate),
      }
      at += beats * phraseBeatSeconds
      return note
    }),
  )
  // The phrase's own gain, applied in the browser by a GainNode on each of its notes.
  const gain = 10 ** (phraseGainDb[instrument] / 20)
  return phrase.map((sample) => sample * gain)
}

/** A visitor playing along: a pad on every beat of the piece for eight seconds, up and down. */
function padRunOf(instrument: LiveInstrumentKind): Float32Array {
  const frequencies = padFrequenciesInMode(piece.tonicHz, piece.mode)
  const order = [0, 1, 2, 3, 4, 3, 2, 1]
  const beatSeconds = 60 / piece.bpm
  const beats = Math.floor(8 / beatSeconds)
  return mix(
    Array.from({ length: beats }, (_, beat) => ({
      atSeconds: beat * beatSeconds,
      samples: renderPadNote(instrument, frequencies[order[beat % order.length]!]!, sampleRate),
    })),
  )
}

const { integratedLufs: target, truePeakCeilingDbtp: ceiling, toleranceLu } = loudnessTarget

/**
 * The clapper is all strike (a 22 ms ring): one strike a beat under the −1 dBTP ceiling measures
 * about −27 LUFS however it is limited (BS.1770's 400 ms blocks under-read such short sounds), so
 * it is held to "as loud as the headroom allows" instead: its peaks reach within 2.5 dB of the
 * ceiling and it is never louder than the target. docs/loudness.md says so beside the table.
 */
const isStrikeOnly = (instrument: LiveInstrumentKind) => instrument === 'paiban'

describe('pads and phrases at the kiosk loudness (ffmpeg ebur128, docs/loudness.md)', () => {
  for (const instrument of folkMusic.instruments) {
    const kind = instrument.instrument
    it(`${instrument.id}: its phrase and a run of pads sit at ${target} LUFS ±${toleranceLu} LU, peaks ≤ ${ceiling} dBTP`, () => {
      const phrase = meter(phraseOf(kind, instrument.tonicHz))
      const pads = meter(padRunOf(kind))
      for (const measured of [phrase, pads]) {
        expect(measured.truePeakDbtp).toBeLessThanOrEqual(ceiling)
        if (isStrikeOnly(kind)) {
          expect(measured.truePeakDbtp).toBeGreaterThanOrEqual(ceiling - 2.5)
          expect(measured.integratedLufs).toBeLessThanOrEqual(target + toleranceLu)
        } else {
          expect(Math.abs(measured.integratedLufs - target)).toBeLessThanOrEqual(toleranceLu)
        }
      }
    }, 30_000) // rendering a ringing qin and running ffmpeg twice; not a speed check
  }
})
