/**
 * The note text of the demo scores in assets/music: jianpu (numbered notation) relative to a tonic,
 * one token per note, separated by spaces. `|` bar lines are ignored.
 *
 *   token   = [accidental] degree [octave marks] [":" beats] [flags]
 *   degree  = 1–7 (scale degree, 1 = the tonic, 宫), 0 (rest) or x (an unpitched hit)
 *   accidental = "#" or "b";  octave marks = "'" up, "," down (repeatable)
 *   beats   = a positive number, default 1
 *   flags   = "~" vibrato (吟猱), "*" tremolo (轮指), "!" accent
 *   chord   = "(" tokens ")" [":" beats] [flags]: strummed together
 *   marker  = "@name": the start of a captioned section
 */

import type { NoteEvent } from '../../src/audio/instrumentVoices'

export type { NoteEvent }

/** Where a named section begins. */
export interface SectionMarker {
  name: string
  startSeconds: number
}

/** A part's notes, its section markers and the total length of the text. */
export interface ParsedPart {
  events: NoteEvent[]
  markers: SectionMarker[]
  totalSeconds: number
}

const semitonesOfDegree: Record<string, number> = { 1: 0, 2: 2, 3: 4, 4: 5, 5: 7, 6: 9, 7: 11 }
const noteToken = /^([#b]?)([0-7x])([',]*)(?::(\d+(?:\.\d+)?))?([~*!]*)$/
/** A strummed chord's notes start this far apart, low to high. */
const strumGapSeconds = 0.018

/** Frequency of a jianpu degree with accidental and octave marks, relative to the tonic. */
export function degreeFrequencyHz(
  degree: string,
  accidental: string,
  octaveMarks: string,
  tonicHz: number,
): number {
  const base = semitonesOfDegree[degree]
  if (base === undefined) throw new Error(`"${degree}" is not a scale degree 1–7`)
  const accidentalShift = accidental === '#' ? 1 : accidental === 'b' ? -1 : 0
  let octaves = 0
  for (const mark of octaveMarks) octaves += mark === "'" ? 1 : -1
  return tonicHz * 2 ** ((base + accidentalShift + 12 * octaves) / 12)
}

interface TokenNote {
  frequencyHz: number | null
  beats: number
  flags: string
}

function parseToken(token: string, tonicHz: number, where: string): TokenNote {
  const match = noteToken.exec(token)
  if (!match) throw new Error(`${where}: cannot read the note "${token}"`)
  const [, accidental = '', degree = '', octaveMarks = '', beatsText, flags = ''] = match
  const beats = beatsText === undefined ? 1 : Number(beatsText)
  if (!(beats > 0)) throw new Error(`${where}: "${token}" must last more than 0 beats`)
  const frequencyHz =
    degree === 'x' || degree === '0'
      ? null
      : degreeFrequencyHz(degree, accidental, octaveMarks, tonicHz)
  if (degree === '0') return { frequencyHz: null, beats, flags: 'rest' }
  return { frequencyHz, beats, flags }
}

/**
 * Reads one part's note text into timed events.
 * @param where names the part in error messages, e.g. "guqin-evening-lake parts[0]".
 */
export function parseNotes(text: string, tonicHz: number, bpm: number, where: string): ParsedPart {
  const secondsPerBeat = 60 / bpm
  const events: NoteEvent[] = []
  const markers: SectionMarker[] = []
  let beat = 0
  // Chords are split into their own tokens first: "(1 5 1'):2~" → "(" "1" "5" "1'" "):2~".
  const tokens = text
    .replace(/\(/g, ' ( ')
    .replace(/\)/g, ' )')
    .split(/\s+/)
    .filter((t) => t !== '' && t !== '|')
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.startsWith('@')) {
      markers.push({ name: token.slice(1), startSeconds: beat * secondsPerBeat })
      continue
    }
    if (token === '(') {
      const close = tokens.findIndex((t, j) => j > i && t.startsWith(')'))
      if (close < 0) throw new Error(`${where}: a chord "(" is never closed`)
      const chordNotes = tokens.slice(i + 1, close).map((t) => parseToken(t, tonicHz, where))
      const tail = parseToken(`1${tokens[close]!.slice(1)}`, tonicHz, where)
      chordNotes.forEach((note, k) => {
        events.push({
          startSeconds: beat * secondsPerBeat + k * strumGapSeconds,
          heldSeconds: tail.beats * secondsPerBeat,
          frequencyHz: note.frequencyHz,
          velocity: tail.flags.includes('!') ? 1 : 0.8,
          hasVibrato: tail.flags.includes('~'),
          hasTremolo: false,
        })
      })
      beat += tail.beats
      i = close
      continue
    }
    const note = parseToken(token, tonicHz, where)
    if (note.flags !== 'rest') {
      events.push({
        startSeconds: beat * secondsPerBeat,
        heldSeconds: note.beats * secondsPerBeat,
        frequencyHz: note.frequencyHz,
        velocity: note.flags.includes('!') ? 1 : 0.8,
        hasVibrato: note.flags.includes('~'),
        hasTremolo: note.flags.includes('*'),
      })
    }
    beat += note.beats
  }
  return { events, markers, totalSeconds: beat * secondsPerBeat }
}
