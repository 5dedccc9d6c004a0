import {
  Box2,
  DataTexture,
  RGBAFormat,
  UnsignedByteType,
  Vector2,
  type Texture,
  type WebGLRenderer,
} from 'three'
import type { CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { DirtyCellRegion } from './dirtyCellRegion'

/** Sends rectangles of a run-time texture's texels (bitmap rows, row 0 at the top) to the GPU. */
export interface TexelUploader {
  upload(texture: DataTexture, rects: readonly CellRect[]): void
  /**
   * Sends `pixels` (RGBA bytes, `rect`'s size, rows from the top as a 2D canvas's `getImageData`
   * gives them) into `texture` at `rect` (pixels from the image's top left). For a texture whose
   * image is a canvas (`flipY`, as three makes a `CanvasTexture`), uploaded whole once before.
   */
  uploadPixels(texture: Texture, pixels: Uint8Array, rect: CellRect): void
}

/** The canvas textures `uploadPixels` serves are stored flipped, as three uploads their image. */
function assertFlipped(texture: Texture): void {
  if (!texture.flipY) {
    throw new Error(
      `uploadPixels sends canvas rows top first; texture "${texture.name}" is not flipY (use upload for a DataTexture)`,
    )
  }
}

/**
 * One `texSubImage2D` per rectangle, at once (three's `copyTextureToTexture` from a staging
 * texture that shares the target's pixels and is never uploaded itself, so it holds no GPU
 * memory). Three's own update ranges send one call per row; a chisel stroke is some fifty rows
 * on three textures. The target must have been uploaded whole once (`initTexture`).
 */
export function rendererTexelUploader(renderer: WebGLRenderer): TexelUploader {
  const staging = new WeakMap<DataTexture, DataTexture>()
  const region = new Box2()
  const position = new Vector2()
  // Holds one rectangle's pixels for copyTextureToTexture; never uploaded itself.
  const pixelStaging = new DataTexture(new Uint8Array(4), 1, 1, RGBAFormat, UnsignedByteType)
  return {
    upload(texture, rects) {
      const { data, width, height } = texture.image as {
        data: Uint8Array
        width: number
        height: number
      }
      let source = staging.get(texture)
      if (!source || source.image.data !== data) {
        source = new DataTexture(data, width, height, RGBAFormat, UnsignedByteType)
        staging.set(texture, source)
      }
      for (const rect of rects) {
        // Rows are stored flipped (texture row 0 is the bitmap's bottom row).
        region.min.set(rect.x0, height - rect.y1)
        region.max.set(rect.x1, height - rect.y0)
        position.set(rect.x0, height - rect.y1)
        renderer.copyTextureToTexture(source, texture, region, position)
      }
    },
    uploadPixels(texture, pixels, rect) {
      assertFlipped(texture)
      const width = rect.x1 - rect.x0
      const height = rect.y1 - rect.y0
      if (width <= 0 || height <= 0) return
      if (pixels.length !== width * height * 4) {
        throw new RangeError(
          `uploadPixels got ${pixels.length} bytes for a ${width}×${height} rectangle (${width * height * 4} expected)`,
        )
      }
      const imageHeight = (texture.image as { height: number }).height
      pixelStaging.image = { data: pixels, width, height }
      // UNPACK_FLIP_Y turns the rows over inside the rectangle: its top row lands highest.
      position.set(rect.x0, imageHeight - rect.y1)
      renderer.copyTextureToTexture(pixelStaging, texture, null, position)
    },
  }
}

/**
 * Without a renderer (unit tests, or a scene not yet on one): queues the rectangles' rows as
 * three's update ranges, uploaded at the next render.
 */
export const rangeTexelUploader: TexelUploader = {
  upload(texture, rects) {
    const { width, height } = texture.image
    for (const rect of rects) {
      for (let y = rect.y0; y < rect.y1; y++)
        texture.addUpdateRange(((height - 1 - y) * width + rect.x0) * 4, (rect.x1 - rect.x0) * 4)
    }
    if (rects.length > 0) texture.needsUpdate = true
  },
  uploadPixels(texture) {
    assertFlipped(texture)
    // The whole image again at the next render: it already holds the pixels.
    texture.needsUpdate = true
  },
}

/**
 * A run-time texture repainted by rectangles: `mark` what was repainted, `flush` once a frame
 * sends exactly those texels (see {@link DirtyCellRegion}).
 */
export class DirtyTexture {
  readonly region: DirtyCellRegion

  constructor(readonly texture: DataTexture) {
    this.region = new DirtyCellRegion(texture.image.width, texture.image.height)
  }

  mark(rect: CellRect): void {
    this.region.mark(rect)
  }

  /** Sends the marked texels; whether there were any (the picture changed). */
  flush(uploader: TexelUploader): boolean {
    if (this.region.isEmpty) return false
    uploader.upload(this.texture, this.region.take())
    return true
  }
}
