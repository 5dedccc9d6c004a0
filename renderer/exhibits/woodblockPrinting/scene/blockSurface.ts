import type { DataTexture } from 'three'
import {
  sampleBilinear,
  type Bitmap,
  type CellRect,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { createRgbaTexture, markDirtyRect, texelOffset } from './surfaceTextures'

/** How fast ink darkens the wood: 1 − e^(−rate·ink) of the way to ink black (0.5 → 86 %). */
const inkToneRate = 4

/** Pine-soot ink (松烟墨), linear RGB. */
const inkRgb = [0.035, 0.032, 0.03] as const

/**
 * The colour of the block's face: pear wood, darker where the knife cut it away, and ink where
 * the brush has been. Repainted by the rectangle a stroke touched, never whole while inking.
 */
export class BlockSurface {
  readonly texture: DataTexture
  readonly #scale: number

  /**
   * `wood` is RGB at texture resolution, `relief` the carved height at the same resolution,
   * `ink` the model's ink field, `scale` texture pixels per ink cell.
   */
  constructor(
    private readonly wood: Float32Array,
    private readonly relief: Bitmap,
    private readonly ink: Bitmap,
  ) {
    this.#scale = relief.width / ink.width
    this.texture = createRgbaTexture(relief.width, relief.height, true)
    this.#paint(0, 0, relief.width, relief.height)
    this.texture.needsUpdate = true
  }

  /** Repaints the texels over these ink cells and queues just them for upload. */
  repaintCells(rect: CellRect): void {
    const s = this.#scale
    // One texel of slack each side: bilinear ink reaches half a cell beyond its rectangle.
    const x0 = Math.max(0, Math.floor(rect.x0 * s) - s)
    const y0 = Math.max(0, Math.floor(rect.y0 * s) - s)
    const x1 = Math.min(this.relief.width, Math.ceil(rect.x1 * s) + s)
    const y1 = Math.min(this.relief.height, Math.ceil(rect.y1 * s) + s)
    this.#paint(x0, y0, x1, y1)
    markDirtyRect(this.texture, x0, y0, x1, y1)
  }

  #paint(x0: number, y0: number, x1: number, y1: number): void {
    const { width, height } = this.relief
    const bytes = this.texture.image.data as Uint8Array
    const s = this.#scale
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const relief = this.relief.data[y * width + x]!
        const ink = sampleBilinear(this.ink, (x + 0.5) / s - 0.5, (y + 0.5) / s - 0.5)
        // Wet ink darkens wood at once: a cell the model counts as inked (≥ 0.5) is near black on
        // the raised wood, so the visitor sees where the brush has been. A little settles into
        // the cuts, and over-inking floods them.
        const inkTone = 1 - Math.exp(-inkToneRate * Math.max(0, ink))
        const inkCover = inkTone * (0.15 + 0.85 * relief) + Math.max(0, ink - 1) * 0.3
        const woodShade = 0.62 + 0.38 * relief
        const w = (y * width + x) * 3
        const offset = texelOffset(width, height, x, y)
        for (let c = 0; c < 3; c++) {
          const base = this.wood[w + c]! * woodShade
          const linear = base + (inkRgb[c]! - base) * Math.min(1, inkCover)
          bytes[offset + c] = Math.round(Math.pow(Math.max(0, linear), 1 / 2.2) * 255)
        }
        bytes[offset + 3] = 255
      }
    }
  }
}
