/**
 * A small hall (the Freeverb design: eight damped feedback combs in parallel, then four all-passes
 * in series, per channel, the right channel's delays a little longer for width). Adds the room
 * that dry synthesised strings and flutes lack.
 */

const combTuningAt44k = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
const allPassTuningAt44k = [556, 441, 341, 225]
const stereoSpread = 23

class DampedComb {
  readonly #buffer: Float32Array
  #index = 0
  #filtered = 0

  constructor(
    length: number,
    private readonly feedback: number,
    private readonly damping: number,
  ) {
    this.#buffer = new Float32Array(length)
  }

  process(input: number): number {
    const output = this.#buffer[this.#index]!
    this.#filtered = output * (1 - this.damping) + this.#filtered * this.damping
    this.#buffer[this.#index] = input + this.#filtered * this.feedback
    this.#index = this.#index + 1 === this.#buffer.length ? 0 : this.#index + 1
    return output
  }
}

class SchroederAllPass {
  readonly #buffer: Float32Array
  #index = 0

  constructor(length: number) {
    this.#buffer = new Float32Array(length)
  }

  process(input: number): number {
    const delayed = this.#buffer[this.#index]!
    this.#buffer[this.#index] = input + delayed * 0.5
    this.#index = this.#index + 1 === this.#buffer.length ? 0 : this.#index + 1
    return delayed - input
  }
}

/** How much room: `roomSize` 0–1 sets the decay, `wet` the level of the reverberant sound. */
export interface HallSettings {
  roomSize: number
  damping: number
  wet: number
}

/** Adds the hall to a stereo pair in place. */
export function addHallReverb(
  left: Float32Array,
  right: Float32Array,
  sampleRate: number,
  settings: HallSettings,
): void {
  const scale = sampleRate / 44100
  const feedback = 0.7 + 0.28 * settings.roomSize
  const channel = (spread: number) => ({
    combs: combTuningAt44k.map(
      (length) => new DampedComb(Math.round((length + spread) * scale), feedback, settings.damping),
    ),
    allPasses: allPassTuningAt44k.map(
      (length) => new SchroederAllPass(Math.round((length + spread) * scale)),
    ),
  })
  const channels = [channel(0), channel(stereoSpread)]
  for (let n = 0; n < left.length; n++) {
    const input = (left[n]! + right[n]!) * 0.015
    const wet = channels.map(({ combs, allPasses }) => {
      let sum = 0
      for (const comb of combs) sum += comb.process(input)
      for (const allPass of allPasses) sum = allPass.process(sum)
      return sum
    })
    left[n] = left[n]! + wet[0]! * settings.wet
    right[n] = right[n]! + wet[1]! * settings.wet
  }
}
