import type { MusicScore } from './musicScore'
import { parseNotes, type SectionMarker } from './notation'
import { seededRandom } from '../../src/random/seededRandom'
import { seedFromName } from './random'
import { addHallReverb } from './reverb'
import { mixInto, voices } from './voices'

/** A caption cue: a section of the recording and what is heard in it. */
export interface CaptionCue {
  startSeconds: number
  endSeconds: number
  text: { 'zh-CN': string; en: string }
}

/** A rendered score: stereo samples, its exact length and its captions. */
export interface RenderedScore {
  left: Float32Array
  right: Float32Array
  sampleRate: number
  durationSeconds: number
  captions: CaptionCue[]
}

/** Loudness every recording is brought to, so switching tracks does not jump in level. */
const targetRms = 10 ** (-19 / 20)
/** Peaks above this are rounded off softly rather than clipped. */
const limiterKnee = 0.8

/** Synthesises a score: every part's notes through its voice, panned, in a small hall. */
export function renderScore(score: MusicScore, sampleRate = 48_000): RenderedScore {
  const random = seededRandom(seedFromName(score.id))
  const parsedParts = score.parts.map((part, index) => {
    const text = Array.isArray(part.notes) ? part.notes.join(' ') : part.notes
    return {
      part,
      parsed: parseNotes(
        text,
        score.tonicHz * 2 ** part.octave,
        score.bpm,
        `${score.id} parts[${index}]`,
      ),
    }
  })
  const musicSeconds = Math.max(...parsedParts.map(({ parsed }) => parsed.totalSeconds))
  const durationSeconds = Math.round((musicSeconds + score.tailSeconds) * 100) / 100
  const length = Math.round(durationSeconds * sampleRate)
  const left = new Float32Array(length)
  const right = new Float32Array(length)

  for (const { part, parsed } of parsedParts) {
    const voice = voices[part.voice]!
    // Equal-power pan.
    const angle = ((part.pan + 1) * Math.PI) / 4
    const leftGain = Math.cos(angle) * part.gain
    const rightGain = Math.sin(angle) * part.gain
    for (const event of parsed.events) {
      const samples = voice(event, { sampleRate, random })
      const offset = Math.round(event.startSeconds * sampleRate)
      mixInto(left, samples, offset, leftGain)
      mixInto(right, samples, offset, rightGain)
    }
  }
  addHallReverb(left, right, sampleRate, score.reverb)
  normalize(left, right)
  fadeOut(left, right, sampleRate, Math.min(1.5, score.tailSeconds))

  return {
    left,
    right,
    sampleRate,
    durationSeconds,
    captions: captionsOf(
      score,
      parsedParts.flatMap(({ parsed }) => parsed.markers),
      durationSeconds,
    ),
  }
}

function captionsOf(
  score: MusicScore,
  markers: SectionMarker[],
  durationSeconds: number,
): CaptionCue[] {
  const seen = new Set<string>()
  for (const marker of markers) {
    if (seen.has(marker.name))
      throw new Error(`${score.id}: section "@${marker.name}" is marked twice`)
    if (!(marker.name in score.sections)) {
      throw new Error(`${score.id}: section "@${marker.name}" has no caption in "sections"`)
    }
    seen.add(marker.name)
  }
  for (const name of Object.keys(score.sections)) {
    if (!seen.has(name))
      throw new Error(`${score.id}: sections.${name} is never marked in the notes`)
  }
  const ordered = [...markers].sort((a, b) => a.startSeconds - b.startSeconds)
  return ordered.map((marker, i) => ({
    startSeconds: round2(marker.startSeconds),
    endSeconds: round2(ordered[i + 1]?.startSeconds ?? durationSeconds),
    text: score.sections[marker.name]!,
  }))
}

function normalize(left: Float32Array, right: Float32Array): void {
  let sumOfSquares = 0
  for (let i = 0; i < left.length; i++) sumOfSquares += left[i]! ** 2 + right[i]! ** 2
  const rms = Math.sqrt(sumOfSquares / (2 * left.length))
  if (rms === 0) throw new Error('the score rendered silence')
  const gain = targetRms / rms
  const soften = (x: number) => {
    const magnitude = Math.abs(x * gain)
    if (magnitude <= limiterKnee) return x * gain
    const headroom = 0.99 - limiterKnee
    return Math.sign(x) * (limiterKnee + headroom * Math.tanh((magnitude - limiterKnee) / headroom))
  }
  for (let i = 0; i < left.length; i++) {
    left[i] = soften(left[i]!)
    right[i] = soften(right[i]!)
  }
}

function fadeOut(
  left: Float32Array,
  right: Float32Array,
  sampleRate: number,
  seconds: number,
): void {
  const fadeLength = Math.min(left.length, Math.round(seconds * sampleRate))
  for (let i = 0; i < fadeLength; i++) {
    const gain = i / fadeLength
    left[left.length - 1 - i]! *= gain
    right[right.length - 1 - i]! *= gain
  }
}

function round2(seconds: number): number {
  return Math.round(seconds * 100) / 100
}
