import type { WhiskInput } from './foamModel'

/** One position of the visitor's finger over the bowl, in bowl radii from its centre. */
export interface StrokeSample {
  readonly x: number
  readonly y: number
  readonly timeMs: number
  /** 0–1 as the glass reports it. */
  readonly pressure: number
}

/** Moves shorter than this (bowl radii) are jitter: they neither count as speed nor turn. */
const minimumMoveRadii = 0.02
/** A turn sharper than this (cosine of the angle between moves) is a reversal (back-and-forth). */
const reversalCosine = -0.5
/** A gap between samples longer than this counts as a pause, not as whisking time. */
const maximumStretchSeconds = 1
/** Reversal rate is counted over the last second. */
const reversalWindowMs = 1000

/**
 * Turns finger samples into whisk input for the foam model: speed, pressure (0.5 where the
 * glass measures none), and how often the stroke reverses — a zigzag beats (击), a circle brushes
 * (拂).
 */
export class WhiskStroke {
  #last: StrokeSample | undefined
  #lastDirection: { x: number; y: number } | undefined
  #reversalTimes: number[] = []

  /** Starts a new stroke at the sample where the finger came down. */
  begin(sample: StrokeSample): void {
    this.#last = sample
    this.#lastDirection = undefined
    this.#reversalTimes = []
  }

  /** The whisk input since the previous sample, or undefined if time did not move on. */
  move(sample: StrokeSample): WhiskInput | undefined {
    const last = this.#last
    if (!last) {
      this.begin(sample)
      return undefined
    }
    const durationSeconds = (sample.timeMs - last.timeMs) / 1000
    if (!(durationSeconds > 0)) return undefined
    const dx = sample.x - last.x
    const dy = sample.y - last.y
    const distance = Math.hypot(dx, dy)
    this.#last = sample
    if (distance >= minimumMoveRadii) {
      const direction = { x: dx / distance, y: dy / distance }
      const previous = this.#lastDirection
      if (previous && previous.x * direction.x + previous.y * direction.y < reversalCosine) {
        this.#reversalTimes.push(sample.timeMs)
      }
      this.#lastDirection = direction
    }
    this.#reversalTimes = this.#reversalTimes.filter((t) => sample.timeMs - t <= reversalWindowMs)
    // Long pauses are not whisking: cap the stretch so a resting finger does not count.
    const cappedSeconds = Math.min(durationSeconds, maximumStretchSeconds)
    return {
      durationSeconds: cappedSeconds,
      speedRadiiPerSecond: distance / durationSeconds,
      distanceRadii: distance,
      pressure: sample.pressure > 0 && sample.pressure <= 1 ? sample.pressure : 0.5,
      reversalsPerSecond: this.#reversalTimes.length / (reversalWindowMs / 1000),
    }
  }

  end(): void {
    this.#last = undefined
    this.#lastDirection = undefined
    this.#reversalTimes = []
  }
}
