import { renderPadNote, type LiveInstrumentKind } from '../../src/audio/padNotes'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { AudioGraph } from './howlerGraph'

type InstrumentKind = LiveInstrumentKind

/**
 * The play-along pads in each instrument's OWN voice: the physical models the demo recordings are
 * made with render a note once into an AudioBuffer (src/audio/padNotes.ts, levelled to the kiosk's
 * loudness), which a tap then starts at a scheduled instant (on the piece's beat) with nothing left
 * to compute. Notes are rendered ahead with `prepare()` when an instrument or piece is chosen.
 */
export class InstrumentPads implements Disposable {
  readonly #context: AudioContext
  readonly #bus: GainNode
  readonly #buffers = new Map<string, AudioBuffer>()
  /** Notes sounding now, each with the gain node of its own it may have. */
  readonly #sounding = new Map<AudioBufferSourceNode, GainNode | undefined>()
  /** Notes waiting to be rendered while the page is idle. */
  readonly #toRender: { instrument: InstrumentKind; frequencyHz: number }[] = []
  #idleHandle: number | undefined
  #isDisposed = false

  constructor(graph: AudioGraph) {
    this.#context = graph.context
    this.#bus = graph.context.createGain()
    this.#bus.connect(graph.masterGain)
  }

  /** Notes sounding now. */
  get soundingCount(): number {
    return this.#sounding.size
  }

  /**
   * Queues the notes a pad set or phrase will need, rendered one at a time while the page is
   * idle (a note takes milliseconds to hundreds of them on a loaded machine), so neither the
   * stage's frames nor a visitor's touch waits for them. A note played before its turn is
   * rendered then.
   */
  prepare(instrument: InstrumentKind, frequenciesHz: readonly number[]): void {
    for (const frequencyHz of frequenciesHz) this.#toRender.push({ instrument, frequencyHz })
    this.#scheduleRendering()
  }

  /** Renders any of these notes not rendered yet, now (before scheduling a phrase of them). */
  renderNow(instrument: InstrumentKind, frequenciesHz: readonly number[]): void {
    for (const frequencyHz of frequenciesHz) this.#bufferFor(instrument, frequencyHz)
  }

  #scheduleRendering(): void {
    if (this.#idleHandle !== undefined || this.#isDisposed) return
    const renderNext = () => {
      this.#idleHandle = undefined
      const next = this.#toRender.shift()
      if (!next || this.#isDisposed) return
      this.#bufferFor(next.instrument, next.frequencyHz)
      this.#scheduleRendering()
    }
    this.#idleHandle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(renderNext, { timeout: 1000 })
        : window.setTimeout(renderNext, 16)
  }

  /**
   * Sounds one note of `instrument` at `whenSeconds` on the audio clock (now if past), at `gain`
   * (a phrase's notes sound a little under the pads': src/audio/padNotes.ts `phraseGainDb`).
   */
  play(instrument: InstrumentKind, frequencyHz: number, whenSeconds: number, gain = 1): void {
    if (this.#isDisposed) return
    if (this.#context.state === 'suspended') void this.#context.resume()
    const source = this.#context.createBufferSource()
    source.buffer = this.#bufferFor(instrument, frequencyHz)
    let noteGain: GainNode | undefined
    if (gain !== 1) {
      noteGain = this.#context.createGain()
      noteGain.gain.value = gain
      source.connect(noteGain).connect(this.#bus)
    } else {
      source.connect(this.#bus)
    }
    source.onended = () => {
      this.#sounding.delete(source)
      source.disconnect()
      noteGain?.disconnect()
    }
    this.#sounding.set(source, noteGain)
    source.start(Math.max(whenSeconds, this.#context.currentTime))
  }

  dispose(): void {
    if (this.#isDisposed) return
    this.#isDisposed = true
    if (this.#idleHandle !== undefined) {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.#idleHandle)
      else clearTimeout(this.#idleHandle)
    }
    this.#toRender.length = 0
    for (const [source, noteGain] of this.#sounding) {
      source.onended = null
      noteGain?.disconnect()
      try {
        source.stop()
      } catch {
        // already ended
      }
      source.disconnect()
    }
    this.#sounding.clear()
    this.#buffers.clear()
    this.#bus.disconnect()
  }

  #bufferFor(instrument: InstrumentKind, frequencyHz: number): AudioBuffer {
    const key = `${instrument}@${frequencyHz.toFixed(2)}`
    const cached = this.#buffers.get(key)
    if (cached) return cached
    const sampleRate = this.#context.sampleRate
    const samples = renderPadNote(instrument, frequencyHz, sampleRate)
    const buffer = this.#context.createBuffer(1, samples.length, sampleRate)
    buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0)
    this.#buffers.set(key, buffer)
    return buffer
  }
}
