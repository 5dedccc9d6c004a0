import type { CellRect } from './bitmap'
import type { BlockPoint } from './coverageField'

/**
 * A segment in cell coordinates and the cells a round tool of `radiusCells` drawn along it may
 * touch, clipped to the field. Both the carving knife and the inking brush walk these cells.
 */
export interface SegmentFootprint {
  readonly ax: number
  readonly ay: number
  readonly bx: number
  readonly by: number
  /** The cells within `radiusCells` of the segment's bounding box, inside the field. */
  readonly cells: CellRect
}

/**
 * The footprint of `from`→`to` (block coordinates, 0–1) in a field `width`×`height` cells, or
 * undefined when it lies wholly outside the field.
 */
export function segmentFootprint(
  from: BlockPoint,
  to: BlockPoint,
  width: number,
  height: number,
  radiusCells: number,
): SegmentFootprint | undefined {
  const ax = from.x * width
  const ay = from.y * height
  const bx = to.x * width
  const by = to.y * height
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - radiusCells))
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - radiusCells))
  // +1: a cell whose centre lies just past the reach still has part of it inside.
  const x1 = Math.min(width, Math.ceil(Math.max(ax, bx) + radiusCells) + 1)
  const y1 = Math.min(height, Math.ceil(Math.max(ay, by) + radiusCells) + 1)
  if (x0 >= x1 || y0 >= y1) return undefined
  return { ax, ay, bx, by, cells: { x0, y0, x1, y1 } }
}
