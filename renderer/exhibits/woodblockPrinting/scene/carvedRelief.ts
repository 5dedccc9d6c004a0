import { type BufferAttribute, type DataTexture, PlaneGeometry } from 'three'
import {
  sampleBilinear,
  type Bitmap,
  type CellRect,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { Disposable } from '../../../../src/lifecycle/disposable'
import { createRgbaTexture, texelOffset } from './surfaceTextures'
import { DirtyTexture, type TexelUploader } from './texelUploads'

/** How steep the normal map makes a cut wall look. */
const normalStrength = 5
/**
 * The depth field is one cell a model cell and steps from stroke to ground in one cell; drawn as
 * it is, a diagonal wall is a staircase. Both the vertices and the normals read it through a
 * small tent filter (cells), so walls run smooth and slope as a knife cuts them.
 */
const wallSoftnessCells = 0.9

/**
 * The carved face as real geometry and a normal map, both following the carving model's depth
 * field: a plane `widthUnits × heightUnits` (in XY facing +Z, image top at +Y) whose vertices
 * stand `depthUnits` high where the wood is uncut and drop where it is cut away. A cut updates
 * only the vertices and texels under its rectangle (sub-range uploads, never the whole field).
 */
export class CarvedRelief implements Disposable {
  readonly geometry: PlaneGeometry
  readonly normalMap: DataTexture
  readonly #segmentsX: number
  readonly #segmentsY: number
  readonly #normalUploads: DirtyTexture
  #depth: Bitmap

  /** `longSideSegments` bounds the triangle count (2 × segments²). */
  constructor(
    depth: Bitmap,
    widthUnits: number,
    heightUnits: number,
    readonly depthUnits: number,
    longSideSegments: number,
  ) {
    this.#depth = depth
    const aspect = widthUnits / heightUnits
    this.#segmentsX = Math.max(
      1,
      Math.round(aspect >= 1 ? longSideSegments : longSideSegments * aspect),
    )
    this.#segmentsY = Math.max(
      1,
      Math.round(aspect >= 1 ? longSideSegments / aspect : longSideSegments),
    )
    this.geometry = new PlaneGeometry(widthUnits, heightUnits, this.#segmentsX, this.#segmentsY)
    this.normalMap = createRgbaTexture(depth.width, depth.height, false)
    this.#normalUploads = new DirtyTexture(this.normalMap)
    this.#rebuild()
  }

  /** Follows a new depth field (a new sample was written): rebuilt whole, once. */
  setDepth(depth: Bitmap): void {
    if (depth.width !== this.#depth.width || depth.height !== this.#depth.height) {
      throw new RangeError(
        `The carving is ${depth.width}×${depth.height}; the relief was built for ${this.#depth.width}×${this.#depth.height}`,
      )
    }
    this.#depth = depth
    this.#rebuild()
  }

  /** Re-reads the depth under these cells: moves their vertices and repaints their normals. */
  updateCells(rect: CellRect): void {
    const { width, height } = this.#depth
    const sx = this.#segmentsX
    const sy = this.#segmentsY
    const ix0 = Math.max(0, Math.floor(((rect.x0 - 2) / (width - 1)) * sx))
    const ix1 = Math.min(sx, Math.ceil(((rect.x1 + 2) / (width - 1)) * sx))
    const iy0 = Math.max(0, Math.floor(((rect.y0 - 2) / (height - 1)) * sy))
    const iy1 = Math.min(sy, Math.ceil(((rect.y1 + 2) / (height - 1)) * sy))
    this.#placeVertices(ix0, iy0, ix1, iy1)
    const positions = this.geometry.getAttribute('position') as BufferAttribute
    // One range over the touched rows: contiguous, a few kilobytes for a stroke.
    const first = iy0 * (sx + 1)
    const last = iy1 * (sx + 1) + sx
    positions.addUpdateRange(first * 3, (last - first + 1) * 3)
    positions.needsUpdate = true
    // The normals read two cells round each texel (the gradient of the softened field).
    const x0 = Math.max(0, rect.x0 - 2)
    const y0 = Math.max(0, rect.y0 - 2)
    const x1 = Math.min(width, rect.x1 + 2)
    const y1 = Math.min(height, rect.y1 + 2)
    this.#paintNormals(x0, y0, x1, y1)
    this.#normalUploads.mark({ x0, y0, x1, y1 })
  }

  /** Sends the normals repainted since the last call (once a frame); whether there were any. */
  flushUploads(uploader: TexelUploader): boolean {
    return this.#normalUploads.flush(uploader)
  }

  dispose(): void {
    this.geometry.dispose()
    this.normalMap.dispose()
  }

  #rebuild(): void {
    this.#placeVertices(0, 0, this.#segmentsX, this.#segmentsY)
    const positions = this.geometry.attributes.position!
    positions.needsUpdate = true
    this.geometry.computeBoundingBox()
    // The box must hold the uncut face even before anything is cut.
    this.geometry.boundingBox!.max.z = this.depthUnits
    this.geometry.computeBoundingSphere()
    this.#paintNormals(0, 0, this.#depth.width, this.#depth.height)
    this.normalMap.needsUpdate = true
  }

  #placeVertices(ix0: number, iy0: number, ix1: number, iy1: number): void {
    const depth = this.#depth
    const positions = this.geometry.attributes.position!
    for (let iy = iy0; iy <= iy1; iy++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const cut = softDepth(
          depth,
          (ix / this.#segmentsX) * (depth.width - 1),
          (iy / this.#segmentsY) * (depth.height - 1),
        )
        positions.setZ(iy * (this.#segmentsX + 1) + ix, (1 - cut) * this.depthUnits)
      }
    }
  }

  #paintNormals(x0: number, y0: number, x1: number, y1: number): void {
    const depth = this.#depth
    const { width, height: rows } = depth
    const bytes = this.normalMap.image.data as Uint8Array
    // Height is what stands: 1 − depth, softened as the vertices are.
    const at = (x: number, y: number) => 1 - softDepth(depth, x, y)
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const dx = (at(x + 1, y) - at(x - 1, y)) * 0.5 * normalStrength
        // Texture v runs up while bitmap y runs down.
        const dv = (at(x, y - 1) - at(x, y + 1)) * 0.5 * normalStrength
        const length = Math.sqrt(dx * dx + dv * dv + 1)
        const offset = texelOffset(width, rows, x, y)
        bytes[offset] = Math.round(((-dx / length) * 0.5 + 0.5) * 255)
        bytes[offset + 1] = Math.round(((-dv / length) * 0.5 + 0.5) * 255)
        bytes[offset + 2] = Math.round((1 / length) * 0.5 * 255 + 127.5)
        bytes[offset + 3] = 255
      }
    }
  }
}

/** The depth at (x, y) (cells) through a small tent filter: four bilinear taps round the point. */
function softDepth(depth: Bitmap, x: number, y: number): number {
  const r = wallSoftnessCells
  return (
    (sampleBilinear(depth, x - r, y - r) +
      sampleBilinear(depth, x + r, y - r) +
      sampleBilinear(depth, x - r, y + r) +
      sampleBilinear(depth, x + r, y + r)) /
    4
  )
}
