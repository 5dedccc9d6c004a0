import { Howl } from 'howler'
import { toDisposable } from '../../src/lifecycle/disposable'
import { joinAudioCensus } from './audioCensus'
import type { AudioClip, AudioClipEvent, AudioClipFactory } from './audioClip'
import { configureHowler } from './howlerGraph'

/** Every Howl-backed clip not yet unloaded: what `diagnostics().audio` counts. */
const liveClips = new Set<HowlClip>()
let hasJoinedCensus = false

function installProbe(): void {
  if (hasJoinedCensus) return
  hasJoinedCensus = true
  joinAudioCensus({
    loadedCount: () => liveClips.size,
    playingCount: () => [...liveClips].filter((clip) => clip.isPlaying()).length,
  })
}

/** A clip backed by one Howl with Web Audio (html5: false), so the analyser can hear it. */
class HowlClip implements AudioClip {
  readonly #howl: Howl
  #soundId: number | undefined
  #isUnloaded = false

  constructor(readonly url: string) {
    configureHowler()
    this.#howl = new Howl({ src: [url], html5: false, preload: true })
    liveClips.add(this)
  }

  play(): void {
    if (this.#isUnloaded) return
    const id = this.#soundId === undefined ? this.#howl.play() : this.#howl.play(this.#soundId)
    // Howler answers null when it cannot play at all; keep the voice we had.
    if (typeof id === 'number') this.#soundId = id
  }

  pause(): void {
    if (this.#soundId !== undefined) this.#howl.pause(this.#soundId)
  }

  stop(): void {
    if (this.#soundId !== undefined) this.#howl.stop(this.#soundId)
  }

  isPlaying(): boolean {
    return !this.#isUnloaded && this.#soundId !== undefined && this.#howl.playing(this.#soundId)
  }

  positionSeconds(): number {
    if (this.#soundId === undefined || this.#isUnloaded) return 0
    const position = this.#howl.seek(this.#soundId)
    return typeof position === 'number' ? position : 0
  }

  seekSeconds(seconds: number): void {
    if (this.#soundId !== undefined) this.#howl.seek(seconds, this.#soundId)
  }

  durationSeconds(): number {
    return this.#howl.duration()
  }

  volume(): number {
    if (this.#soundId === undefined) return this.#howl.volume()
    const volume = this.#howl.volume(this.#soundId)
    return typeof volume === 'number' ? volume : this.#howl.volume()
  }

  setVolume(volume: number): void {
    if (this.#soundId === undefined) this.#howl.volume(volume)
    else this.#howl.volume(volume, this.#soundId)
  }

  fade(from: number, to: number, durationMs: number): void {
    if (this.#soundId === undefined) this.#howl.volume(to)
    else this.#howl.fade(from, to, durationMs, this.#soundId)
  }

  on(event: AudioClipEvent, listener: (message?: string) => void) {
    const handler = (_id: number, detail?: unknown) =>
      listener(detail === undefined ? undefined : describeHowlerDetail(detail))
    this.#howl.on(event, handler)
    return toDisposable(() => this.#howl.off(event, handler))
  }

  unload(): void {
    if (this.#isUnloaded) return
    this.#isUnloaded = true
    liveClips.delete(this)
    this.#howl.unload()
  }
}

/** The app's clip factory: a preloading Web Audio Howl per recording, counted for diagnostics. */
export const createHowlClip: AudioClipFactory = (url) => {
  installProbe()
  return new HowlClip(url)
}

/** Howler passes an error code (a number) or a message; anything else is named by its JSON. */
function describeHowlerDetail(detail: unknown): string {
  if (typeof detail === 'string' || typeof detail === 'number') return String(detail)
  if (detail instanceof Error) return detail.message
  return JSON.stringify(detail) ?? typeof detail
}
