import { createBitmap, type Bitmap, type CellRect } from './bitmap'
import type { BlockPoint } from './coverageField'
import { segmentFootprint } from './segmentFootprint'

/**
 * The block being carved (刻版), as a height field: each cell holds how deep the wood there has
 * been cut, 0 (the face as planed) to 1 (cut down to the floor of the block). Cells under the
 * transferred writing are the strokes to leave standing; cutting one of them nicks the stroke,
 * and the model remembers where, so the print can show it. Everything is in block space.
 */

/** The two tools: the knife outlines (发刀), the chisel clears the ground (铲底). */
export type CarvingTool = 'knife' | 'chisel'

/** A cell of the writing counts as a stroke to protect at or above this ink. */
const strokeInkThreshold = 0.5
/** A ground cell counts as cleared at or beyond this depth. */
const clearedDepth = 0.5

/** How a tool cuts, as fractions of the block's width. */
export interface CarvingToolShape {
  /** Reach of the tool's footprint: ground within it is cut. */
  readonly radius: number
  /** The edge itself: within this, it cuts whatever lies under it, strokes included (0: never a stroke). */
  readonly edgeRadius: number
  /** Depth one pass adds at the footprint's centre (1 = down to the floor). */
  readonly depthPerPass: number
}

/**
 * Generous tools for a five-minute visit: the chisel's wide footprint clears ground and always
 * stops at a stroke's edge, so sweeping it over the block never harms the writing; the knife's
 * blade cuts whatever it crosses, strokes included.
 */
export const carvingTools: Readonly<Record<CarvingTool, CarvingToolShape>> = {
  knife: { radius: 0.012, edgeRadius: 0.008, depthPerPass: 1 },
  chisel: { radius: 0.065, edgeRadius: 0, depthPerPass: 0.8 },
}

/** One place a cut crossed a stroke. */
export interface CarvingNick {
  /** The cell, in block space. */
  readonly x: number
  readonly y: number
}

export class CarvingField {
  /** Depth cut per cell, 0–1. */
  readonly depth: Bitmap
  /** 1 where the transferred writing lies (a stroke to leave standing), else 0. */
  readonly strokes: Bitmap
  readonly #groundCellCount: number
  #clearedGroundCells = 0
  /** Nicked stroke cells, by index (a set so a cell cut twice counts once). */
  readonly #nickedCells = new Set<number>()

  /** `writing` is the ink the sample left on the block (block space, 0–1). */
  constructor(writing: Bitmap) {
    this.strokes = createBitmap(writing.width, writing.height)
    this.depth = createBitmap(writing.width, writing.height)
    let ground = 0
    for (let i = 0; i < writing.data.length; i++) {
      const isStroke = writing.data[i]! >= strokeInkThreshold
      this.strokes.data[i] = isStroke ? 1 : 0
      if (!isStroke) ground++
    }
    this.#groundCellCount = ground
  }

  get width(): number {
    return this.depth.width
  }

  get height(): number {
    return this.depth.height
  }

  /** Share of the ground (cells without writing) cut at least half way down. */
  get clearedFraction(): number {
    return this.#groundCellCount === 0 ? 1 : this.#clearedGroundCells / this.#groundCellCount
  }

  /** Where cuts crossed strokes, in cell order. */
  get nicks(): readonly CarvingNick[] {
    return [...this.#nickedCells]
      .sort((a, b) => a - b)
      .map((i) => ({ x: i % this.width, y: Math.floor(i / this.width) }))
  }

  /** Whether the cell was a stroke a cut went through. */
  isNicked(x: number, y: number): boolean {
    return this.#nickedCells.has(y * this.width + x)
  }

  /**
   * A pass of `tool` along `from`→`to` (block coordinates, 0–1). Ground in the footprint drops;
   * a stroke is cut only under the knife's edge, and that cut is recorded as a nick. Returns the
   * cells that changed, or undefined when nothing did.
   */
  cut(from: BlockPoint, to: BlockPoint, tool: CarvingTool): CellRect | undefined {
    const shape = carvingTools[tool]
    const { width, height } = this
    const radiusCells = Math.max(1, shape.radius * width)
    const edgeCells = shape.edgeRadius > 0 ? Math.max(0.75, shape.edgeRadius * width) : 0
    const footprint = segmentFootprint(from, to, width, height, radiusCells)
    if (!footprint) return undefined
    const { ax, ay, bx, by } = footprint
    const { x0, y0, x1, y1 } = footprint.cells
    const gouge = tool === 'chisel' ? flatChiselPass(ax, ay, bx, by, radiusCells) : undefined
    let isChanged = false
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const index = y * width + x
        const isStroke = this.strokes.data[index]! >= 0.5
        if (gouge) {
          if (isStroke) continue
          const target = gouge(x + 0.5, y + 0.5) * shape.depthPerPass
          if (target > 0) isChanged = this.#cutTo(index, target) || isChanged
          continue
        }
        const distance = distanceToSegment(x + 0.5, y + 0.5, ax, ay, bx, by)
        if (distance >= radiusCells) continue
        if (isStroke && distance >= edgeCells) continue
        // The edge cuts to full depth; the rest of the footprint less towards its rim.
        const gain =
          distance < edgeCells ? 1 : shape.depthPerPass * (1 - (distance / radiusCells) ** 2)
        isChanged = this.#deepen(index, gain, isStroke) || isChanged
      }
    }
    return isChanged ? { x0, y0, x1, y1 } : undefined
  }

  /**
   * The master carver clears the ground left in rows `fromRow` ≤ y < `toRow`, cleanly, touching
   * no stroke. Returns the rectangle cleared (undefined when the rows were already clear).
   */
  clearGroundRows(fromRow: number, toRow: number): CellRect | undefined {
    const { width } = this
    const y0 = Math.max(0, Math.floor(fromRow))
    const y1 = Math.min(this.height, Math.ceil(toRow))
    let isChanged = false
    for (let y = y0; y < y1; y++) {
      for (let x = 0; x < width; x++) {
        const index = y * width + x
        if (this.strokes.data[index]! >= 0.5) continue
        isChanged = this.#deepen(index, 1, false) || isChanged
      }
    }
    return isChanged ? { x0: 0, y0, x1: width, y1 } : undefined
  }

  /** The carved block as the printing model reads it: 1 where wood stands at the face, 0 where cut away. */
  relief(): Bitmap {
    const out = createBitmap(this.width, this.height)
    for (let i = 0; i < out.data.length; i++) out.data[i] = 1 - this.depth.data[i]!
    return out
  }

  /**
   * A chisel pass scoops the ground down to `target` (0–1) where it stood higher; going over
   * ground already cut takes a little more off, so passes even out the floor.
   */
  #cutTo(index: number, target: number): boolean {
    const before = this.depth.data[index]!
    return this.#deepen(index, Math.max(target - before, target * 0.3), false)
  }

  #deepen(index: number, gain: number, isStroke: boolean): boolean {
    const before = this.depth.data[index]!
    const after = Math.min(1, before + Math.max(0, gain))
    if (after === before) return false
    this.depth.data[index] = after
    if (isStroke) this.#nickedCells.add(index)
    else if (before < clearedDepth && after >= clearedDepth) this.#clearedGroundCells++
    return true
  }
}

/** Length of one push of the chisel along its path, in blade widths (the scallop it leaves). */
const scallopPerBladeWidth = 0.45

/**
 * The depth profile (0–1) one pass of a flat chisel (平口铲刀) leaves: a straight blade held
 * across the path sweeps a band with square ends, not a disc; each push scoops a little deeper at
 * its middle than at its ends, so the floor shows shallow ridges across the path (the gouge
 * marks of hand-cleared ground); the blade's corners cut shallower, leaving a ridge between
 * passes; and the wood tears unevenly, a fixed pattern per cell (no randomness: the same path
 * always carves the same floor). `radiusCells` is half the blade's width. 0 outside the band.
 */
function flatChiselPass(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radiusCells: number,
): (x: number, y: number) => number {
  const length = Math.hypot(bx - ax, by - ay)
  // A tap without movement presses the blade straight down, held across the block's grain.
  const dx = length > 1e-6 ? (bx - ax) / length : 0
  const dy = length > 1e-6 ? (by - ay) / length : 1
  const scallopCells = Math.max(1, radiusCells * 2 * scallopPerBladeWidth)
  return (x, y) => {
    const along = (x - ax) * dx + (y - ay) * dy
    if (along < -radiusCells * 0.25 || along > length + radiusCells * 0.25) return 0
    const across = Math.abs((x - ax) * -dy + (y - ay) * dx) / radiusCells
    if (across >= 1) return 0
    // Measured along the path from the block's origin, so segments of one drag join seamlessly.
    const phase = (x * dx + y * dy) / scallopCells
    const scallop = 0.86 + 0.14 * Math.sin(Math.PI * (phase - Math.floor(phase)))
    const corner = 1 - across ** 6
    const tear = 0.9 + 0.1 * cellHash(Math.floor(x), Math.floor(y))
    return scallop * corner * tear
  }
}

/** A fixed pseudo-random value 0–1 per cell (an integer hash, no state). */
function cellHash(x: number, y: number): number {
  let h = Math.imul(x, 374761393) + Math.imul(y, 668265263)
  h = Math.imul(h ^ (h >>> 13), 1274126177)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax
  const dy = by - ay
  const lengthSquared = dx * dx + dy * dy
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared))
  return Math.hypot(px - ax - t * dx, py - ay - t * dy)
}
