import { CanvasTexture, DataTexture, type Texture, type Vector2, type WebGLRenderer } from 'three'
import { describe, expect, it } from 'vitest'
import {
  rangeTexelUploader,
  rendererTexelUploader,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/texelUploads'

/** A renderer stand-in that records the copies it is asked for. */
function recordingRenderer() {
  const copies: { source: Texture; target: Texture; x: number; y: number; bytes: number }[] = []
  const renderer = {
    copyTextureToTexture(
      source: Texture,
      target: Texture,
      _region: unknown,
      position: Vector2 | null,
    ) {
      const image = source.image as { data: Uint8Array; width: number; height: number }
      copies.push({
        source,
        target,
        x: position?.x ?? 0,
        y: position?.y ?? 0,
        bytes: image.data.length,
      })
      expect(image.data.length).toBe(image.width * image.height * 4)
    },
  }
  return { renderer: renderer as unknown as WebGLRenderer, copies }
}

/** A canvas texture's stand-in image (happy-dom has no 2D canvas): only its size is read. */
function sheetTexture(width: number, height: number): CanvasTexture {
  return new CanvasTexture({ width, height } as unknown as HTMLCanvasElement)
}

describe('uploadPixels (the sample sheet sent by the rectangle the brush touched)', () => {
  it('sends just the rectangle, once, placed from the bottom as the flipped canvas is stored', () => {
    const { renderer, copies } = recordingRenderer()
    const texture = sheetTexture(600, 500)
    const version = texture.version
    // 20 × 10 pixels at (100, 40) from the canvas's top left.
    rendererTexelUploader(renderer).uploadPixels(texture, new Uint8Array(20 * 10 * 4), {
      x0: 100,
      y0: 40,
      x1: 120,
      y1: 50,
    })
    expect(copies).toHaveLength(1)
    expect(copies[0]).toMatchObject({ target: texture, x: 100, y: 500 - 50, bytes: 800 })
    // Not a whole upload of the 600 × 500 sheet at the next render.
    expect(texture.version).toBe(version)
  })

  it('says which texture and which call to use when it is given a DataTexture stored unflipped', () => {
    const { renderer } = recordingRenderer()
    const data = new DataTexture(new Uint8Array(16), 2, 2)
    data.name = 'block colour'
    expect(() =>
      rendererTexelUploader(renderer).uploadPixels(data, new Uint8Array(16), {
        x0: 0,
        y0: 0,
        x1: 2,
        y1: 2,
      }),
    ).toThrow(/"block colour" is not flipY \(use upload for a DataTexture\)/)
  })

  it('refuses pixels that do not fill the rectangle, naming both sizes', () => {
    const { renderer } = recordingRenderer()
    expect(() =>
      rendererTexelUploader(renderer).uploadPixels(sheetTexture(8, 8), new Uint8Array(12), {
        x0: 0,
        y0: 0,
        x1: 2,
        y1: 2,
      }),
    ).toThrow(/12 bytes for a 2×2 rectangle \(16 expected\)/)
  })

  it('without a renderer, queues the whole image (it already holds the pixels)', () => {
    const texture = sheetTexture(8, 8)
    const version = texture.version
    rangeTexelUploader.uploadPixels(texture, new Uint8Array(16), { x0: 0, y0: 0, x1: 2, y1: 2 })
    expect(texture.version).toBe(version + 1)
  })
})
