import type { DataTexture } from 'three'
import type { Bitmap, CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import {
  paperLeftAfterRub,
  sheetCellOverBlock,
  type SampleSheetCells,
} from '../../../../src/exhibits/woodblockPrinting/sampleTransfer'
import type { Disposable } from '../../../../src/lifecycle/disposable'
import { createRgbaTexture, texelOffset, valueNoise } from './surfaceTextures'
import { DirtyTexture, type TexelUploader } from './texelUploads'

/**
 * The face-down sample's paper at 上版, as an alpha map over the sample sheet (one texel a model
 * cell): whole at first, rubbed away where the visitor rubs the sheet's back, so the writing left on
 * the block shows through, reversed. Repainted by the rectangle a rub touched.
 */
export class SampleRubAway implements Disposable {
  /** White where paper is left (three's alpha maps read the green channel). */
  readonly alphaMap: DataTexture
  readonly #sheet: SampleSheetCells
  readonly #rubbing: Bitmap
  readonly #fibre = valueNoise(29)
  readonly #uploads: DirtyTexture

  /**
   * `sheetWidthCells` × `sheetHeightCells` is the whole sample (margins and 版心 strip);
   * `rubbing` is the block-grid field of how much each cell's back has been rubbed (0–1).
   */
  constructor(
    sheet: SampleSheetCells,
    sheetWidthCells: number,
    sheetHeightCells: number,
    rubbing: Bitmap,
  ) {
    this.#sheet = sheet
    this.#rubbing = rubbing
    this.alphaMap = createRgbaTexture(sheetWidthCells, sheetHeightCells, false)
    ;(this.alphaMap.image.data as Uint8Array).fill(255)
    this.#uploads = new DirtyTexture(this.alphaMap)
  }

  /** Repaints the paper over these block cells after a rub, and marks just them for the frame's upload. */
  repaintBlockCells(rect: CellRect): void {
    const { width, height } = this.alphaMap.image
    const bytes = this.alphaMap.image.data as Uint8Array
    const rubbing = this.#rubbing
    let minX = Infinity
    let maxX = -Infinity
    for (let by = Math.max(0, rect.y0); by < Math.min(rubbing.height, rect.y1); by++) {
      for (let bx = Math.max(0, rect.x0); bx < Math.min(rubbing.width, rect.x1); bx++) {
        const cell = sheetCellOverBlock(bx, by, this.#sheet)
        // Long fibres run down the sheet, so the rubbed edge frays along them.
        const fibre =
          0.6 * this.#fibre(cell.x * 0.45, cell.y * 0.12) +
          0.4 * this.#fibre(cell.x * 1.3, cell.y * 1.3)
        const left = paperLeftAfterRub(rubbing.data[by * rubbing.width + bx]!, fibre)
        const offset = texelOffset(width, height, cell.x, cell.y)
        const value = Math.round(left * 255)
        bytes[offset] = value
        bytes[offset + 1] = value
        bytes[offset + 2] = value
        minX = Math.min(minX, cell.x)
        maxX = Math.max(maxX, cell.x)
      }
    }
    if (minX > maxX) return
    const { marginCells } = this.#sheet
    this.#uploads.mark({
      x0: minX,
      y0: marginCells + rect.y0,
      x1: maxX + 1,
      y1: marginCells + rect.y1,
    })
  }

  /** Sends the texels rubbed since the last frame; whether there were any. */
  flushUploads(uploader: TexelUploader): boolean {
    return this.#uploads.flush(uploader)
  }

  dispose(): void {
    this.alphaMap.dispose()
  }
}
