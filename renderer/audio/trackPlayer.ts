import { DisposableStore, toDisposable, type Disposable } from '../../src/lifecycle/disposable'
import type { AudioClip, AudioClipFactory } from './audioClip'

/** A recording the player can queue: its id (for analytics) and its media URL. */
export interface PlayerTrack {
  readonly id: string
  readonly url: string
  /**
   * The recording's own gain, 0–1, that brings it to the kiosk's loudness (`playbackGain` from
   * its measured loudness, docs/loudness.md); 1 when not given. The master volume applies on top.
   */
  readonly gain?: number
}

/** What the player is doing with the current track. */
export type PlaybackState = 'stopped' | 'loading' | 'playing' | 'paused' | 'error'

/** Runs `run` after `delayMs`; disposing it cancels the run (tests pass a manual scheduler). */
export type Scheduler = (delayMs: number, run: () => void) => Disposable

/** The browser's timers as a {@link Scheduler}. */
export const timeoutScheduler: Scheduler = (delayMs, run) => {
  const handle = setTimeout(run, delayMs)
  return toDisposable(() => clearTimeout(handle))
}

export interface TrackPlayerOptions {
  readonly createClip: AudioClipFactory
  /** How long the outgoing track fades out while the next fades in. */
  readonly crossfadeMs?: number
  /** How many tracks at the head of a new queue are loaded before anyone taps them. */
  readonly preloadCount?: number
  readonly schedule?: Scheduler
  /** A visitor started a track (not a resume): the stage records `track-play`. */
  readonly onTrackStart?: (trackId: string) => void
}

interface Voice {
  readonly track: PlayerTrack
  readonly clip: AudioClip
  readonly listeners: DisposableStore
  /** The end of a fade-out: stops the clip (and unloads it if its track left the queue). */
  pendingStop: Disposable | undefined
}

/**
 * The one owner of the stage's recordings: a queue of tracks (one instrument's performances),
 * play, pause, seek and next, a crossfade from one track to the next, and preloading so a tap
 * plays at once. Clips whose tracks leave the queue are unloaded, and `dispose()` (leaving the
 * stage, idle reset) stops and unloads every one, so no audio object outlives its screen.
 */
export class TrackPlayer implements Disposable {
  readonly #createClip: AudioClipFactory
  readonly #crossfadeMs: number
  readonly #preloadCount: number
  readonly #schedule: Scheduler
  readonly #onTrackStart: ((trackId: string) => void) | undefined
  readonly #voices = new Map<string, Voice>()
  readonly #changeListeners = new Set<() => void>()
  #queue: readonly PlayerTrack[] = []
  #current: Voice | undefined
  #state: PlaybackState = 'stopped'
  #errorMessage: string | undefined
  #isDisposed = false

  constructor(options: TrackPlayerOptions) {
    this.#createClip = options.createClip
    this.#crossfadeMs = options.crossfadeMs ?? 1500
    this.#preloadCount = options.preloadCount ?? 2
    this.#schedule = options.schedule ?? timeoutScheduler
    this.#onTrackStart = options.onTrackStart
  }

  get queue(): readonly PlayerTrack[] {
    return this.#queue
  }

  get state(): PlaybackState {
    return this.#state
  }

  get currentTrackId(): string | undefined {
    return this.#current?.track.id
  }

  /** Why the current track could not be played, when `state` is `error`. */
  get errorMessage(): string | undefined {
    return this.#errorMessage
  }

  /** Clips alive (loaded or loading), including one still fading out. */
  get liveClipCount(): number {
    return this.#voices.size
  }

  get crossfadeMs(): number {
    return this.#crossfadeMs
  }

  /** Where the current track is, in seconds (0 when there is none). */
  positionSeconds(): number {
    return this.#current?.clip.positionSeconds() ?? 0
  }

  /** The current track's length once loaded (0 before). */
  durationSeconds(): number {
    return this.#current?.clip.durationSeconds() ?? 0
  }

  /** Calls `listener` whenever the state or the current track changes. */
  onChange(listener: () => void): Disposable {
    this.#changeListeners.add(listener)
    return toDisposable(() => this.#changeListeners.delete(listener))
  }

  /**
   * Replaces the queue (another instrument chosen). Clips of tracks that left it are unloaded
   * (the playing one after fading out), and the head of the new queue starts loading.
   */
  setQueue(tracks: readonly PlayerTrack[]): void {
    if (this.#isDisposed) return
    this.#queue = [...tracks]
    const queuedIds = new Set(tracks.map((track) => track.id))
    const current = this.#current
    if (current && !queuedIds.has(current.track.id)) {
      this.#current = undefined
      if (this.#state === 'playing' || this.#state === 'loading') this.#fadeOut(current)
      this.#setState('stopped')
    }
    for (const voice of [...this.#voices.values()]) {
      if (!queuedIds.has(voice.track.id) && voice.pendingStop === undefined) this.#release(voice)
    }
    for (const track of tracks.slice(0, this.#preloadCount)) this.#voiceFor(track)
    this.#emitChange()
  }

  /**
   * Plays a queued track: resumes it if it is the paused current one; otherwise starts it from
   * the beginning, crossfading from the track that was playing.
   */
  play(trackId: string): void {
    if (this.#isDisposed) return
    const index = this.#queue.findIndex((track) => track.id === trackId)
    const track = this.#queue[index]
    if (!track) throw new Error(`The track "${trackId}" is not in the player's queue`)
    const outgoing = this.#current
    if (outgoing?.track.id === trackId) {
      if (this.#state === 'paused') this.resume()
      else if (this.#state === 'stopped' || this.#state === 'error') this.#start(outgoing, false)
      return
    }
    const incoming = this.#voiceFor(track)
    incoming.pendingStop?.dispose()
    incoming.pendingStop = undefined
    this.#current = incoming
    const isCrossfade = outgoing !== undefined && outgoing.clip.isPlaying()
    if (outgoing) {
      if (isCrossfade) this.#fadeOut(outgoing)
      else outgoing.clip.stop()
    }
    this.#start(incoming, isCrossfade)
    const upNext = this.#queue[(index + 1) % this.#queue.length]
    if (upNext) this.#voiceFor(upNext)
  }

  pause(): void {
    if (!this.#current || (this.#state !== 'playing' && this.#state !== 'loading')) return
    this.#current.clip.pause()
    this.#setState('paused')
  }

  resume(): void {
    if (!this.#current || this.#state !== 'paused') return
    this.#current.clip.play()
    this.#setState('loading')
  }

  /** Pause when playing, resume when paused. */
  togglePause(): void {
    if (this.#state === 'paused') this.resume()
    else this.pause()
  }

  /** Moves the current track to `seconds`, kept within the track. */
  seek(seconds: number): void {
    const current = this.#current
    if (!current) return
    const duration = current.clip.durationSeconds()
    const upper = duration > 0 ? duration : Number.POSITIVE_INFINITY
    current.clip.seekSeconds(Math.min(Math.max(0, seconds), upper))
    this.#emitChange()
  }

  /** The next track of the queue (after the last comes the first), crossfading. */
  next(): void {
    if (this.#queue.length === 0) return
    const index = this.#queue.findIndex((track) => track.id === this.#current?.track.id)
    const nextTrack = this.#queue[(index + 1) % this.#queue.length]!
    if (nextTrack.id === this.#current?.track.id) this.#start(this.#current, false)
    else this.play(nextTrack.id)
  }

  /** Stops every clip at once (they stay loaded for an instant restart). */
  stopAll(): void {
    for (const voice of this.#voices.values()) {
      voice.pendingStop?.dispose()
      voice.pendingStop = undefined
      voice.clip.stop()
    }
    this.#current = undefined
    this.#setState('stopped')
  }

  /** Stops and unloads every clip; the player is dead afterwards. */
  dispose(): void {
    if (this.#isDisposed) return
    this.#isDisposed = true
    this.stopAll()
    for (const voice of [...this.#voices.values()]) this.#release(voice)
    this.#changeListeners.clear()
  }

  #start(voice: Voice, isFadeIn: boolean): void {
    const level = Math.min(1, Math.max(0, voice.track.gain ?? 1))
    voice.clip.stop()
    voice.clip.setVolume(isFadeIn ? 0 : level)
    voice.clip.play()
    if (isFadeIn) voice.clip.fade(0, level, this.#crossfadeMs)
    this.#errorMessage = undefined
    this.#setState('loading')
    this.#onTrackStart?.(voice.track.id)
  }

  #fadeOut(voice: Voice): void {
    voice.pendingStop?.dispose()
    voice.clip.fade(voice.clip.volume(), 0, this.#crossfadeMs)
    voice.pendingStop = this.#schedule(this.#crossfadeMs, () => {
      voice.pendingStop = undefined
      voice.clip.stop()
      if (!this.#queue.some((track) => track.id === voice.track.id)) this.#release(voice)
      this.#emitChange()
    })
  }

  #voiceFor(track: PlayerTrack): Voice {
    const existing = this.#voices.get(track.id)
    if (existing) return existing
    const listeners = new DisposableStore()
    const voice: Voice = {
      track,
      clip: this.#createClip(track.url),
      listeners,
      pendingStop: undefined,
    }
    const isCurrent = () => this.#current === voice
    listeners.add(
      voice.clip.on('play', () => {
        if (isCurrent()) this.#setState('playing')
      }),
    )
    listeners.add(
      voice.clip.on('end', () => {
        if (isCurrent()) this.#setState('stopped')
      }),
    )
    for (const event of ['loaderror', 'playerror'] as const) {
      listeners.add(
        voice.clip.on(event, (message) => {
          if (!isCurrent()) return
          this.#errorMessage = `The recording ${track.url} could not be played: ${message ?? event}`
          this.#setState('error')
        }),
      )
    }
    this.#voices.set(track.id, voice)
    return voice
  }

  #release(voice: Voice): void {
    voice.pendingStop?.dispose()
    voice.pendingStop = undefined
    voice.listeners.dispose()
    voice.clip.unload()
    this.#voices.delete(voice.track.id)
    if (this.#current === voice) this.#current = undefined
  }

  #setState(state: PlaybackState): void {
    this.#state = state
    this.#emitChange()
  }

  #emitChange(): void {
    for (const listener of this.#changeListeners) listener()
  }
}
