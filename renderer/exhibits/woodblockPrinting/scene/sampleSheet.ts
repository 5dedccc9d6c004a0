import { CanvasTexture, SRGBColorSpace } from 'three'
import type { Bitmap } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { Disposable } from '../../../../src/lifecycle/disposable'

/** Paper and ink colours of the written sample (CSS, sRGB). */
const paperCss = '#f1ebdc'
const ruleCss = 'rgba(160, 52, 38, 0.55)'
const inkRgb = [24, 22, 20] as const

/**
 * The calligrapher's sample (写样) on thin paper, with a ruled frame, written column by column
 * (right to left, top to bottom) as `reveal` goes from 0 to 1. The whole page is a 2D canvas
 * uploaded as a texture; it changes only while being written, never during inking or rubbing.
 */
export class SampleSheet implements Disposable {
  readonly texture: CanvasTexture
  readonly #canvas: HTMLCanvasElement
  readonly #ink: HTMLCanvasElement
  readonly #columns: number
  readonly #marginPx: number
  #shownStep = -1

  /** `sample` is the right-reading glyph image (1 = ink); `marginPx` the paper round it. */
  constructor(sample: Bitmap, marginPx: number, columns: number) {
    this.#columns = Math.max(1, columns)
    this.#marginPx = marginPx
    this.#canvas = document.createElement('canvas')
    this.#canvas.width = sample.width + 2 * marginPx
    this.#canvas.height = sample.height + 2 * marginPx
    this.#ink = document.createElement('canvas')
    this.#ink.width = sample.width
    this.#ink.height = sample.height
    const inkContext = this.#ink.getContext('2d')
    if (!inkContext) throw new Error('The woodblock scene could not get a 2D canvas for the sample')
    const image = inkContext.createImageData(sample.width, sample.height)
    for (let i = 0; i < sample.data.length; i++) {
      image.data[i * 4] = inkRgb[0]
      image.data[i * 4 + 1] = inkRgb[1]
      image.data[i * 4 + 2] = inkRgb[2]
      image.data[i * 4 + 3] = Math.round(sample.data[i]! * 255)
    }
    inkContext.putImageData(image, 0, 0)
    this.texture = new CanvasTexture(this.#canvas)
    this.texture.colorSpace = SRGBColorSpace
    this.setReveal(0)
  }

  /** Shows the writing `progress` (0–1) done; repaints only when a visible step changes. */
  setReveal(progress: number): void {
    const steps = 24
    const step = Math.round(Math.max(0, Math.min(1, progress)) * steps)
    if (step === this.#shownStep) return
    this.#shownStep = step
    const context = this.#canvas.getContext('2d')!
    const { width, height } = this.#canvas
    const m = this.#marginPx
    context.fillStyle = paperCss
    context.fillRect(0, 0, width, height)
    context.strokeStyle = ruleCss
    context.lineWidth = Math.max(2, m * 0.12)
    context.strokeRect(m * 0.45, m * 0.45, width - m * 0.9, height - m * 0.9)
    const inkWidth = this.#ink.width
    const inkHeight = this.#ink.height
    const columnWidth = inkWidth / this.#columns
    const written = (step / steps) * this.#columns
    for (let column = 0; column < this.#columns; column++) {
      const share = Math.max(0, Math.min(1, written - column))
      if (share <= 0) break
      // Column 0 is the rightmost: Song pages are read right to left.
      const sx = inkWidth - (column + 1) * columnWidth
      const sh = inkHeight * share
      context.drawImage(this.#ink, sx, 0, columnWidth, sh, m + sx, m, columnWidth, sh)
    }
    this.texture.needsUpdate = true
  }

  dispose(): void {
    this.texture.dispose()
    // Free the canvases' backing stores now, not whenever the collector runs.
    this.#canvas.width = 0
    this.#ink.width = 0
  }
}
