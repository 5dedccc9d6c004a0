import type { Instrument } from '../../../src/pack/manifestSchema'

/** Where an instrument sits on the stage, as the centre of its picture in % of the stage. */
export interface Seat {
  readonly xPercent: number
  readonly yPercent: number
  /** Nearer seats are drawn larger and in front. */
  readonly depth: 'front' | 'middle' | 'back'
}

/**
 * A Song banquet band as the stage seats it: the clappers (拍板), who lead and keep time, at the
 * front and centre; the plucked strings (琵琶, 筝) either side; the flutes (笛, 箫) behind; the qin,
 * a scholar's instrument rather than the banquet band's, apart at the side (《梦粱录》卷三 and
 * 《武林旧事》 list the banquet musicians; docs/visitor-journey.md).
 */
const seatsByKind: Record<Instrument['instrument'], Seat> = {
  paiban: { xPercent: 50, yPercent: 70, depth: 'front' },
  pipa: { xPercent: 27, yPercent: 62, depth: 'middle' },
  guzheng: { xPercent: 73, yPercent: 62, depth: 'middle' },
  dizi: { xPercent: 38, yPercent: 34, depth: 'back' },
  xiao: { xPercent: 62, yPercent: 34, depth: 'back' },
  guqin: { xPercent: 89, yPercent: 30, depth: 'back' },
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
      seats.set(instrument.id, { xPercent: 11 + ((spare * 17) % 78), yPercent: 24, depth: 'back' })
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
