import type { Disposable } from '../../src/lifecycle/disposable'
import { joinAudioCensus } from './audioCensus'

/** One instrument's stem of a piece, as the player loads it. */
export interface StemSource {
  readonly instrumentId: string
  readonly url: string
}

/** The part of Web Audio the stem player uses (tests hand it a fake; happy-dom has none). */
export interface StemAudioContext {
  readonly currentTime: number
  createGain(): GainNode
  createBufferSource(): AudioBufferSourceNode
  createAnalyser(): AnalyserNode
}

export interface StemPlayerOptions {
  readonly context: StemAudioContext
  /** Where the piece's bus goes (Howler's master gain, so the staff volume applies). */
  readonly destination: AudioNode
  /** Fetches and decodes one stem. */
  readonly loadBuffer: (url: string) => Promise<AudioBuffer>
  /**
   * How far ahead of "now" the stems are scheduled, so every source is set up before the shared
   * start instant arrives (all start at the same `when`, sample-accurately).
   */
  readonly startLeadSeconds?: number
  /** How quickly a toggled stem's gain glides to its new level (no click). */
  readonly toggleTimeConstantSeconds?: number
  /** How quickly the whole piece steps back under a phrase, and comes forward after it. */
  readonly duckTimeConstantSeconds?: number
}

/** What the piece is doing. */
export type StemPlaybackState = 'empty' | 'loading' | 'ready' | 'playing' | 'paused'

interface Stem {
  readonly instrumentId: string
  readonly buffer: AudioBuffer
  readonly gain: GainNode
  readonly analyser: AnalyserNode
  readonly levels: Float32Array<ArrayBuffer>
  isOn: boolean
  source: AudioBufferSourceNode | undefined
}

/**
 * The ensemble (合奏) owner: a piece given as stems, one per instrument, all the same length.
 * Every stem has its own AudioBufferSourceNode, and all are started at ONE `when` with ONE offset,
 * so they stay in sample-accurate step however often a visitor brings an instrument in or out:
 * a toggle only moves that stem's gain (the source keeps running, silent or not). The stems go
 * through one bus whose gain brings the piece to the kiosk's loudness (docs/loudness.md).
 */
export class StemPlayer implements Disposable {
  readonly #options: Required<StemPlayerOptions>
  readonly #bus: GainNode
  readonly #stems = new Map<string, Stem>()
  readonly #leaveCensus: () => void
  readonly #changeListeners = new Set<() => void>()
  #state: StemPlaybackState = 'empty'
  #pieceId: string | undefined
  #durationSeconds = 0
  /** Context time of the piece's 0 s while playing. */
  #startedAt = 0
  #pausedAtSeconds = 0
  #loadToken = 0
  #isDisposed = false
  /** The piece's one loudness gain (docs/loudness.md), which a duck scales and returns to. */
  #pieceGain = 1

  constructor(options: StemPlayerOptions) {
    this.#options = {
      startLeadSeconds: 0.06,
      toggleTimeConstantSeconds: 0.015,
      duckTimeConstantSeconds: 0.05,
      ...options,
    }
    this.#bus = options.context.createGain()
    this.#bus.connect(options.destination)
    this.#leaveCensus = joinAudioCensus({
      loadedCount: () => this.#stems.size,
      playingCount: () => (this.#state === 'playing' ? this.#stems.size : 0),
    })
  }

  get state(): StemPlaybackState {
    return this.#state
  }

  get pieceId(): string | undefined {
    return this.#pieceId
  }

  get durationSeconds(): number {
    return this.#durationSeconds
  }

  /** The instruments of the loaded piece, in stem order. */
  get instrumentIds(): string[] {
    return [...this.#stems.keys()]
  }

  /** Context time at which the piece's 0 s sounds (meaningful while playing). */
  get startedAtContextSeconds(): number {
    return this.#startedAt
  }

  /** Where the piece is, in seconds. */
  positionSeconds(): number {
    if (this.#state !== 'playing') return this.#pausedAtSeconds
    const position = this.#options.context.currentTime - this.#startedAt
    return Math.min(Math.max(0, position), this.#durationSeconds)
  }

  isStemOn(instrumentId: string): boolean {
    return this.#stems.get(instrumentId)?.isOn ?? false
  }

  /** Calls `listener` when the state, the piece or a stem's on/off changes. */
  onChange(listener: () => void): Disposable {
    this.#changeListeners.add(listener)
    return { dispose: () => this.#changeListeners.delete(listener) }
  }

  /**
   * Loads a piece's stems (replacing any other piece). `gain` is the one gain of the whole piece.
   * A load that a newer one supersedes is dropped the moment it resolves.
   */
  async load(pieceId: string, stems: readonly StemSource[], gain: number): Promise<void> {
    if (this.#isDisposed) return
    this.#unloadStems()
    const token = ++this.#loadToken
    this.#pieceId = pieceId
    this.#setState('loading')
    this.#pieceGain = gain
    this.#bus.gain.cancelScheduledValues(0)
    this.#bus.gain.value = gain
    const buffers = await Promise.all(stems.map((stem) => this.#options.loadBuffer(stem.url)))
    if (token !== this.#loadToken || this.#isDisposed) return
    const lengths = new Set(buffers.map((buffer) => buffer.length))
    if (lengths.size > 1) {
      // Stems of unequal length would drift apart at the end: the pack is wrong, say which.
      console.warn(
        `ensemble ${pieceId}: stems differ in length (${[...lengths].join(', ')} samples)`,
      )
    }
    stems.forEach((stem, index) => {
      const buffer = buffers[index]!
      const stemGain = this.#options.context.createGain()
      const analyser = this.#options.context.createAnalyser()
      analyser.fftSize = 512
      stemGain.connect(this.#bus)
      stemGain.connect(analyser)
      this.#stems.set(stem.instrumentId, {
        instrumentId: stem.instrumentId,
        buffer,
        gain: stemGain,
        analyser,
        levels: new Float32Array(analyser.fftSize),
        isOn: true,
        source: undefined,
      })
    })
    this.#durationSeconds = Math.max(0, ...buffers.map((buffer) => buffer.duration))
    this.#pausedAtSeconds = 0
    this.#setState('ready')
  }

  /** Starts (or resumes) every stem at one shared instant. */
  play(): void {
    if (this.#state !== 'ready' && this.#state !== 'paused') return
    const { context, startLeadSeconds } = this.#options
    const when = context.currentTime + startLeadSeconds
    const offset = this.#pausedAtSeconds >= this.#durationSeconds ? 0 : this.#pausedAtSeconds
    this.#startedAt = when - offset
    for (const stem of this.#stems.values()) {
      const source = context.createBufferSource()
      source.buffer = stem.buffer
      source.connect(stem.gain)
      stem.gain.gain.value = stem.isOn ? 1 : 0
      stem.source = source
      source.start(when, offset)
    }
    const first = [...this.#stems.values()][0]?.source
    if (first) {
      first.onended = () => {
        if (this.#state === 'playing' && first === [...this.#stems.values()][0]?.source) {
          this.#stopSources()
          this.#pausedAtSeconds = 0
          this.#setState('ready')
        }
      }
    }
    this.#setState('playing')
  }

  pause(): void {
    if (this.#state !== 'playing') return
    this.#pausedAtSeconds = this.positionSeconds()
    this.#stopSources()
    this.#setState('paused')
  }

  /** Stops and rewinds. */
  stop(): void {
    if (this.#state !== 'playing' && this.#state !== 'paused') return
    this.#stopSources()
    this.#pausedAtSeconds = 0
    this.#setState('ready')
  }

  /** Brings one instrument in or out of the ensemble: only its own gain moves. */
  setStemOn(instrumentId: string, isOn: boolean): void {
    const stem = this.#stems.get(instrumentId)
    if (!stem || stem.isOn === isOn) return
    stem.isOn = isOn
    const { context, toggleTimeConstantSeconds } = this.#options
    stem.gain.gain.setTargetAtTime(isOn ? 1 : 0, context.currentTime, toggleTimeConstantSeconds)
    this.#emitChange()
  }

  /**
   * Lets the whole piece step back to `ratio` of its level from `fromSeconds` to `untilSeconds`
   * (audio clock), so a phrase played over it is heard: the piece's one bus gain moves, never a
   * stem's, so the balance of the stems and which are in or out stay as the visitor set them.
   */
  duck(ratio: number, fromSeconds: number, untilSeconds: number): void {
    if (this.#state !== 'playing') return
    const { duckTimeConstantSeconds } = this.#options
    const level = this.#bus.gain
    // A phrase tapped while another still sounds: the first one's return is dropped, not heard
    // in the middle of the second.
    level.cancelScheduledValues(fromSeconds)
    level.setTargetAtTime(this.#pieceGain * ratio, fromSeconds, duckTimeConstantSeconds)
    level.setTargetAtTime(this.#pieceGain, untilSeconds, duckTimeConstantSeconds)
  }

  /** How loud each stem sounds now, 0–1 (RMS after its gain), for the visualiser. */
  readLevels(into: Map<string, number>): void {
    for (const stem of this.#stems.values()) {
      if (this.#state !== 'playing') {
        into.set(stem.instrumentId, 0)
        continue
      }
      stem.analyser.getFloatTimeDomainData(stem.levels)
      let sum = 0
      for (const sample of stem.levels) sum += sample * sample
      into.set(stem.instrumentId, Math.min(1, Math.sqrt(sum / stem.levels.length) * 4))
    }
  }

  dispose(): void {
    if (this.#isDisposed) return
    this.#isDisposed = true
    this.#loadToken += 1
    this.#unloadStems()
    this.#bus.disconnect()
    this.#leaveCensus()
    this.#changeListeners.clear()
  }

  #stopSources(): void {
    for (const stem of this.#stems.values()) {
      const source = stem.source
      stem.source = undefined
      if (!source) continue
      source.onended = null
      try {
        source.stop()
      } catch {
        // never started or already ended: nothing to stop
      }
      source.disconnect()
    }
  }

  #unloadStems(): void {
    this.#stopSources()
    for (const stem of this.#stems.values()) {
      stem.gain.disconnect()
      stem.analyser.disconnect()
    }
    this.#stems.clear()
    this.#durationSeconds = 0
    this.#pausedAtSeconds = 0
    this.#pieceId = undefined
    if (this.#state !== 'empty') this.#setState('empty')
  }

  #setState(state: StemPlaybackState): void {
    this.#state = state
    this.#emitChange()
  }

  #emitChange(): void {
    for (const listener of this.#changeListeners) listener()
  }
}

/** Fetches a stem and decodes it in the given context (the app's `loadBuffer`). */
export async function fetchAudioBuffer(
  context: BaseAudioContext,
  url: string,
): Promise<AudioBuffer> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`)
  return context.decodeAudioData(await response.arrayBuffer())
}
