/** One ring of ink spreading on water, in unit coordinates (0–1 across the stage). */
export interface InkRipple {
  readonly x: number
  readonly y: number
  ageSeconds: number
  /** 0–1: how dark and wide the ring grows. */
  readonly strength: number
}

export interface InkRippleFieldOptions {
  readonly bandCount: number
  /** 0–1 random source (tests pass a fixed sequence). */
  readonly random?: () => number
}

/** How long a ring lives. */
export const rippleLifeSeconds = 4
/** At most this many rings at once, so a busy passage never turns the stage into noise. */
export const maxRipples = 18
/** Notes closer together than this make one ring, not several. */
const minOnsetGapSeconds = 0.35
/** How fast the mountain line follows the music (per second); slow, like mist. */
const ridgeFollowRate = 2.5
const reducedRidgeFollowRate = 0.6

/**
 * The visualiser's state, free of any drawing: a far mountain ridge (远山) whose heights follow
 * the music's bands slowly, and rings of ink where a note begins (an onset: the overall level
 * jumps above its recent average) or where a visitor's finger lands on a pad.
 */
export class InkRippleField {
  readonly ridge: Float32Array
  readonly ripples: InkRipple[] = []
  /** Calm form: no rings from the music (a tap still leaves one), a slower mountain line. */
  isReducedMotion = false
  /** Whether the last step changed anything visible (nothing to redraw in silence). */
  isMoving = true
  readonly #random: () => number
  #averageLevel = 0
  #sinceOnsetSeconds = Number.POSITIVE_INFINITY

  constructor(options: InkRippleFieldOptions) {
    this.#random = options.random ?? Math.random
    this.ridge = new Float32Array(options.bandCount)
  }

  /** Advances by `deltaSeconds` with the latest band levels (each 0–1). */
  step(deltaSeconds: number, bands: Float32Array): void {
    const followRate = this.isReducedMotion ? reducedRidgeFollowRate : ridgeFollowRate
    const follow = 1 - Math.exp(-followRate * deltaSeconds)
    let level = 0
    let loudestBand = 0
    let largestChange = 0
    for (let band = 0; band < this.ridge.length; band += 1) {
      const value = bands[band] ?? 0
      const change = (value - this.ridge[band]!) * follow
      this.ridge[band]! += change
      largestChange = Math.max(largestChange, Math.abs(change))
      level += value
      if (value > (bands[loudestBand] ?? 0)) loudestBand = band
    }
    level /= Math.max(1, this.ridge.length)

    const hadRipples = this.ripples.length > 0
    for (const ripple of this.ripples) ripple.ageSeconds += deltaSeconds
    for (let i = this.ripples.length - 1; i >= 0; i -= 1) {
      if (this.ripples[i]!.ageSeconds >= rippleLifeSeconds) this.ripples.splice(i, 1)
    }

    this.#sinceOnsetSeconds += deltaSeconds
    const isOnset =
      level > 0.08 &&
      level > this.#averageLevel * 1.35 &&
      this.#sinceOnsetSeconds >= minOnsetGapSeconds
    this.#averageLevel += (level - this.#averageLevel) * (1 - Math.exp(-4 * deltaSeconds))
    if (isOnset && !this.isReducedMotion) {
      this.#sinceOnsetSeconds = 0
      const x = (loudestBand + 0.5) / Math.max(1, this.ridge.length)
      this.addRipple(x, 0.35 + this.#random() * 0.3, Math.min(1, level * 2))
    }
    this.isMoving = this.isMoving || hadRipples || this.ripples.length > 0 || largestChange > 0.0005
  }

  /** Marks the field drawn; the next step says whether anything moved since. */
  markDrawn(): void {
    this.isMoving = false
  }

  /** A ring where something happened (a pad tap), strength 0–1. */
  addRipple(x: number, y: number, strength: number): void {
    this.ripples.push({ x, y, ageSeconds: 0, strength: Math.min(1, Math.max(0, strength)) })
    this.isMoving = true
    if (this.ripples.length > maxRipples) this.ripples.splice(0, this.ripples.length - maxRipples)
  }
}
