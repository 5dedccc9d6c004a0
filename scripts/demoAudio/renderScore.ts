import type { MusicScore } from './musicScore'
import { parseNotes, type SectionMarker } from './notation'
import { seededRandom } from '../../src/random/seededRandom'
import { seedFromName } from './random'
import { addHallReverb } from './reverb'
import { mixInto, voices } from '../../src/audio/instrumentVoices'

/** A caption cue: a section of the recording and what is heard in it. */
export interface CaptionCue {
  startSeconds: number
  endSeconds: number
  text: { 'zh-CN': string; en: string }
}

/** One stereo recording: samples −1…1 at the score's sample rate. */
export interface StereoSamples {
  left: Float32Array
  right: Float32Array
}

/** A rendered score: stereo samples, its exact length and its captions. */
export interface RenderedScore extends StereoSamples {
  sampleRate: number
  durationSeconds: number
  captions: CaptionCue[]
  /**
   * Each part as its own recording (in part order), all as long as the mix; they sum to it. An
   * ensemble piece ships these as its stems.
   */
  parts: StereoSamples[]
}

/**
 * The mix's sample peak after rendering: far enough under full scale that the 16-bit WAV never
 * clips. Its loudness is set afterwards, measured (synthesizeDemoAudio.ts → docs/loudness.md).
 */
const renderPeak = 0.5

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

  // Each part in its own hall (the reverb is linear, so the parts still sum to the mix).
  const parts = parsedParts.map(({ part, parsed }) => {
    const left = new Float32Array(length)
    const right = new Float32Array(length)
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
    addHallReverb(left, right, sampleRate, score.reverb)
    return { left, right }
  })
  const left = new Float32Array(length)
  const right = new Float32Array(length)
  for (const part of parts) {
    mixInto(left, part.left, 0, 1)
    mixInto(right, part.right, 0, 1)
  }
  const gain = renderPeak / samplePeak(left, right)
  const fadeSeconds = Math.min(1.5, score.tailSeconds)
  for (const recording of [{ left, right }, ...parts]) {
    scale(recording, gain)
    fadeOut(recording.left, recording.right, sampleRate, fadeSeconds)
  }

  return {
    left,
    right,
    parts,
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

function samplePeak(left: Float32Array, right: Float32Array): number {
  let peak = 0
  for (let i = 0; i < left.length; i++) {
    peak = Math.max(peak, Math.abs(left[i]!), Math.abs(right[i]!))
  }
  if (peak === 0) throw new Error('the score rendered silence')
  return peak
}

function scale(recording: StereoSamples, gain: number): void {
  for (const channel of [recording.left, recording.right]) {
    for (let i = 0; i < channel.length; i++) channel[i]! *= gain
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
