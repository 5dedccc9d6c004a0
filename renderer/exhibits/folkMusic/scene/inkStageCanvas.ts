import type { Disposable } from '../../../../src/lifecycle/disposable'
import { rippleLifeSeconds, type InkRippleField } from './inkRippleField'
import { restingRangeHeights } from './restingRange'

/** Colours of the visual language (tokens.css), as the canvas needs them. */
export interface InkPalette {
  readonly ink: string
  readonly celadon: string
  readonly celadonDeep: string
}

/**
 * Draws an {@link InkRippleField} on a 2D canvas: two celadon mountain ranges at rest in one
 * corner (so the silent stage is a still landscape, not an empty bar), breathing with the music,
 * their feet lost in mist, and thin ink rings spreading where notes begin. No WebGL, so the stage
 * leaves the shared scene host alone.
 */
export class InkStageCanvas implements Disposable {
  #context: CanvasRenderingContext2D | undefined
  #canvas: HTMLCanvasElement | undefined
  #widthCssPx = 0
  #heightCssPx = 0
  readonly #farRange: Float32Array
  readonly #nearRange: Float32Array

  constructor(
    private readonly field: InkRippleField,
    private readonly palette: InkPalette,
  ) {
    this.#farRange = restingRangeHeights(field.ridge.length, 'far')
    this.#nearRange = restingRangeHeights(field.ridge.length, 'near')
  }

  connect(canvas: HTMLCanvasElement): void {
    this.#canvas = canvas
    this.#context = canvas.getContext('2d') ?? undefined
  }

  resize(widthCssPx: number, heightCssPx: number, pixelRatio: number): void {
    if (!this.#canvas) return
    this.#widthCssPx = widthCssPx
    this.#heightCssPx = heightCssPx
    this.#canvas.width = Math.max(1, Math.round(widthCssPx * pixelRatio))
    this.#canvas.height = Math.max(1, Math.round(heightCssPx * pixelRatio))
    this.#context?.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0)
    this.draw() // resizing clears the canvas; draw at once even if nothing moves
  }

  draw(): void {
    const context = this.#context
    const width = this.#widthCssPx
    const height = this.#heightCssPx
    if (!context || width === 0 || height === 0) return
    context.clearRect(0, 0, width, height)
    this.#drawRidge(context, width, height, this.#farRange, 0.18, this.palette.celadon, 1)
    this.#drawRidge(context, width, height, this.#nearRange, 0.32, this.palette.celadonDeep, 0.6)
    for (const ripple of this.field.ripples) {
      const progress = ripple.ageSeconds / rippleLifeSeconds
      const radius = (0.03 + progress * 0.22 * (0.5 + ripple.strength)) * Math.min(width, height)
      context.globalAlpha = (1 - progress) ** 2 * (0.25 + 0.5 * ripple.strength)
      context.strokeStyle = this.palette.ink
      context.lineWidth = 1 + 3 * (1 - progress)
      context.beginPath()
      context.ellipse(ripple.x * width, ripple.y * height, radius, radius * 0.45, 0, 0, Math.PI * 2)
      context.stroke()
    }
    context.globalAlpha = 1
  }

  dispose(): void {
    this.#context = undefined
    this.#canvas = undefined
  }

  /**
   * A soft ridge across the lower part, standing on its `resting` heights; `lift` scales how high
   * the music raises it.
   */
  #drawRidge(
    context: CanvasRenderingContext2D,
    width: number,
    height: number,
    resting: Float32Array,
    lift: number,
    colour: string,
    alpha: number,
  ): void {
    const ridge = this.field.ridge
    const baseY = height * 0.92
    const points = ridge.length
    // Neighbouring bands are blended and joined through their midpoints, so the range reads as
    // soft hills rather than the bars of a spectrum.
    // What the music adds stays a far, low swell whatever the stage's shape; the resting range
    // may stand taller on a tall stage (portrait), where it would otherwise sit in a thin strip.
    const scale = Math.min(height, width * 0.35)
    const restingScale = height > width ? Math.min(height * 0.5, width * 0.6) : scale
    const pointAt = (i: number) => {
      const level =
        0.25 * (ridge[i - 1] ?? ridge[i]!) + 0.5 * ridge[i]! + 0.25 * (ridge[i + 1] ?? ridge[i]!)
      return {
        x: ((i + 0.5) / points) * width,
        y: baseY - resting[i]! * restingScale - level * lift * 2 * scale,
      }
    }
    const crestPoints = Array.from({ length: points }, (_, i) => pointAt(i))
    const traceCrest = (path: Path2D) => {
      let previous = crestPoints[0]!
      path.lineTo(0, previous.y)
      for (const next of crestPoints.slice(1)) {
        path.quadraticCurveTo(
          previous.x,
          previous.y,
          (previous.x + next.x) / 2,
          (previous.y + next.y) / 2,
        )
        previous = next
      }
      path.quadraticCurveTo(previous.x, previous.y, width, previous.y)
    }
    const crest = new Path2D()
    crest.moveTo(0, crestPoints[0]!.y)
    traceCrest(crest)
    const hills = new Path2D()
    hills.moveTo(0, height)
    traceCrest(hills)
    hills.lineTo(width, height)
    hills.closePath()
    // The wash fades towards the foot, as mist (云气) hides where the hills meet the ground.
    const crestTopY = Math.min(...crestPoints.map((point) => point.y))
    const wash = context.createLinearGradient(0, crestTopY, 0, height)
    wash.addColorStop(0, colour)
    wash.addColorStop(1, 'rgba(255, 255, 255, 0)')
    context.globalAlpha = alpha * 0.55
    context.fillStyle = wash
    context.fill(hills)
    // A thin ink line along the crest only, as a brush would outline a far range.
    context.globalAlpha = alpha * 0.35
    context.strokeStyle = this.palette.ink
    context.lineWidth = 1.5
    context.stroke(crest)
    context.globalAlpha = 1
  }
}
