import { type instrumentKinds } from '../../src/pack/manifestSchema'
import { voices, type NoteEvent } from '../../src/audio/instrumentVoices'
import { seededRandom } from '../../src/random/seededRandom'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { AudioGraph } from './howlerGraph'

type InstrumentKind = (typeof instrumentKinds)[number]

/** How long a pad note is held before its voice's own decay or release. */
const padNoteHeldSeconds = 0.45
/**
 * Each rendered note is scaled to this RMS over its first half second: about where a −23 LUFS
 * recording's notes sit, so a pad played over the ensemble is neither buried nor on top of it.
 */
const padNoteRms = 10 ** (-20 / 20)
/** Notes are never louder than this sample peak (headroom under the −1 dBTP ceiling). */
const padNotePeak = 10 ** (-3 / 20)

/**
 * The play-along pads in each instrument's OWN voice: the physical models the demo recordings are
 * made with (src/audio/instrumentVoices.ts) render a note once into an AudioBuffer, which a tap
 * then starts at a scheduled instant (on the piece's beat) with nothing left to compute. Notes are
 * rendered ahead with `prepare()` when an instrument or piece is chosen.
 */
export class InstrumentPads implements Disposable {
  readonly #context: AudioContext
  readonly #bus: GainNode
  readonly #buffers = new Map<string, AudioBuffer>()
  readonly #sounding = new Set<AudioBufferSourceNode>()
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

  /** Sounds one note of `instrument` at `whenSeconds` on the audio clock (now if past). */
  play(instrument: InstrumentKind, frequencyHz: number, whenSeconds: number): void {
    if (this.#isDisposed) return
    if (this.#context.state === 'suspended') void this.#context.resume()
    const source = this.#context.createBufferSource()
    source.buffer = this.#bufferFor(instrument, frequencyHz)
    source.connect(this.#bus)
    source.onended = () => {
      this.#sounding.delete(source)
      source.disconnect()
    }
    this.#sounding.add(source)
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
    for (const source of this.#sounding) {
      source.onended = null
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
    const note: NoteEvent = {
      startSeconds: 0,
      heldSeconds: padNoteHeldSeconds,
      frequencyHz: instrument === 'paiban' ? null : frequencyHz,
      velocity: 0.9,
      hasVibrato: false,
      hasTremolo: false,
    }
    const samples = voices[instrument]!(note, {
      sampleRate,
      random: seededRandom(key.length * 7919),
    })
    levelNote(samples, sampleRate)
    const buffer = this.#context.createBuffer(1, samples.length, sampleRate)
    buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0)
    this.#buffers.set(key, buffer)
    return buffer
  }
}

/** Scales a rendered note to the pads' level, held under their peak. */
export function levelNote(samples: Float32Array, sampleRate: number): void {
  const window = samples.subarray(0, Math.min(samples.length, Math.round(sampleRate / 2)))
  let sum = 0
  let peak = 0
  for (const sample of window) sum += sample * sample
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample))
  const rms = Math.sqrt(sum / Math.max(1, window.length))
  if (rms === 0 || peak === 0) return
  const gain = Math.min(padNoteRms / rms, padNotePeak / peak)
  for (let i = 0; i < samples.length; i++) samples[i]! *= gain
}
