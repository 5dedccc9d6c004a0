import type { Disposable } from '../../src/lifecycle/disposable'
import type { AudioGraph } from './howlerGraph'

/**
 * Listens to everything the stage plays (an AnalyserNode on Howler's master gain) and reads it as
 * a few bands, low to high, each 0–1, for the visualiser.
 */
export class SpectrumTap implements Disposable {
  readonly #analyser: AnalyserNode
  readonly #masterGain: GainNode
  readonly #bins: Uint8Array<ArrayBuffer>
  #isDisposed = false

  constructor(graph: AudioGraph) {
    this.#masterGain = graph.masterGain
    this.#analyser = graph.context.createAnalyser()
    this.#analyser.fftSize = 1024
    this.#analyser.smoothingTimeConstant = 0.82
    this.#bins = new Uint8Array(this.#analyser.frequencyBinCount)
    this.#masterGain.connect(this.#analyser)
  }

  /** Fills `bands` with levels on a log-spaced scale from ~60 Hz to ~8 kHz. */
  readBands(bands: Float32Array): void {
    if (this.#isDisposed) {
      bands.fill(0)
      return
    }
    this.#analyser.getByteFrequencyData(this.#bins)
    const nyquistHz = this.#analyser.context.sampleRate / 2
    const binHz = nyquistHz / this.#bins.length
    const lowHz = 60
    const highHz = 8000
    for (let band = 0; band < bands.length; band += 1) {
      const fromHz = lowHz * (highHz / lowHz) ** (band / bands.length)
      const toHz = lowHz * (highHz / lowHz) ** ((band + 1) / bands.length)
      const fromBin = Math.max(0, Math.floor(fromHz / binHz))
      const toBin = Math.min(this.#bins.length, Math.max(fromBin + 1, Math.ceil(toHz / binHz)))
      let peak = 0
      for (let bin = fromBin; bin < toBin; bin += 1) peak = Math.max(peak, this.#bins[bin]!)
      bands[band] = peak / 255
    }
  }

  dispose(): void {
    if (this.#isDisposed) return
    this.#isDisposed = true
    this.#masterGain.disconnect(this.#analyser)
  }
}
