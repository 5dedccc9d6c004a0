import { createBitmap, type Bitmap, type CellRect } from './bitmap'
import { segmentFootprint } from './segmentFootprint'

/** A point on the block in normalized coordinates: x 0–1 left to right, y 0–1 top to bottom. */
export interface BlockPoint {
  readonly x: number
  readonly y: number
}

/** One straight piece of a drag, in block coordinates. */
export interface StrokeSegment {
  readonly from: BlockPoint
  readonly to: BlockPoint
}

/** The brush's soft footprint: 1 on the segment, falling to 0 at `radius` cells from it. */
function brushFalloff(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
): number {
  const dx = bx - ax
  const dy = by - ay
  const lengthSquared = dx * dx + dy * dy
  const rx = px - ax
  const ry = py - ay
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (rx * dx + ry * dy) / lengthSquared))
  const ex = rx - t * dx
  const ey = ry - t * dy
  const distance = Math.sqrt(ex * ex + ey * ey) / radius
  return distance >= 1 ? 0 : 1 - distance * distance
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
   * `radius` is a fraction of the field's width. When the segment carries on a drag, pass the
   * drag's `previous` segment: a cell then gains only what this segment adds beyond what the
   * previous one already gave it, so the joint between segments is not inked twice and a slow
   * drag (many short segments) leaves the same deposit as a quick one along the same path.
   * Returns the cells that changed, or undefined when nothing did.
   */
  stroke(
    from: BlockPoint,
    to: BlockPoint,
    radius: number,
    amount: number,
    previous?: StrokeSegment,
  ): CellRect | undefined {
    const { width, height, data } = this.bitmap
    const radiusCells = Math.max(1, radius * width)
    const footprint = segmentFootprint(from, to, width, height, radiusCells)
    if (!footprint) return undefined
    const { ax, ay, bx, by } = footprint
    const { x0, y0, x1, y1 } = footprint.cells
    const before = previous
      ? {
          ax: previous.from.x * width,
          ay: previous.from.y * height,
          bx: previous.to.x * width,
          by: previous.to.y * height,
        }
      : undefined
    let isChanged = false
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const cx = x + 0.5
        const cy = y + 0.5
        let falloff = brushFalloff(cx, cy, ax, ay, bx, by, radiusCells)
        if (falloff <= 0) continue
        if (before)
          falloff -= brushFalloff(cx, cy, before.ax, before.ay, before.bx, before.by, radiusCells)
        if (falloff <= 0) continue
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
