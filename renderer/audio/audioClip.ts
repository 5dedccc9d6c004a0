import type { Disposable } from '../../src/lifecycle/disposable'

/** What a clip tells its listeners (the Howler events the players rely on). */
export type AudioClipEvent = 'load' | 'loaderror' | 'playerror' | 'play' | 'pause' | 'stop' | 'end'

/**
 * One recording, played as one voice: the small part of a Howl that the players use. Tests drive
 * a fake of it (happy-dom has no Web Audio); the app gets Howl-backed clips from `howlClip.ts`.
 */
export interface AudioClip {
  readonly url: string
  /** Starts, or resumes after `pause()`; a clip still loading starts as soon as it has loaded. */
  play(): void
  pause(): void
  /** Stops and rewinds to the start. */
  stop(): void
  isPlaying(): boolean
  positionSeconds(): number
  seekSeconds(seconds: number): void
  /** 0 until the file has loaded. */
  durationSeconds(): number
  /** The clip's own gain, 0–1 (the master volume applies on top). */
  volume(): number
  setVolume(volume: number): void
  /** Ramps the clip's gain from `from` to `to` over `durationMs`. */
  fade(from: number, to: number, durationMs: number): void
  on(event: AudioClipEvent, listener: (message?: string) => void): Disposable
  /** Frees the decoded audio; the clip is dead afterwards. */
  unload(): void
}

/** Makes a clip for a media URL and starts loading it (preloading, so a tap plays at once). */
export type AudioClipFactory = (url: string) => AudioClip
