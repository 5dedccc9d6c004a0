import type { Disposable } from '../../src/lifecycle/disposable'
import type { AudioGraph } from './howlerGraph'

/** How a pad note sounds: plucked strings, a blown pipe, or struck wood. */
export type PadTimbre = 'plucked' | 'blown' | 'struck'

/** The pad timbre that suits an instrument of the stage. */
export function padTimbreOf(instrument: string): PadTimbre {
  if (instrument === 'dizi' || instrument === 'xiao') return 'blown'
  if (instrument === 'paiban') return 'struck'
  return 'plucked'
}

interface Envelope {
  readonly attackSeconds: number
  readonly holdSeconds: number
  readonly releaseSeconds: number
  readonly peak: number
  /** Partials as [frequency multiple, oscillator type, relative gain]. */
  readonly partials: readonly (readonly [number, OscillatorType, number])[]
}

const envelopes: Record<PadTimbre, Envelope> = {
  plucked: {
    attackSeconds: 0.004,
    holdSeconds: 0,
    releaseSeconds: 1.8,
    peak: 0.5,
    partials: [
      [1, 'triangle', 1],
      [2, 'sine', 0.25],
      [3, 'sine', 0.08],
    ],
  },
  blown: {
    attackSeconds: 0.05,
    holdSeconds: 0.45,
    releaseSeconds: 0.6,
    peak: 0.4,
    partials: [
      [1, 'sine', 1],
      [2, 'sine', 0.12],
    ],
  },
  struck: {
    attackSeconds: 0.002,
    holdSeconds: 0,
    releaseSeconds: 0.16,
    peak: 0.6,
    partials: [
      [1, 'square', 0.35],
      [2.76, 'sine', 0.5],
    ],
  },
}

const silence = 0.0001

/**
 * Play-along notes synthesised with Web Audio, started in the same call as the tap so there is
 * no perceptible delay, and a soft drone on 宫 and 徵. Everything goes through Howler's master
 * gain, so the master volume (and the quiet-hours cap) and the visualiser apply to it too.
 */
export class PadSynth implements Disposable {
  readonly #context: AudioContext
  readonly #bus: GainNode
  readonly #sounding = new Set<OscillatorNode>()
  #drone: { oscillators: OscillatorNode[]; gain: GainNode } | undefined
  #isDisposed = false

  constructor(graph: AudioGraph) {
    this.#context = graph.context
    this.#bus = graph.context.createGain()
    this.#bus.connect(graph.masterGain)
  }

  get isDroneOn(): boolean {
    return this.#drone !== undefined
  }

  /** Oscillators currently sounding (notes and drone). */
  get soundingCount(): number {
    return this.#sounding.size
  }

  /** Sounds one note now. */
  playNote(frequencyHz: number, timbre: PadTimbre): void {
    if (this.#isDisposed) return
    if (this.#context.state === 'suspended') void this.#context.resume()
    const envelope = envelopes[timbre]
    const startAt = this.#context.currentTime
    const releaseAt = startAt + envelope.attackSeconds + envelope.holdSeconds
    const endAt = releaseAt + envelope.releaseSeconds
    const gain = this.#context.createGain()
    gain.gain.setValueAtTime(silence, startAt)
    gain.gain.exponentialRampToValueAtTime(envelope.peak, startAt + envelope.attackSeconds)
    gain.gain.setValueAtTime(envelope.peak, releaseAt)
    gain.gain.exponentialRampToValueAtTime(silence, endAt)
    gain.connect(this.#bus)
    let remaining = envelope.partials.length
    for (const [multiple, type, level] of envelope.partials) {
      const oscillator = this.#context.createOscillator()
      oscillator.type = type
      oscillator.frequency.value = frequencyHz * multiple
      const partialGain = this.#context.createGain()
      partialGain.gain.value = level
      oscillator.connect(partialGain).connect(gain)
      oscillator.onended = () => {
        this.#sounding.delete(oscillator)
        oscillator.disconnect()
        partialGain.disconnect()
        remaining -= 1
        if (remaining === 0) gain.disconnect()
      }
      this.#sounding.add(oscillator)
      oscillator.start(startAt)
      oscillator.stop(endAt + 0.02)
    }
  }

  /** A quiet drone on 宫 (an octave down) and 徵 beneath it, fading in. */
  startDrone(tonicHz: number): void {
    if (this.#isDisposed || this.#drone) return
    const now = this.#context.currentTime
    const gain = this.#context.createGain()
    gain.gain.setValueAtTime(silence, now)
    gain.gain.exponentialRampToValueAtTime(0.12, now + 1.5)
    gain.connect(this.#bus)
    const oscillators = [tonicHz / 2, (tonicHz * 3) / 4].map((frequency) => {
      const oscillator = this.#context.createOscillator()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      oscillator.connect(gain)
      oscillator.onended = () => {
        this.#sounding.delete(oscillator)
        oscillator.disconnect()
      }
      this.#sounding.add(oscillator)
      oscillator.start(now)
      return oscillator
    })
    this.#drone = { oscillators, gain }
  }

  /** Fades the drone out and stops it. */
  stopDrone(): void {
    const drone = this.#drone
    if (!drone) return
    this.#drone = undefined
    const now = this.#context.currentTime
    drone.gain.gain.cancelScheduledValues(now)
    drone.gain.gain.setValueAtTime(Math.max(drone.gain.gain.value, silence), now)
    drone.gain.gain.exponentialRampToValueAtTime(silence, now + 0.6)
    for (const oscillator of drone.oscillators) oscillator.stop(now + 0.65)
    setTimeout(() => drone.gain.disconnect(), 800)
  }

  /** Silences everything at once and detaches from the graph. */
  dispose(): void {
    if (this.#isDisposed) return
    this.#isDisposed = true
    this.#drone = undefined
    for (const oscillator of this.#sounding) {
      try {
        oscillator.stop()
      } catch {
        // already stopped: nothing to do
      }
      oscillator.disconnect()
    }
    this.#sounding.clear()
    this.#bus.disconnect()
  }
}
