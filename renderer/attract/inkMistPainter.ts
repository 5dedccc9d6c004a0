import { DisposableStore, toDisposable } from '../../src/lifecycle/disposable'
import {
  beginInkLandscape,
  releaseInkLandscape,
  type InkLandscapeInProgress,
  type InkLandscapeLayers,
} from './inkLandscape'
import { seededRandom } from '../../src/random/seededRandom'

/** Mist drifts slowly; 30 frames a second is plenty and halves the work of a kiosk left alone. */
const frameIntervalMs = 1000 / 30
/** The painting is soft, so it is drawn at half the screen's pixels and scaled up by CSS. */
const pixelScale = 0.5

/** The painting's set-up runs within this long of the page's load event even if it is never idle. */
const setUpAfterLoadDeadlineMs = 200

/** Painting the still layers may take this long in one frame; the rest waits for the next. */
const paintBudgetPerFrameMs = 6

/**
 * The still layers outlive the attract screen (one set, for the current size): returning to the
 * attract loop after a visit must not repaint them, which would stall the idle reset.
 */
let landscape:
  { width: number; height: number; painting: InkLandscapeInProgress; isDone: boolean } | undefined

function landscapeFor(width: number, height: number): NonNullable<typeof landscape> {
  if (landscape && landscape.width === width && landscape.height === height) return landscape
  if (landscape) releaseInkLandscape(landscape.painting.layers)
  landscape = { width, height, painting: beginInkLandscape(width, height), isDone: false }
  return landscape
}

/** One drifting round of mist; positions are fractions of the canvas, speeds fractions a second. */
interface MistPuff {
  x: number
  readonly y: number
  readonly size: number
  readonly speed: number
  readonly alpha: number
  readonly isInFront: boolean
}

/** What the painting's owner hears from it. */
export interface InkMistPainterOptions {
  /**
   * Told whether the still layers have finished washing in at the current size: true once they
   * have, false again when a new size starts repainting them. Only changes are told.
   */
  readonly onStillLayersPaintedChange?: (isPainted: boolean) => void
}

/**
 * The attract loop's living ink-wash painting on a 2D canvas: far ranges, cliffs in one corner,
 * mist drifting across, a fishing boat and two birds. Silent, procedural, and steady in memory:
 * the still layers are drawn once per size and every frame only composes them (no allocation
 * per frame). Constructing it has no side effects; `connect` starts it, `dispose` frees all.
 */
export class InkMistPainter {
  readonly #disposables = new DisposableStore()
  #canvas: HTMLCanvasElement | undefined
  #context: CanvasRenderingContext2D | undefined
  #layers: InkLandscapeLayers | undefined
  #frameRequest = 0
  #lastFrameMs = 0
  #elapsedSeconds = 0
  #isReducedMotion = false
  #isWaitingForPageLoad = false
  /** The last size asked for while waiting for the page to load. */
  #sizeAfterPageLoad: { cssWidth: number; cssHeight: number } | undefined
  readonly #puffs: MistPuff[]
  readonly #onStillLayersPaintedChange: ((isPainted: boolean) => void) | undefined
  #isStillLayersPainted = false

  constructor(options: InkMistPainterOptions = {}) {
    this.#onStillLayersPaintedChange = options.onStillLayersPaintedChange
    const random = seededRandom(408)
    this.#puffs = Array.from({ length: 11 }, (_, i) => ({
      x: random() * 1.4 - 0.2,
      y: 0.42 + random() * 0.42,
      size: 0.45 + random() * 0.7,
      speed: 0.0025 + random() * 0.004,
      alpha: 0.35 + random() * 0.45,
      isInFront: i % 3 === 0,
    }))
  }

  /** Frames drawn so far (tests and the bench read it to see the loop is alive). */
  framesDrawn = 0

  connect(canvas: HTMLCanvasElement): void {
    this.#canvas = canvas
    this.#context = canvas.getContext('2d') ?? undefined
    if (document.readyState !== 'complete') {
      // On the page's first load the starting screen covers the painting: it waits for the page
      // to finish loading, so its frames do not slow the fonts and scripts of the first screen.
      // Its set-up (the layers' canvases, the first washes and frame) then waits for the first
      // idle period, not inside the load event: that ends the page's load and with it the
      // start (docs/performance.md, Start-up); the painting washes in a frame later, unchanged.
      this.#isWaitingForPageLoad = true
      let idleRequest: number | undefined
      const onIdleAfterLoad = () => {
        idleRequest = undefined
        this.#isWaitingForPageLoad = false
        const size = this.#sizeAfterPageLoad
        this.#sizeAfterPageLoad = undefined
        if (size) this.resize(size.cssWidth, size.cssHeight)
      }
      const onLoad = () => {
        idleRequest = requestIdleCallback(onIdleAfterLoad, { timeout: setUpAfterLoadDeadlineMs })
      }
      window.addEventListener('load', onLoad, { once: true })
      this.#disposables.add(
        toDisposable(() => {
          window.removeEventListener('load', onLoad)
          if (idleRequest !== undefined) cancelIdleCallback(idleRequest)
        }),
      )
    }
    const onVisibility = () => this.#syncLoop()
    document.addEventListener('visibilitychange', onVisibility)
    this.#disposables.add(
      toDisposable(() => document.removeEventListener('visibilitychange', onVisibility)),
    )
    this.#disposables.add(
      toDisposable(() => {
        cancelAnimationFrame(this.#frameRequest)
        this.#layers = undefined
      }),
    )
  }

  /** The canvas's CSS size changed: redraw the still layers for it. */
  resize(cssWidth: number, cssHeight: number): void {
    if (!this.#canvas || this.#disposables.isDisposed) return
    if (this.#isWaitingForPageLoad) {
      // Even the still layers' set-up waits: it is the painting's first work.
      this.#sizeAfterPageLoad = { cssWidth, cssHeight }
      return
    }
    const width = Math.max(1, Math.round(cssWidth * pixelScale))
    const height = Math.max(1, Math.round(cssHeight * pixelScale))
    if (this.#layers && this.#canvas.width === width && this.#canvas.height === height) return
    this.#canvas.width = width
    this.#canvas.height = height
    this.#layers = landscapeFor(width, height).painting.layers
    this.#paintSome()
    this.#draw()
    this.#syncLoop()
  }

  /** With reduced motion the painting stands still (one frame, no loop). */
  setReducedMotion(isReducedMotion: boolean): void {
    this.#isReducedMotion = isReducedMotion
    this.#syncLoop()
  }

  dispose(): void {
    this.#disposables.dispose()
    this.#canvas = undefined
    this.#context = undefined
  }

  #syncLoop(): void {
    cancelAnimationFrame(this.#frameRequest)
    this.#frameRequest = 0
    const isStillPainting = landscape !== undefined && !landscape.isDone
    const shouldRun =
      (!this.#isReducedMotion || isStillPainting) && !document.hidden && this.#layers !== undefined
    if (!shouldRun || this.#disposables.isDisposed) return
    this.#lastFrameMs = performance.now()
    this.#frameRequest = requestAnimationFrame(this.#onFrame)
  }

  /** Advances the still layers' painting within this frame's budget; true once they are done. */
  #paintSome(): boolean {
    const isDone = this.#advancePainting()
    if (isDone !== this.#isStillLayersPainted) {
      this.#isStillLayersPainted = isDone
      this.#onStillLayersPaintedChange?.(isDone)
    }
    return isDone
  }

  #advancePainting(): boolean {
    if (!landscape || landscape.isDone) return true
    const startMs = performance.now()
    while (performance.now() - startMs < paintBudgetPerFrameMs) {
      if (landscape.painting.steps.next().done) {
        landscape.isDone = true
        return true
      }
    }
    return false
  }

  readonly #onFrame = (nowMs: number): void => {
    this.#frameRequest = requestAnimationFrame(this.#onFrame)
    if (this.#isReducedMotion) {
      // Still: paint the layers in, show them, and stop once they are finished.
      const isDone = this.#paintSome()
      this.#draw()
      if (isDone) this.#syncLoop()
      return
    }
    this.#paintSome()
    const deltaMs = nowMs - this.#lastFrameMs
    if (deltaMs < frameIntervalMs - 2) return
    this.#lastFrameMs = nowMs
    // A long pause (a hidden tab, a debugger) must not make the mist jump.
    this.#elapsedSeconds += Math.min(deltaMs, 100) / 1000
    for (const puff of this.#puffs) {
      puff.x += (puff.speed * Math.min(deltaMs, 100)) / 1000
      if (puff.x > 1.3) puff.x -= 1.6
    }
    this.#draw()
  }

  #drawPuffs(
    context: CanvasRenderingContext2D,
    layers: InkLandscapeLayers,
    isInFront: boolean,
  ): void {
    const { width, height } = context.canvas
    const unit = Math.max(width, height)
    for (const puff of this.#puffs) {
      if (puff.isInFront !== isInFront) continue
      const w = unit * puff.size
      const h = w * 0.32
      context.globalAlpha = puff.alpha
      context.drawImage(layers.mist, puff.x * width - w / 2, puff.y * height - h / 2, w, h)
    }
    context.globalAlpha = 1
  }

  #draw(): void {
    const context = this.#context
    const layers = this.#layers
    if (!context || !layers) return
    const { width, height } = context.canvas
    const t = this.#elapsedSeconds
    context.clearRect(0, 0, width, height)
    context.drawImage(layers.distant, Math.sin(t * 0.013) * width * 0.004, 0)
    context.drawImage(layers.far, Math.sin(t * 0.017) * width * 0.006, 0)
    this.#drawPuffs(context, layers, false)
    context.drawImage(layers.near, 0, 0)
    this.#drawPuffs(context, layers, true)
    this.#drawBoat(context, width, height, t)
    this.#drawBirds(context, width, height, t)
    this.framesDrawn++
  }

  /** A fisherman's skiff far out on the water: a few strokes, rocking very slightly. */
  #drawBoat(context: CanvasRenderingContext2D, width: number, height: number, t: number): void {
    const isPortrait = height > width
    const scale = Math.min(width, height) / 540
    const x = width * (isPortrait ? 0.62 : 0.6) + Math.sin(t * 0.05) * width * 0.02
    const y = height * (isPortrait ? 0.8 : 0.78) + Math.sin(t * 0.7) * scale * 0.6
    context.save()
    context.translate(x, y)
    context.rotate(Math.sin(t * 0.6) * 0.02)
    context.strokeStyle = 'rgb(38 36 33 / 0.78)'
    context.fillStyle = 'rgb(38 36 33 / 0.72)'
    context.lineCap = 'round'
    context.lineWidth = 1.6 * scale
    context.beginPath()
    context.moveTo(-16 * scale, -1 * scale)
    context.quadraticCurveTo(0, 5 * scale, 17 * scale, -2 * scale)
    context.stroke()
    // The fisherman under his hat, and his rod bending out over the water.
    context.beginPath()
    context.ellipse(3 * scale, -4.5 * scale, 2 * scale, 3 * scale, 0, 0, Math.PI * 2)
    context.fill()
    context.beginPath()
    context.moveTo(0.5 * scale, -8 * scale)
    context.lineTo(5.5 * scale, -8 * scale)
    context.stroke()
    context.lineWidth = 0.7 * scale
    context.beginPath()
    context.moveTo(4 * scale, -5 * scale)
    context.quadraticCurveTo(18 * scale, -16 * scale, 30 * scale, -9 * scale)
    context.stroke()
    context.strokeStyle = 'rgb(38 36 33 / 0.25)'
    context.beginPath()
    context.moveTo(-30 * scale, 3 * scale)
    context.lineTo(-20 * scale, 3 * scale)
    context.moveTo(22 * scale, 2 * scale)
    context.lineTo(40 * scale, 2 * scale)
    context.stroke()
    context.restore()
  }

  /** Two birds crossing the empty sky, once every few minutes. */
  #drawBirds(context: CanvasRenderingContext2D, width: number, height: number, t: number): void {
    const scale = Math.min(width, height) / 540
    const crossingSeconds = 150
    const progress = (t % crossingSeconds) / crossingSeconds
    context.strokeStyle = 'rgb(38 36 33 / 0.6)'
    context.lineWidth = 1.1 * scale
    context.lineCap = 'round'
    for (let i = 0; i < 2; i++) {
      const x = width * (1.1 - progress * 1.3) + i * 14 * scale
      const y = height * (0.2 + progress * 0.06) + i * 6 * scale + Math.sin(t * 0.4 + i) * 3 * scale
      const flap = Math.sin(t * 3 + i * 1.7) * 2.5 * scale
      context.beginPath()
      context.moveTo(x - 6 * scale, y - flap)
      context.quadraticCurveTo(x - 2 * scale, y - 2 * scale, x, y)
      context.quadraticCurveTo(x + 2 * scale, y - 2 * scale, x + 6 * scale, y - flap)
      context.stroke()
    }
  }
}
