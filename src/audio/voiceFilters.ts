/**
 * The few recursive filters the demo voices need (RBJ audio-EQ-cookbook biquads and a one-pole
 * low-pass), processing one sample at a time so voices can change them as they go.
 */

/** A second-order section in direct form I. */
export class Biquad {
  #b0 = 1
  #b1 = 0
  #b2 = 0
  #a1 = 0
  #a2 = 0
  #x1 = 0
  #x2 = 0
  #y1 = 0
  #y2 = 0

  /** A band-pass with 0 dB peak gain at `centreHz`. */
  static bandPass(sampleRate: number, centreHz: number, q: number): Biquad {
    const filter = new Biquad()
    const w = (2 * Math.PI * centreHz) / sampleRate
    const alpha = Math.sin(w) / (2 * q)
    const a0 = 1 + alpha
    filter.#set(alpha / a0, 0, -alpha / a0, (-2 * Math.cos(w)) / a0, (1 - alpha) / a0)
    return filter
  }

  /** A resonant low-pass at `cutoffHz`. */
  static lowPass(sampleRate: number, cutoffHz: number, q = Math.SQRT1_2): Biquad {
    const filter = new Biquad()
    const w = (2 * Math.PI * cutoffHz) / sampleRate
    const alpha = Math.sin(w) / (2 * q)
    const cos = Math.cos(w)
    const a0 = 1 + alpha
    filter.#set(
      (1 - cos) / 2 / a0,
      (1 - cos) / a0,
      (1 - cos) / 2 / a0,
      (-2 * cos) / a0,
      (1 - alpha) / a0,
    )
    return filter
  }

  /** A high-pass at `cutoffHz`. */
  static highPass(sampleRate: number, cutoffHz: number, q = Math.SQRT1_2): Biquad {
    const filter = new Biquad()
    const w = (2 * Math.PI * cutoffHz) / sampleRate
    const alpha = Math.sin(w) / (2 * q)
    const cos = Math.cos(w)
    const a0 = 1 + alpha
    filter.#set(
      (1 + cos) / 2 / a0,
      -(1 + cos) / a0,
      (1 + cos) / 2 / a0,
      (-2 * cos) / a0,
      (1 - alpha) / a0,
    )
    return filter
  }

  #set(b0: number, b1: number, b2: number, a1: number, a2: number): void {
    this.#b0 = b0
    this.#b1 = b1
    this.#b2 = b2
    this.#a1 = a1
    this.#a2 = a2
  }

  /** Filters one sample. */
  process(x: number): number {
    const y =
      this.#b0 * x +
      this.#b1 * this.#x1 +
      this.#b2 * this.#x2 -
      this.#a1 * this.#y1 -
      this.#a2 * this.#y2
    this.#x2 = this.#x1
    this.#x1 = x
    this.#y2 = this.#y1
    this.#y1 = y
    return y
  }
}

/** A one-pole low-pass: cheap smoothing for excitations and tone colour. */
export class OnePoleLowPass {
  readonly #coefficient: number
  #state = 0

  constructor(sampleRate: number, cutoffHz: number) {
    this.#coefficient = 1 - Math.exp((-2 * Math.PI * cutoffHz) / sampleRate)
  }

  /** Filters one sample. */
  process(x: number): number {
    this.#state += this.#coefficient * (x - this.#state)
    return this.#state
  }
}
