/**
 * When and at what pitch a tapped instrument's short phrase sounds. Alone on the stage it plays on
 * its own 宫 at its own pace; while the ensemble plays it joins the piece: its notes are the
 * piece's scale (宫 商 角 徵 on the piece's 宫, moved by octaves into the instrument's register),
 * its first note lands on the piece's beat grid and the rest follow on that grid, so it sounds
 * like a player stepping forward from the band, not a second tune over it.
 */
import { phraseBeatSeconds, phraseDegrees } from './padNotes'
import type { BeatGrid } from './playAlong'

/** The piece playing, as a phrase needs it. */
export interface PhrasePiece {
  readonly grid: BeatGrid
  /** The piece's 宫 in Hz. */
  readonly tonicHz: number
}

/** One note of a phrase on the audio clock. */
export interface PhraseNote {
  readonly whenSeconds: number
  readonly frequencyHz: number
}

/** A planned phrase: its notes, and when its last note has rung out (audio clock). */
export interface PhrasePlan {
  readonly notes: readonly PhraseNote[]
  readonly endsAtSeconds: number
}

/** How long the last note of a phrase rings after its beat. */
const phraseTailSeconds = 0.4

/** The piece's 宫 moved by whole octaves to lie nearest `instrumentTonicHz` (log distance). */
export function tonicInRegister(pieceTonicHz: number, instrumentTonicHz: number): number {
  const octaves = Math.round(Math.log2(instrumentTonicHz / pieceTonicHz))
  return pieceTonicHz * 2 ** octaves
}

/**
 * Plans the phrase of an instrument whose own 宫 is `instrumentTonicHz`, tapped at `nowSeconds`
 * (audio clock); `piece` is the ensemble playing, if any.
 */
export function planPhrase(
  instrumentTonicHz: number,
  nowSeconds: number,
  piece: PhrasePiece | undefined,
): PhrasePlan {
  const tonicHz = piece ? tonicInRegister(piece.tonicHz, instrumentTonicHz) : instrumentTonicHz
  const stepSeconds = piece ? 60 / piece.grid.bpm / piece.grid.subdivision : phraseBeatSeconds
  // Alone: a hair after now, so every note is scheduled before the first sounds. In the piece: the
  // next grid point (a pad may sound a touch late, off the grid; a phrase of notes keeps to it).
  let at = piece ? nextGridPointSeconds(nowSeconds, piece.grid) : nowSeconds + 0.01
  const notes = phraseDegrees.map(([ratio, beats]) => {
    const note = { whenSeconds: at, frequencyHz: tonicHz * ratio }
    at += beats * stepSeconds
    return note
  })
  return { notes, endsAtSeconds: at + phraseTailSeconds }
}

/** The first point of `grid` at or after `nowSeconds`. */
function nextGridPointSeconds(nowSeconds: number, grid: BeatGrid): number {
  const stepSeconds = 60 / grid.bpm / grid.subdivision
  const steps = Math.ceil((nowSeconds - grid.originSeconds) / stepSeconds - 1e-9)
  return grid.originSeconds + Math.max(0, steps) * stepSeconds
}
