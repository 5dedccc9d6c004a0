import { toDisposable } from '../../../src/lifecycle/disposable'
import type { AudioClip, AudioClipEvent } from '../../../renderer/audio/audioClip'
import type { Scheduler } from '../../../renderer/audio/trackPlayer'

/** A clip that records what was asked of it and lets the test fire Howler's events. */
export class FakeAudioClip implements AudioClip {
  readonly calls: string[] = []
  readonly fades: { from: number; to: number; durationMs: number }[] = []
  isUnloaded = false
  #isPlaying = false
  #position = 0
  #volume = 1
  readonly #listeners = new Map<AudioClipEvent, Set<(message?: string) => void>>()

  constructor(
    readonly url: string,
    readonly durationSecondsValue = 40,
  ) {}

  play(): void {
    this.calls.push('play')
    this.#isPlaying = true
  }
  pause(): void {
    this.calls.push('pause')
    this.#isPlaying = false
  }
  stop(): void {
    this.calls.push('stop')
    this.#isPlaying = false
    this.#position = 0
  }
  isPlaying(): boolean {
    return this.#isPlaying
  }
  positionSeconds(): number {
    return this.#position
  }
  seekSeconds(seconds: number): void {
    this.calls.push(`seek ${seconds}`)
    this.#position = seconds
  }
  durationSeconds(): number {
    return this.durationSecondsValue
  }
  volume(): number {
    return this.#volume
  }
  setVolume(volume: number): void {
    this.#volume = volume
  }
  fade(from: number, to: number, durationMs: number): void {
    this.fades.push({ from, to, durationMs })
    this.#volume = to
  }
  on(event: AudioClipEvent, listener: (message?: string) => void) {
    const set = this.#listeners.get(event) ?? new Set()
    this.#listeners.set(event, set)
    set.add(listener)
    return toDisposable(() => set.delete(listener))
  }
  unload(): void {
    this.calls.push('unload')
    this.isUnloaded = true
    this.#isPlaying = false
  }
  /** Fires an event as Howler would. */
  emit(event: AudioClipEvent, message?: string): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(message)
  }
  listenerCount(): number {
    return [...this.#listeners.values()].reduce((sum, set) => sum + set.size, 0)
  }
}

/** A clip factory that keeps every clip it made, by URL. */
export function fakeClipFactory() {
  const clips: FakeAudioClip[] = []
  return {
    clips,
    create: (url: string) => {
      const clip = new FakeAudioClip(url)
      clips.push(clip)
      return clip
    },
    /** The newest clip for a URL. */
    clipFor(url: string): FakeAudioClip {
      const clip = clips.filter((c) => c.url === url).at(-1)
      if (!clip) throw new Error(`no clip was made for ${url}`)
      return clip
    },
    live: () => clips.filter((clip) => !clip.isUnloaded),
  }
}

/** A scheduler the test advances by hand. */
export function manualScheduler() {
  let nowMs = 0
  const pending: { atMs: number; run: () => void; isCancelled: boolean }[] = []
  const schedule: Scheduler = (delayMs, run) => {
    const entry = { atMs: nowMs + delayMs, run, isCancelled: false }
    pending.push(entry)
    return toDisposable(() => {
      entry.isCancelled = true
    })
  }
  return {
    schedule,
    advance(ms: number): void {
      nowMs += ms
      for (const entry of pending.filter((e) => !e.isCancelled && e.atMs <= nowMs)) {
        entry.isCancelled = true
        entry.run()
      }
    },
    pendingCount: () => pending.filter((e) => !e.isCancelled).length,
  }
}
