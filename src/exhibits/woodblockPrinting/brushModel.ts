/**
 * The writing brush (毛笔) of the sample station, as dabs a renderer stamps: a finger (or the
 * scribe's stroke data) moves the tip; the brush answers as a soft hair brush does. Slow strokes
 * spread the hairs wide, quick ones draw thin; a stroke starts with a press (顿笔) and ends by
 * lifting the tip (收笔), tapering off; the ink the brush carries runs dry along a stroke, so a
 * long stroke pales and breaks toward its end (飞白) until the brush is dipped again.
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
  /** How much wider than a moderate stroke the press at the start is. */
  readonly pressFactor: number
  /** Stroke length (units) over which a freshly dipped brush runs down to its driest. */
  readonly dryAfterLength: number
  /** Ink a dry brush still lays down. */
  readonly dryInk: number
}

export const defaultBrushTuning: BrushTuning = {
  radius: 0.03,
  referenceSpeed: 0.6,
  pressFactor: 1.35,
  dryAfterLength: 2.4,
  dryInk: 0.45,
}

/** Radius for a brush moving at `speed` units a second: between 0.45× (a flick) and 1.6× (a crawl). */
export function radiusForSpeed(speed: number, tuning: BrushTuning = defaultBrushTuning): number {
  const pace = Math.max(0, speed) / tuning.referenceSpeed
  return tuning.radius * (0.45 + 1.15 / (1 + pace * pace))
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

  /** Touching down presses the hairs: the first dab is wider than the stroke that follows. */
  constructor(
    start: BrushPoint,
    readonly onDab: (dab: BrushDab) => void,
    tuning: Partial<BrushTuning> = {},
  ) {
    this.#tuning = { ...defaultBrushTuning, ...tuning }
    this.#last = start
    this.#radius = this.#tuning.radius * this.#tuning.pressFactor
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
    const seconds = Math.max(0.004, (point.timeMs - this.#last.timeMs) / 1000)
    const target = radiusForSpeed(distance / seconds, this.#tuning)
    const steps = Math.max(1, Math.ceil(distance / (Math.min(this.#radius, target) * 0.2)))
    const startRadius = this.#radius
    for (let i = 1; i <= steps; i++) {
      const t = i / steps
      // The hairs follow the pace with some lag: the radius eases towards the new width.
      this.#radius = startRadius + (target - startRadius) * Math.min(1, t * 0.6)
      this.#length += distance / steps
      this.onDab({
        x: this.#last.x + dx * t,
        y: this.#last.y + dy * t,
        radius: this.#radius,
        ink: this.ink,
      })
    }
    this.#directionX = dx / distance
    this.#directionY = dy / distance
    this.#last = point
  }

  /** The tip lifts: the stroke tapers on a little beyond the last point. */
  lift(): void {
    const tailLength = this.#radius * 1.6
    const steps = 8
    for (let i = 1; i <= steps; i++) {
      const t = i / steps
      this.onDab({
        x: this.#last.x + this.#directionX * tailLength * t,
        y: this.#last.y + this.#directionY * tailLength * t,
        radius: this.#radius * (1 - 0.85 * t),
        ink: this.ink * (1 - 0.3 * t),
      })
    }
  }
}
