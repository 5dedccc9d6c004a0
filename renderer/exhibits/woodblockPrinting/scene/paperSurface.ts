import type { DataTexture } from 'three'
import type { Bitmap, CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { impressionAt } from '../../../../src/exhibits/woodblockPrinting/printImpression'
import { createRgbaTexture, texelOffset, valueNoise } from './surfaceTextures'
import { DirtyTexture, type TexelUploader } from './texelUploads'

/** Pine-soot ink on the sheet, linear RGB: black under the warm window light (blockSurface.ts). */
const inkRgb = [0.006, 0.0068, 0.0095] as const
/** How deep the hand-made sheet's deckle edge wanders in from its cut line, in texels. */
const deckleDepthTexels = 3.2

/**
 * The paper's deckle edge as alpha (0–255) a texel: a soft, uneven border where the pulp thinned
 * out at the mould's frame, wandering along each side (the sheet is opaque elsewhere). The
 * materials cut it at half (alphaTest), which the bilinear filter turns into a smooth ragged line.
 */
function paintDeckle(width: number, height: number): Uint8Array {
  const noise = valueNoise(41)
  const alpha = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Distance in from each side, less how far that side's deckle wanders in here.
      const wander = (along: number, side: number) =>
        deckleDepthTexels *
        (0.65 * noise(along * 0.16, side * 7) + 0.35 * noise(along * 0.9, side * 7 + 3))
      const inside = Math.min(
        x + 0.5 - wander(y, 1),
        width - x - 0.5 - wander(y, 2),
        y + 0.5 - wander(x, 3),
        height - y - 0.5 - wander(x, 4),
      )
      alpha[y * width + x] = Math.round(255 * Math.max(0, Math.min(1, 0.5 + inside / 1.5)))
    }
  }
  return alpha
}

/**
 * The printing paper's two faces, in block space with a margin of `marginCells` round the block:
 * its back (what the visitor rubs, where the impression shows faintly through the thin sheet)
 * and its printed face. Both are repainted by the rectangle a rub touched.
 */
export class PaperSurface {
  readonly backTexture: DataTexture
  readonly faceTexture: DataTexture
  readonly width: number
  readonly height: number
  readonly #backUploads: DirtyTexture
  readonly #faceUploads: DirtyTexture
  readonly #deckle: Uint8Array

  constructor(
    private readonly paper: Float32Array,
    private readonly relief: Bitmap,
    private readonly ink: Bitmap,
    private readonly rub: Bitmap,
    readonly marginCells: number,
  ) {
    this.width = relief.width + 2 * marginCells
    this.height = relief.height + 2 * marginCells
    this.#deckle = paintDeckle(this.width, this.height)
    this.backTexture = createRgbaTexture(this.width, this.height, true)
    this.faceTexture = createRgbaTexture(this.width, this.height, true)
    this.#backUploads = new DirtyTexture(this.backTexture)
    this.#faceUploads = new DirtyTexture(this.faceTexture)
    this.#paint(0, 0, this.width, this.height, (x, y) => this.#impression(x, y))
  }

  /** Repaints the paper over these block cells (after a rub) and marks just them for upload. */
  repaintCells(rect: CellRect): void {
    const m = this.marginCells
    const x0 = rect.x0 + m
    const y0 = rect.y0 + m
    const x1 = rect.x1 + m
    const y1 = rect.y1 + m
    this.#paint(x0, y0, x1, y1, (x, y) => this.#impression(x, y))
    this.#backUploads.mark({ x0, y0, x1, y1 })
    this.#faceUploads.mark({ x0, y0, x1, y1 })
  }

  /** Sends the texels repainted since the last call (once a frame); whether there were any. */
  flushUploads(uploader: TexelUploader): boolean {
    const isBackSent = this.#backUploads.flush(uploader)
    const isFaceSent = this.#faceUploads.flush(uploader)
    return isBackSent || isFaceSent
  }

  /** Paints the finished print (block space, smudges included) over the whole sheet. */
  showPrint(blockSpaceDensity: Bitmap): void {
    const m = this.marginCells
    this.#paint(0, 0, this.width, this.height, (x, y) => {
      const bx = x - m
      const by = y - m
      if (bx < 0 || by < 0 || bx >= blockSpaceDensity.width || by >= blockSpaceDensity.height)
        return 0
      return blockSpaceDensity.data[by * blockSpaceDensity.width + bx]!
    })
    this.backTexture.needsUpdate = true
    this.faceTexture.needsUpdate = true
  }

  #impression(x: number, y: number): number {
    const bx = x - this.marginCells
    const by = y - this.marginCells
    const { width, height } = this.relief
    if (bx < 0 || by < 0 || bx >= width || by >= height) return 0
    const i = by * width + bx
    return impressionAt(this.relief.data[i]!, this.ink.data[i]!, this.rub.data[i]!)
  }

  #rubAt(x: number, y: number): number {
    const bx = x - this.marginCells
    const by = y - this.marginCells
    const { width, height } = this.rub
    if (bx < 0 || by < 0 || bx >= width || by >= height) return 0
    return this.rub.data[by * width + bx]!
  }

  #paint(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    density: (x: number, y: number) => number,
  ): void {
    const back = this.backTexture.image.data as Uint8Array
    const face = this.faceTexture.image.data as Uint8Array
    for (let y = Math.max(0, y0); y < Math.min(this.height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(this.width, x1); x++) {
        const d = Math.min(1, density(x, y))
        // Rubbed paper is pressed a shade darker; the ink shows through the thin sheet at a third.
        const pressed = 1 - Math.min(0.06, this.#rubAt(x, y) * 0.03)
        const through = d * 0.35
        const offset = texelOffset(this.width, this.height, x, y)
        const p = (y * this.width + x) * 3
        for (let c = 0; c < 3; c++) {
          const paper = this.paper[p + c]!
          back[offset + c] = toByte((paper + (inkRgb[c]! - paper) * through) * pressed)
          face[offset + c] = toByte(paper + (inkRgb[c]! - paper) * d)
        }
        const alpha = this.#deckle[y * this.width + x]!
        back[offset + 3] = alpha
        face[offset + 3] = alpha
      }
    }
  }
}

function toByte(linear: number): number {
  return Math.round(Math.pow(Math.max(0, Math.min(1, linear)), 1 / 2.2) * 255)
}
