import { Howler } from 'howler'
import { toDisposable, type Disposable } from '../../src/lifecycle/disposable'

/** Howler's Web Audio graph: the context and the master gain every Howl plays through. */
export interface AudioGraph {
  readonly context: AudioContext
  /** Howler's master gain: the master volume applies here, and the analyser taps it. */
  readonly masterGain: GainNode
}

let isConfigured = false

/**
 * Sets Howler up for the kiosk once, before the first Howl: no automatic "unlock" (in Chromium it
 * would replace the AudioContext when the sample rate is not 44.1 kHz, orphaning the analyser and
 * the pads; the stage resumes the context on the first touch instead).
 */
export function configureHowler(): void {
  if (isConfigured) return
  isConfigured = true
  Howler.autoUnlock = false
}

/** The Web Audio graph, created on first use; `undefined` where Web Audio is missing. */
export function howlerGraph(): AudioGraph | undefined {
  configureHowler()
  Howler.volume() // creates the context and master gain if they do not exist yet
  if (!Howler.usingWebAudio || !Howler.ctx || !Howler.masterGain) return undefined
  return { context: Howler.ctx, masterGain: Howler.masterGain }
}

/** Resumes a suspended context (a kiosk without the autoplay flag starts suspended until a touch). */
export function resumeAudio(): void {
  const context = howlerGraph()?.context
  if (context && context.state === 'suspended') void context.resume()
}

/** Sets Howler's master volume (0–1): the mode service's broadcast cap (followBroadcastVolume). */
export function setHowlerMasterVolume(volume: number): void {
  configureHowler()
  Howler.volume(volume)
}

/**
 * Keeps the context running while a stage is on screen (Howler suspends it after 30 s without a
 * Howl playing, which would silence the play-along pads); the old behaviour returns on dispose.
 */
export function keepAudioAwake(): Disposable {
  configureHowler()
  Howler.autoSuspend = false
  return toDisposable(() => {
    Howler.autoSuspend = true
  })
}
