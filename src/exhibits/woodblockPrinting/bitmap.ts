/**
 * A single-channel image of values (usually 0–1), row-major with row 0 at the top, as a canvas
 * lays out its pixels. The printing model keeps the carved relief, ink and rubbing in these.
 */
export interface Bitmap {
  readonly width: number
  readonly height: number
  readonly data: Float32Array
}

/** A rectangle of cells, inclusive of `x0, y0` and exclusive of `x1, y1`. */
export interface CellRect {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

/** A blank bitmap of the given size. */
export function createBitmap(width: number, height: number): Bitmap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`A bitmap needs a positive whole size, got ${width}×${height}`)
  }
  return { width, height, data: new Float32Array(width * height) }
}

/** Builds a bitmap from rows of text, `#` = 1 and anything else = 0 (for tests and fixtures). */
export function bitmapFromRows(rows: readonly string[]): Bitmap {
  const height = rows.length
  const width = rows[0]?.length ?? 0
  const bitmap = createBitmap(width, height)
  rows.forEach((row, y) => {
    if (row.length !== width)
      throw new RangeError(`Row ${y} has ${row.length} cells, expected ${width}`)
    for (let x = 0; x < width; x++) bitmap.data[y * width + x] = row[x] === '#' ? 1 : 0
  })
  return bitmap
}

/** The value at a cell, 0 outside the bitmap. */
export function valueAt(bitmap: Bitmap, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return 0
  return bitmap.data[y * bitmap.width + x]!
}

/** Bilinear sample of a bitmap at fractional cell coordinates (clamped to its edges). */
export function sampleBilinear(bitmap: Bitmap, x: number, y: number): number {
  const { width, height, data } = bitmap
  const cx = Math.min(width - 1, Math.max(0, x))
  const cy = Math.min(height - 1, Math.max(0, y))
  const x0 = Math.floor(cx)
  const y0 = Math.floor(cy)
  const x1 = Math.min(width - 1, x0 + 1)
  const y1 = Math.min(height - 1, y0 + 1)
  const fx = cx - x0
  const fy = cy - y0
  const top = data[y0 * width + x0]! * (1 - fx) + data[y0 * width + x1]! * fx
  const bottom = data[y1 * width + x0]! * (1 - fx) + data[y1 * width + x1]! * fx
  return top * (1 - fy) + bottom * fy
}

/** The left–right mirror image: what a contact transfer (sample → block, block → sheet) makes. */
export function mirrorHorizontally(bitmap: Bitmap): Bitmap {
  const { width, height } = bitmap
  const mirrored = createBitmap(width, height)
  for (let y = 0; y < height; y++) {
    const row = y * width
    for (let x = 0; x < width; x++) mirrored.data[row + x] = bitmap.data[row + width - 1 - x]!
  }
  return mirrored
}

/** The smallest rectangle holding both (either may be undefined). */
export function unionRect(a: CellRect | undefined, b: CellRect | undefined): CellRect | undefined {
  if (!a) return b
  if (!b) return a
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  }
}
