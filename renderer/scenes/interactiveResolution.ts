/** Tuning of {@link InteractiveResolution}; every field has a default a kiosk can keep. */
export interface InteractiveResolutionOptions {
  /**
   * The frame interval a scene should keep while a finger is on it. Two display refreshes: a
   * frame slower than that means the main thread waited on the GPU (or the software rasteriser)
   * long enough for a touch to be answered late.
   */
  readonly frameBudgetMs?: number
  /**
   * The smallest linear scale of the drawing buffer while touched (0.6 ≈ a third of the pixels).
   * At 0.45 a dragged picture on software WebGL went to blocks (the written sample's edges, the
   * carved walls): below about 0.6 a drag no longer reads as the thing being worked.
   */
  readonly minScale?: number
  /** How long after the last finger lifts the scene is drawn at full size again. */
  readonly settleMs?: number
}

const defaultFrameBudgetMs = 36
const defaultMinScale = 0.6
const defaultSettleMs = 600
/** Weight of the newest frame in the running frame-interval average. */
const smoothing = 0.3
/** Frames this far under budget let the touched scale grow back a step. */
const headroomRatio = 0.6
const growthStep = 1.1

/**
 * Dynamic resolution for touch: while a visitor drags on a scene whose frames run over budget,
 * the drawing buffer shrinks (softer picture, prompt answers) and it is drawn at full size again
 * once the fingers have lifted and settled. On a GPU frames stay under budget and the scale
 * never leaves 1; on a software rasteriser the main thread waits for every frame's pixels, so
 * fewer pixels while touched is what keeps inking, rubbing and whisking free of long tasks.
 *
 * Pure state: the scene host feeds it frame intervals and touches and applies `scaleAt`.
 * The cost of a frame is taken as proportional to its pixels, i.e. to the scale squared.
 */
export class InteractiveResolution {
  readonly frameBudgetMs: number
  readonly minScale: number
  readonly settleMs: number
  /** Running average of frame intervals at the scale they were drawn at, or undefined. */
  #averageFrameMs: number | undefined
  #averageAtScale = 1
  /** The scale to draw at while touched, learnt from the frames seen so far. */
  #touchedScale = 1
  #isTouched = false
  #settlesAtMs = Number.NEGATIVE_INFINITY

  constructor(options: InteractiveResolutionOptions = {}) {
    this.frameBudgetMs = options.frameBudgetMs ?? defaultFrameBudgetMs
    this.minScale = options.minScale ?? defaultMinScale
    this.settleMs = options.settleMs ?? defaultSettleMs
  }

  /** Whether a finger is on the scene now. */
  get isTouched(): boolean {
    return this.#isTouched
  }

  /** The linear scale the next touch will be drawn at (1 = full size). */
  get touchedScale(): number {
    return this.#touchedScale
  }

  /** A first finger went down on the scene. */
  beginTouch(): void {
    this.#isTouched = true
  }

  /** The last finger lifted (or the touch was cancelled) at `nowMs`. */
  endTouch(nowMs: number): void {
    this.#isTouched = false
    this.#settlesAtMs = nowMs + this.settleMs
  }

  /**
   * Records one frame: `intervalMs` since the previous frame, drawn at `drawnScale`. Learns the
   * scale that brings a frame within budget: at once (by the pixel-cost model) when over, a step at
   * a time when well under, so one slow frame does not make the picture pulse.
   */
  recordFrame(intervalMs: number, drawnScale: number): void {
    if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) return
    if (this.#averageFrameMs === undefined || drawnScale !== this.#averageAtScale) {
      // A new scale draws at a new cost: start the average afresh from this frame.
      this.#averageFrameMs = intervalMs
      this.#averageAtScale = drawnScale
    } else {
      this.#averageFrameMs += smoothing * (intervalMs - this.#averageFrameMs)
    }
    const averageMs = this.#averageFrameMs
    if (averageMs > this.frameBudgetMs) {
      const fitting = drawnScale * Math.sqrt(this.frameBudgetMs / averageMs)
      this.#touchedScale = clamp(Math.min(this.#touchedScale, fitting), this.minScale, 1)
    } else if (averageMs < this.frameBudgetMs * headroomRatio && drawnScale >= this.#touchedScale) {
      this.#touchedScale = clamp(this.#touchedScale * growthStep, this.minScale, 1)
    }
  }

  /** Whether a finger is down at `nowMs`, or lifted less than `settleMs` before. */
  isInteractingAt(nowMs: number): boolean {
    return this.#isTouched || nowMs < this.#settlesAtMs
  }

  /** The linear scale to draw the frame at `nowMs` at. */
  scaleAt(nowMs: number): number {
    return this.isInteractingAt(nowMs) ? this.#touchedScale : 1
  }

  /** Forgets what was learnt (a new scene draws at a new cost). */
  reset(): void {
    this.#averageFrameMs = undefined
    this.#averageAtScale = 1
    this.#touchedScale = 1
    this.#isTouched = false
    this.#settlesAtMs = Number.NEGATIVE_INFINITY
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
