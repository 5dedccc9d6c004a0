import type { CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'

/** A brush dab in writing space (heights of the writing area from its top left). */
export interface DabCircle {
  readonly x: number
  readonly y: number
  readonly radius: number
}

/**
 * The pixels of the sample's ink canvas (`widthPx` × `heightPx`, `pixelsPerUnit` a writing-space
 * unit) a dab may have changed: its circle, a pixel more each side for the canvas's antialiased
 * edge (and the smallest dab's 0.6 px radius), clipped to the canvas; undefined when it lies
 * wholly outside. The sheet sends just these to the GPU, not the whole page a frame.
 */
export function dabPixelRect(
  dab: DabCircle,
  pixelsPerUnit: number,
  widthPx: number,
  heightPx: number,
): CellRect | undefined {
  const radiusPx = Math.max(0.6, dab.radius * pixelsPerUnit) + 1
  const centreX = dab.x * pixelsPerUnit
  const centreY = dab.y * pixelsPerUnit
  const x0 = Math.max(0, Math.floor(centreX - radiusPx))
  const y0 = Math.max(0, Math.floor(centreY - radiusPx))
  const x1 = Math.min(widthPx, Math.ceil(centreX + radiusPx))
  const y1 = Math.min(heightPx, Math.ceil(centreY + radiusPx))
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : undefined
}
