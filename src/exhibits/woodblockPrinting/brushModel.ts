/**
 * The writing brush (毛笔) of the sample station, as dabs a renderer stamps: a finger (or the
 * scribe's stroke data) moves the tip; the brush answers as a pointed hair brush writing the lean
 * regular script (欧体) the Southern Song Zhejiang editions were cut in. Slow strokes spread the
 * hairs wider, quick ones draw thin; a stroke enters on the tip and presses down at once (露锋,
 * 顿笔), so it starts with a sharp wedge, not a round blot; at a sharp turn (折) the brush presses
 * again, giving the corner its shoulder; it ends by lifting the tip (收笔) to a point; the ink the
 * brush carries runs dry along a stroke, so a long stroke pales and breaks toward its end (飞白)
 * until the brush is dipped again.
 * Points are in sheet coordinates (0–1 of the writing area's width), time in milliseconds.
 */

/** One stamp of the brush. */
export interface BrushDab {
  readonly x: number
  readonly y: number
  /** Radius, in the same units as x and y. */
  readonly radius: number
  /** Ink density the dab lays down, 0–1. */
  readonly ink: number
}

export interface BrushPoint {
  readonly x: number
  readonly y: number
  readonly timeMs: number
}

export interface BrushTuning {
  /** Radius at a moderate pace. */
  readonly radius: number
  /** The pace (units a second) at which the radius is `radius`; slower is wider, faster thinner. */
  readonly referenceSpeed: number
  /** How much wider than a moderate stroke the press at the start (and at a sharp turn) is. */
  readonly pressFactor: number
  /** Stroke length (units) over which a freshly dipped brush runs down to its driest. */
  readonly dryAfterLength: number
  /** Ink a dry brush still lays down. */
  readonly dryInk: number
}

export const defaultBrushTuning: BrushTuning = {
  radius: 0.024,
  referenceSpeed: 0.6,
  pressFactor: 1.3,
  dryAfterLength: 2.4,
  dryInk: 0.45,
}

/** The tip as it first touches, a share of the stroke's radius: the entry's sharp point. */
const entryTipShare = 0.3
/** The entry wedge runs from the tip to the full press over this many press radii of travel. */
const entryLengthInPressRadii = 1.1
/** A turn sharper than this (the cosine of the angle between headings) presses the brush again. */
const sharpTurnCosine = Math.cos((50 * Math.PI) / 180)
/**
 * A heading is only read from a move at least this many radii long: a finger's tiny jitters are
 * not turns.
 */
const headingMinMoveInRadii = 0.5

/** Radius for a brush moving at `speed` units a second: between 0.5× (a flick) and 1.45× (a crawl). */
export function radiusForSpeed(speed: number, tuning: BrushTuning = defaultBrushTuning): number {
  const pace = Math.max(0, speed) / tuning.referenceSpeed
  return tuning.radius * (0.5 + 0.95 / (1 + pace * pace))
}

/** The ink left in a brush dipped once and drawn `length` units since. */
export function inkAfter(length: number, tuning: BrushTuning = defaultBrushTuning): number {
  const share = Math.min(1, Math.max(0, length) / tuning.dryAfterLength)
  return 1 - (1 - tuning.dryInk) * share * share
}

/** One stroke of the brush, begun when the tip touches and ended when it lifts. */
export class BrushStroke {
  readonly #tuning: BrushTuning
  #last: BrushPoint
  #radius: number
  #length = 0
  #directionX = 0
  #directionY = 0
  #hasDirection = false

  /** Touching down lays the tip: the stroke's first dab is a point, the press follows it. */
  constructor(
    start: BrushPoint,
    readonly onDab: (dab: BrushDab) => void,
    tuning: Partial<BrushTuning> = {},
  ) {
    this.#tuning = { ...defaultBrushTuning, ...tuning }
    this.#last = start
    this.#radius = this.#tuning.radius * entryTipShare
    onDab({ x: start.x, y: start.y, radius: this.#radius, ink: 1 })
  }

  /** Ink the stroke has left in the brush. */
  get ink(): number {
    return inkAfter(this.#length, this.#tuning)
  }

  /** The tip moves to `point`: dabs every fifth of a radius along the way. */
  moveTo(point: BrushPoint): void {
    const dx = point.x - this.#last.x
    const dy = point.y - this.#last.y
    const distance = Math.hypot(dx, dy)
    if (distance === 0) return
    const tuning = this.#tuning
    const pressRadius = tuning.radius * tuning.pressFactor
    const entryLength = pressRadius * entryLengthInPressRadii
    const seconds = Math.max(0.004, (point.timeMs - this.#last.timeMs) / 1000)
    const target = radiusForSpeed(distance / seconds, tuning)
    const isHeading = distance >= tuning.radius * headingMinMoveInRadii
    const headingX = dx / distance
    const headingY = dy / distance
    // A sharp turn (折): the brush presses into the corner before it sets off the new way.
    if (
      isHeading &&
      this.#hasDirection &&
      headingX * this.#directionX + headingY * this.#directionY < sharpTurnCosine
    )
      this.#radius = Math.max(this.#radius, pressRadius)
    const steps = Math.max(1, Math.ceil(distance / (Math.min(this.#radius, target) * 0.2)))
    const startRadius = this.#radius
    const startLength = this.#length
    for (let i = 1; i <= steps; i++) {
      const t = i / steps
      this.#length = startLength + distance * t
      if (this.#length < entryLength) {
        // The entry: from the tip's point straight out to the full press, a sharp wedge.
        const share = this.#length / entryLength
        this.#radius =
          tuning.radius * entryTipShare + (pressRadius - tuning.radius * entryTipShare) * share
      } else {
        // The hairs follow the pace with some lag: the radius eases towards the new width.
        const from = startLength < entryLength ? pressRadius : startRadius
        this.#radius = from + (target - from) * Math.min(1, t * 0.6)
      }
      this.onDab({
        x: this.#last.x + dx * t,
        y: this.#last.y + dy * t,
        radius: this.#radius,
        ink: this.ink,
      })
    }
    if (isHeading || !this.#hasDirection) {
      this.#directionX = headingX
      this.#directionY = headingY
      this.#hasDirection = true
    }
    this.#last = point
  }

  /** The tip lifts: the stroke runs on a little beyond the last point and tapers to a point. */
  lift(): void {
    const tailLength = this.#radius * 2.2
    const steps = 12
    for (let i = 1; i <= steps; i++) {
      const t = i / steps
      this.onDab({
        x: this.#last.x + this.#directionX * tailLength * t,
        y: this.#last.y + this.#directionY * tailLength * t,
        radius: this.#radius * (1 - 0.93 * t),
        ink: this.ink * (1 - 0.25 * t),
      })
    }
  }
}
