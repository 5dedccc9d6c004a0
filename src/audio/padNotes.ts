/**
 * The notes the stage plays live (the play-along pads and the phrase a tapped instrument answers
 * with), rendered by the same physical models as the demo recordings (instrumentVoices.ts) and
 * levelled so that, played as a visitor plays them, they sit at the kiosk's loudness beside the
 * recordings around them (docs/loudness.md, "Pads and phrases"). Pure: the browser renders them
 * into AudioBuffers, the loudness test renders them the same way and meters them with ffmpeg.
 */
import { seededRandom } from '../random/seededRandom'
import { voices, type NoteEvent } from './instrumentVoices'
import type { instrumentKinds } from '../pack/manifestSchema'

/** An instrument that can play live on the stage. */
export type LiveInstrumentKind = (typeof instrumentKinds)[number]

/** How long a pad note is held before its voice's own decay or release. */
export const padNoteHeldSeconds = 0.45

/**
 * Each note's RMS over its first half second, before the instrument's trim: where a −23 LUFS
 * recording's notes sit.
 */
const padNoteRmsDbfs = -20
/**
 * Notes never go over this sample peak (headroom under the −1 dBTP ceiling for the peaks between
 * samples); a note whose level would take it over is limited, not turned down, so the clapper's
 * sharp strike keeps its loudness.
 */
const padNotePeakDbfs = -3
/** How quickly the limiter lets go after a peak. */
const limiterReleaseSeconds = 0.03
/** How far ahead the limiter looks, so it is already down when the peak arrives. */
const limiterLookaheadSeconds = 0.0015

/**
 * Per instrument, what the RMS alone misses: BS.1770 weighs a bright pipa above a soft xiao of the
 * same RMS, a ringing zheng's tail adds loudness a short flute note lacks, a clapper is all strike.
 * Set from ffmpeg's ebur128 meter on a visitor's run of pads (one a beat of the piece playing);
 * tests/core/audio/padLoudness.test.ts holds every instrument within ±1 LU of the target and
 * docs/loudness.md quotes the measured table.
 */
export const padTrimDb: Readonly<Record<LiveInstrumentKind, number>> = {
  guqin: -3.1,
  pipa: -4.6,
  guzheng: -3.1,
  dizi: -1.3,
  xiao: -1.2,
  paiban: 6.2,
}

/**
 * The gain of a tapped instrument's phrase on top of its pad notes: a phrase's notes come twice as
 * fast as a visitor's pads and ring into each other, which adds loudness (measured as for
 * `padTrimDb`).
 */
export const phraseGainDb: Readonly<Record<LiveInstrumentKind, number>> = {
  guqin: 0.3,
  pipa: -1.7,
  guzheng: -1.6,
  dizi: -3.2,
  xiao: -2.3,
  // Strikes never ring into each other: the phrase is as loud as the headroom allows, like the pads.
  paiban: 0,
}

/** One live note as mono samples at `sampleRate`, levelled for the stage. */
export function renderPadNote(
  instrument: LiveInstrumentKind,
  frequencyHz: number,
  sampleRate: number,
): Float32Array {
  const voice = voices[instrument]
  if (!voice) throw new RangeError(`no voice for the instrument "${instrument}"`)
  const key = `${instrument}@${frequencyHz.toFixed(2)}`
  const note: NoteEvent = {
    startSeconds: 0,
    heldSeconds: padNoteHeldSeconds,
    frequencyHz: instrument === 'paiban' ? null : frequencyHz,
    velocity: 0.9,
    hasVibrato: false,
    hasTremolo: false,
  }
  const samples = voice(note, { sampleRate, random: seededRandom(key.length * 7919) })
  levelNote(samples, sampleRate, padTrimDb[instrument] ?? 0)
  return samples
}

/** Scales a rendered note to the pads' level (plus `trimDb`), held under their peak. */
export function levelNote(samples: Float32Array, sampleRate: number, trimDb = 0): void {
  const window = samples.subarray(0, Math.min(samples.length, Math.round(sampleRate / 2)))
  let sum = 0
  let peak = 0
  for (const sample of window) sum += sample * sample
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample))
  const rms = Math.sqrt(sum / Math.max(1, window.length))
  if (rms === 0 || peak === 0) return
  const gain = 10 ** ((padNoteRmsDbfs + trimDb) / 20) / rms
  for (let i = 0; i < samples.length; i++) samples[i]! *= gain
  if (peak * gain > 10 ** (padNotePeakDbfs / 20)) limitPeaks(samples, sampleRate)
}

/**
 * A look-ahead peak limiter: the gain each sample needs to stay under the pads' peak, taken at its
 * lowest over the look-ahead (so the gain is down before the peak), released smoothly after it.
 */
function limitPeaks(samples: Float32Array, sampleRate: number): void {
  const limit = 10 ** (padNotePeakDbfs / 20)
  const lookahead = Math.max(1, Math.round(limiterLookaheadSeconds * sampleRate))
  const release = Math.exp(-1 / (limiterReleaseSeconds * sampleRate))
  const needed = new Float32Array(samples.length)
  for (let i = 0; i < samples.length; i++) {
    const magnitude = Math.abs(samples[i]!)
    needed[i] = magnitude > limit ? limit / magnitude : 1
  }
  let gain = 1
  for (let i = 0; i < samples.length; i++) {
    let target = 1
    const end = Math.min(samples.length, i + lookahead + 1)
    for (let j = i; j < end; j++) target = Math.min(target, needed[j]!)
    // Down at once (never over the limit), back up gently (no click).
    gain = target < gain ? target : target - (target - gain) * release
    samples[i]! *= Math.min(gain, needed[i]!)
  }
}

/** The phrase a tapped instrument answers with: degrees of its 宫 (ratio) and their beats. */
export const phraseDegrees: readonly (readonly [ratio: number, beats: number])[] = [
  [1, 1],
  [9 / 8, 1],
  [81 / 64, 1],
  [3 / 2, 2],
]
/** A phrase's beat when nothing else plays. */
export const phraseBeatSeconds = 0.32
