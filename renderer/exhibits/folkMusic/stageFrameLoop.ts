import type { Disposable } from '../../../src/lifecycle/disposable'

/**
 * The stage's animation frames: calls `onFrame` with the seconds since the last frame (capped, so
 * a tab that slept does not jump) until disposed. One owner, one requestAnimationFrame chain.
 */
export class StageFrameLoop implements Disposable {
  #handle: number | undefined
  #lastMs: number | undefined

  constructor(private readonly onFrame: (deltaSeconds: number) => void) {}

  start(): void {
    if (this.#handle !== undefined) return
    const tick = (timeMs: number) => {
      const deltaSeconds =
        this.#lastMs === undefined ? 0 : Math.min((timeMs - this.#lastMs) / 1000, 0.1)
      this.#lastMs = timeMs
      this.onFrame(deltaSeconds)
      this.#handle = requestAnimationFrame(tick)
    }
    this.#handle = requestAnimationFrame(tick)
  }

  dispose(): void {
    if (this.#handle !== undefined) cancelAnimationFrame(this.#handle)
    this.#handle = undefined
  }
}
