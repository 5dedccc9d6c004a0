import type { Object3D } from 'three'
import type {
  BrushPoint,
  BrushStroke,
  BrushTuning,
} from '../../../../src/exhibits/woodblockPrinting/brushModel'
import { placeOnSample, type SheetSizes } from './sheetPlacement'
import type { WritingSheet } from './writingSheet'

/**
 * The scribe writing the sample for a visitor who would rather watch: traces the strokes in
 * their order and timing with the brush model, the writing brush following the tip.
 */
export class ScribePlayback {
  readonly #strokes: readonly (readonly BrushPoint[])[]
  readonly #sheet: WritingSheet
  readonly #brushTool: Object3D
  readonly #sizes: SheetSizes
  readonly #tuning: Partial<BrushTuning>
  #strokeIndex = 0
  #pointIndex = 0
  #elapsedMs = 0
  #brush: BrushStroke | undefined

  constructor(
    strokes: readonly (readonly BrushPoint[])[],
    sheet: WritingSheet,
    brushTool: Object3D,
    sizes: SheetSizes,
    tuning: Partial<BrushTuning>,
  ) {
    this.#strokes = strokes
    this.#sheet = sheet
    this.#brushTool = brushTool
    this.#sizes = sizes
    this.#tuning = tuning
  }

  /** Traces the strokes `elapsedMs` further; whether the scribe has finished writing. */
  advance(elapsedMs: number): boolean {
    this.#elapsedMs += elapsedMs
    while (this.#strokeIndex < this.#strokes.length) {
      const stroke = this.#strokes[this.#strokeIndex]!
      const point = stroke[this.#pointIndex]
      if (!point || point.timeMs > this.#elapsedMs) {
        if (point) break
        this.#brush?.lift()
        this.#brush = undefined
        this.#strokeIndex++
        this.#pointIndex = 0
        continue
      }
      if (!this.#brush) this.#brush = this.#sheet.beginStroke(point, this.#tuning)
      else this.#brush.moveTo(point)
      placeOnSample(this.#brushTool, this.#sizes, point.x, point.y)
      this.#pointIndex++
    }
    return this.#strokeIndex >= this.#strokes.length
  }
}
