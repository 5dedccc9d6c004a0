import type { Instrument } from '../../../src/pack/manifestSchema'

/** Where an instrument sits on the stage, as the centre of its picture in % of the stage. */
export interface Seat {
  readonly xPercent: number
  readonly yPercent: number
  /** Nearer seats are drawn larger and in front. */
  readonly depth: 'front' | 'middle' | 'back'
}

/**
 * The felt mat (氍毹) the band sits on, in % of the stage, as the audience sees it: a trapezoid
 * whose far edge is narrower. Every seat stands on it (no instrument floats on the paper).
 */
export const stageMat = {
  topPercent: 30,
  bottomPercent: 97,
  farLeftPercent: 16,
  farRightPercent: 84,
  nearLeftPercent: 6,
  nearRightPercent: 94,
} as const

/** Whether a point of the stage (in %) lies on the mat. */
export function isOnStageMat(xPercent: number, yPercent: number): boolean {
  const mat = stageMat
  if (yPercent < mat.topPercent || yPercent > mat.bottomPercent) return false
  const towardNear = (yPercent - mat.topPercent) / (mat.bottomPercent - mat.topPercent)
  const left = mat.farLeftPercent + (mat.nearLeftPercent - mat.farLeftPercent) * towardNear
  const right = mat.farRightPercent + (mat.nearRightPercent - mat.farRightPercent) * towardNear
  return xPercent >= left && xPercent <= right
}

/**
 * A Song banquet band as the stage seats it: the clappers (拍板), who lead and keep time, at the
 * front and centre; the plucked strings (琵琶, 筝) either side; the flutes (笛, 箫) behind; the qin,
 * a scholar's instrument rather than the banquet band's, at the far corner (《梦粱录》卷三 and
 * 《武林旧事》 list the banquet musicians; docs/visitor-journey.md). All on the mat.
 */
const seatsByKind: Record<Instrument['instrument'], Seat> = {
  paiban: { xPercent: 50, yPercent: 75, depth: 'front' },
  pipa: { xPercent: 23, yPercent: 65, depth: 'middle' },
  guzheng: { xPercent: 76, yPercent: 66, depth: 'middle' },
  dizi: { xPercent: 37, yPercent: 37, depth: 'back' },
  xiao: { xPercent: 54, yPercent: 36, depth: 'back' },
  guqin: { xPercent: 71, yPercent: 37, depth: 'back' },
}

/**
 * Seats for a pack's instruments: each kind in its place; a second instrument of a kind already
 * seated goes to the next free place along the back row.
 */
export function seatBand(
  instruments: readonly Pick<Instrument, 'id' | 'instrument'>[],
): Map<string, Seat> {
  const seats = new Map<string, Seat>()
  const taken = new Set<string>()
  let spare = 0
  for (const instrument of instruments) {
    const seat = seatsByKind[instrument.instrument]
    if (!taken.has(instrument.instrument)) {
      taken.add(instrument.instrument)
      seats.set(instrument.id, seat)
    } else {
      spare += 1
      // Along the back of the mat, between its far corners.
      const xPercent = stageMat.farLeftPercent + 6 + ((spare * 17) % 56)
      seats.set(instrument.id, { xPercent, yPercent: stageMat.topPercent + 8, depth: 'back' })
    }
  }
  return seats
}

/** How an instrument moves while it sounds: strings tremble, flutes breathe, clappers strike. */
export function motionOf(kind: Instrument['instrument']): 'tremble' | 'breathe' | 'strike' {
  if (kind === 'dizi' || kind === 'xiao') return 'breathe'
  if (kind === 'paiban') return 'strike'
  return 'tremble'
}
