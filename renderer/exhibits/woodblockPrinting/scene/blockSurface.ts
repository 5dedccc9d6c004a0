import type { DataTexture } from 'three'
import type { Bitmap, CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { CarvingField } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import { createRgbaTexture, texelOffset, valueNoise } from './surfaceTextures'
import { DirtyTexture, type TexelUploader } from './texelUploads'

/** How fast ink darkens the wood: 1 − e^(−rate·ink) of the way to ink black (0.5 → 86 %). */
const inkToneRate = 4

/** Pine-soot ink (松烟墨), linear RGB. */
const inkRgb = [0.035, 0.032, 0.03] as const
/** The transferred sample: thin paper pasted on and rubbed off leaves grey-black writing. */
const transferRgb = [0.06, 0.055, 0.05] as const

/**
 * The colour of the block's face: pear wood; the reversed writing once the sample is transferred;
 * rough, darker end grain where the knife and chisel cut down; ink where the brush has been.
 * One texel a model cell, repainted by the rectangle a cut or stroke touched, never whole while
 * the visitor works.
 */
export class BlockSurface {
  readonly texture: DataTexture
  /**
   * Where wet ink lies, for the face's specular map (grey, linear): ink glossy while wet, the
   * bare and cut wood matte. Painted and uploaded by the same rectangles as `texture`.
   */
  readonly wetInkTexture: DataTexture
  readonly #endGrain: (x: number, y: number) => number
  readonly #colourUploads: DirtyTexture
  readonly #wetInkUploads: DirtyTexture
  #carving: CarvingField
  #isWritingShown = false

  /** `wood` is RGB at the model's size; `ink` the model's ink field. */
  constructor(
    private readonly wood: Float32Array,
    carving: CarvingField,
    private readonly ink: Bitmap,
  ) {
    this.#carving = carving
    this.#endGrain = valueNoise(29)
    this.texture = createRgbaTexture(carving.width, carving.height, true)
    this.wetInkTexture = createRgbaTexture(carving.width, carving.height, false)
    this.#colourUploads = new DirtyTexture(this.texture)
    this.#wetInkUploads = new DirtyTexture(this.wetInkTexture)
    this.repaintAll()
  }

  /** Follows a new carving (the visitor wrote a new sample); repaints whole, once. */
  setCarving(carving: CarvingField): void {
    this.#carving = carving
    this.repaintAll()
  }

  /** Shows the transferred writing on the wood (from the moment the sample is laid down). */
  showWriting(isShown: boolean): void {
    if (isShown === this.#isWritingShown) return
    this.#isWritingShown = isShown
    this.repaintAll()
  }

  repaintAll(): void {
    this.#paint(0, 0, this.#carving.width, this.#carving.height)
    this.texture.needsUpdate = true
    this.wetInkTexture.needsUpdate = true
  }

  /** Repaints the texels over these cells and marks just them for the next upload. */
  repaintCells(rect: CellRect): void {
    this.#paint(rect.x0, rect.y0, rect.x1, rect.y1)
    this.#colourUploads.mark(rect)
    this.#wetInkUploads.mark(rect)
  }

  /** Sends the texels repainted since the last call (once a frame); whether there were any. */
  flushUploads(uploader: TexelUploader): boolean {
    const isColourSent = this.#colourUploads.flush(uploader)
    const isWetInkSent = this.#wetInkUploads.flush(uploader)
    return isColourSent || isWetInkSent
  }

  #paint(x0: number, y0: number, x1: number, y1: number): void {
    const { width, height } = this.#carving
    const depth = this.#carving.depth.data
    const strokes = this.#carving.strokes.data
    const bytes = this.texture.image.data as Uint8Array
    const wetBytes = this.wetInkTexture.image.data as Uint8Array
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
        const i = y * width + x
        const cut = depth[i]!
        const standing = 1 - cut
        const ink = this.ink.data[i]!
        // Cut wood shows torn end fibres: darker, and rough from cell to cell.
        const rough = 0.85 + 0.3 * this.#endGrain(x * 0.7, y * 0.7)
        const woodShade = standing + cut * 0.58 * rough
        // The writing lies on the face; a cut through it takes it away. Its edge is read through
        // a 3 × 3 tent, so the model grid's steps do not show as a staircase along a stroke.
        const writing = this.#isWritingShown
          ? softStroke(strokes, width, height, x, y) * standing * 0.92
          : 0
        const inkTone = 1 - Math.exp(-inkToneRate * Math.max(0, ink))
        const inkCover = Math.min(
          1,
          inkTone * (0.15 + 0.85 * standing) + Math.max(0, ink - 1) * 0.3,
        )
        const w = i * 3
        const offset = texelOffset(width, height, x, y)
        for (let c = 0; c < 3; c++) {
          let linear = this.wood[w + c]! * woodShade
          linear += (transferRgb[c]! - linear) * writing
          linear += (inkRgb[c]! - linear) * inkCover
          bytes[offset + c] = Math.round(Math.pow(Math.max(0, linear), 1 / 2.2) * 255)
        }
        bytes[offset + 3] = 255
        // Gloss on the ink that stands on the face; ink sunk in the cut ground shows none.
        const wet = Math.round(255 * inkCover * standing)
        wetBytes[offset] = wet
        wetBytes[offset + 1] = wet
        wetBytes[offset + 2] = wet
        wetBytes[offset + 3] = 255
      }
    }
  }
}

/** The stroke mask at (x, y) through a 3 × 3 tent filter (weights 1-2-1), edges clamped. */
function softStroke(
  strokes: Float32Array,
  width: number,
  height: number,
  x: number,
  y: number,
): number {
  let sum = 0
  for (let dy = -1; dy <= 1; dy++) {
    const row = Math.min(height - 1, Math.max(0, y + dy)) * width
    const wy = dy === 0 ? 2 : 1
    for (let dx = -1; dx <= 1; dx++) {
      const column = Math.min(width - 1, Math.max(0, x + dx))
      sum += strokes[row + column]! * wy * (dx === 0 ? 2 : 1)
    }
  }
  return sum / 16
}
