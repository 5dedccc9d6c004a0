import { createBitmap, type Bitmap, type CellRect } from './bitmap'

/** A point on the block in normalized coordinates: x 0–1 left to right, y 0–1 top to bottom. */
export interface BlockPoint {
  readonly x: number
  readonly y: number
}

/**
 * How much of something (ink on the block, rubbing on the paper's back) each cell has received.
 * A brush stroke stamps a soft disc along its path; passes add up to `maxAmount`, so going over
 * the same place again builds it up, as a real brush does.
 */
export class CoverageField {
  readonly bitmap: Bitmap

  constructor(
    width: number,
    height: number,
    readonly maxAmount: number,
  ) {
    this.bitmap = createBitmap(width, height)
  }

  /**
   * Adds `amount` (at the brush centre, less towards its rim) along the segment `from`→`to`.
   * `radius` is a fraction of the field's width. Each cell is credited at most once per stroke
   * segment, so a slow drag and a fast one with the same path give the same deposit.
   * Returns the cells that changed, or undefined when the stroke missed the field.
   */
  stroke(from: BlockPoint, to: BlockPoint, radius: number, amount: number): CellRect | undefined {
    const { width, height, data } = this.bitmap
    const radiusCells = Math.max(1, radius * width)
    const ax = from.x * width
    const ay = from.y * height
    const bx = to.x * width
    const by = to.y * height
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - radiusCells))
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - radiusCells))
    const x1 = Math.min(width, Math.ceil(Math.max(ax, bx) + radiusCells) + 1)
    const y1 = Math.min(height, Math.ceil(Math.max(ay, by) + radiusCells) + 1)
    if (x0 >= x1 || y0 >= y1) return undefined
    const dx = bx - ax
    const dy = by - ay
    const lengthSquared = dx * dx + dy * dy
    let isChanged = false
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const px = x + 0.5 - ax
        const py = y + 0.5 - ay
        // Distance from the cell centre to the segment.
        const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared))
        const ex = px - t * dx
        const ey = py - t * dy
        const distance = Math.sqrt(ex * ex + ey * ey) / radiusCells
        if (distance >= 1) continue
        const falloff = 1 - distance * distance
        const index = y * width + x
        const next = Math.min(this.maxAmount, data[index]! + amount * falloff)
        if (next !== data[index]) {
          data[index] = next
          isChanged = true
        }
      }
    }
    return isChanged ? { x0, y0, x1, y1 } : undefined
  }

  /** The fraction of cells where `mask` is set (≥ 0.5) that hold at least `threshold`. */
  coveredFraction(mask: Bitmap, threshold: number): number {
    let masked = 0
    let covered = 0
    const values = this.bitmap.data
    for (let i = 0; i < mask.data.length; i++) {
      if (mask.data[i]! < 0.5) continue
      masked++
      if (values[i]! >= threshold) covered++
    }
    return masked === 0 ? 0 : covered / masked
  }

  clear(): void {
    this.bitmap.data.fill(0)
  }
}
