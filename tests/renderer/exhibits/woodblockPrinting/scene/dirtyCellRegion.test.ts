import { DataTexture } from 'three'
import { describe, expect, it } from 'vitest'
import { bitmapFromRows, type CellRect } from '../../../../../src/exhibits/woodblockPrinting/bitmap'
import { CarvingField } from '../../../../../src/exhibits/woodblockPrinting/carvingField'
import { DirtyCellRegion } from '../../../../../renderer/exhibits/woodblockPrinting/scene/dirtyCellRegion'
import {
  DirtyTexture,
  rangeTexelUploader,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/texelUploads'

/** The cells of `rects` as "x,y" keys, counting how often each is covered. */
function coverage(rects: readonly CellRect[]): Map<string, number> {
  const cells = new Map<string, number>()
  for (const rect of rects)
    for (let y = rect.y0; y < rect.y1; y++)
      for (let x = rect.x0; x < rect.x1; x++)
        cells.set(`${x},${y}`, (cells.get(`${x},${y}`) ?? 0) + 1)
  return cells
}

const cellsOf = (rects: readonly CellRect[]) => new Set(coverage(rects).keys())

describe('DirtyCellRegion (which texels a frame uploads)', () => {
  it('uploads exactly the union of overlapping, touching and distant marks, each cell once', () => {
    const region = new DirtyCellRegion(64, 64)
    const marks = [
      { x0: 2, y0: 2, x1: 10, y1: 8 },
      { x0: 6, y0: 5, x1: 14, y1: 12 }, // overlaps the first
      { x0: 14, y0: 5, x1: 16, y1: 12 }, // touches the second
      { x0: 40, y0: 40, x1: 44, y1: 41 }, // far away
    ]
    for (const mark of marks) region.mark(mark)
    const uploads = region.take()
    expect(cellsOf(uploads)).toEqual(cellsOf(marks))
    expect(Math.max(...coverage(uploads).values())).toBe(1)
    // Rows with the same runs go up together: 5 rectangles, not one per row (12 rows here).
    expect(uploads.length).toBeLessThanOrEqual(5)
    // Taken once: the next frame uploads nothing.
    expect(region.isEmpty).toBe(true)
    expect(region.take()).toEqual([])
  })

  it('keeps a lone stroke as its one rectangle and clips marks to the grid', () => {
    const region = new DirtyCellRegion(16, 8)
    region.mark({ x0: 3, y0: 1, x1: 9, y1: 4 })
    expect(region.take()).toEqual([{ x0: 3, y0: 1, x1: 9, y1: 4 }])
    region.mark({ x0: -4, y0: 6, x1: 40, y1: 30 })
    region.mark({ x0: 5, y0: 5, x1: 5, y1: 7 }) // empty: marks nothing
    expect(region.take()).toEqual([{ x0: 0, y0: 6, x1: 16, y1: 8 }])
  })

  it('a cut marks only the cells it touched: every cell the knife changed is uploaded, and nothing beyond the cut', () => {
    const writing = bitmapFromRows(
      Array.from({ length: 32 }, (_, y) =>
        Array.from({ length: 32 }, (_, x) => (x >= 14 && x < 18 && y > 4 ? '#' : '.')).join(''),
      ),
    )
    const field = new CarvingField(writing)
    const before = Float32Array.from(field.depth.data)
    const region = new DirtyCellRegion(32, 32)
    // Two knife strokes in one frame, one across the stroke (a nick), one in the ground.
    for (const [from, to] of [
      [
        { x: 0.3, y: 0.5 },
        { x: 0.7, y: 0.5 },
      ],
      [
        { x: 0.1, y: 0.2 },
        { x: 0.1, y: 0.3 },
      ],
    ] as const) {
      const rect = field.cut(from, to, 'knife')
      if (rect) region.mark(rect)
    }
    const changed = new Set<string>()
    field.depth.data.forEach((depth, i) => {
      if (depth !== before[i]) changed.add(`${i % 32},${Math.floor(i / 32)}`)
    })
    expect(changed.size).toBeGreaterThan(0)
    const uploaded = cellsOf(region.take())
    for (const cell of changed) expect(uploaded.has(cell)).toBe(true)
    // The knife is narrow: what goes up is a thin band round each cut, a small part of the block.
    expect(uploaded.size).toBeLessThan(32 * 32 * 0.15)
    expect(uploaded.has('0,31')).toBe(false)
  })

  it('queues a texture’s rows for just the marked texels, flipped as the texture stores them', () => {
    const texture = new DataTexture(new Uint8Array(8 * 4 * 4), 8, 4)
    const dirty = new DirtyTexture(texture)
    expect(dirty.flush(rangeTexelUploader)).toBe(false)
    const version = texture.version
    dirty.mark({ x0: 2, y0: 0, x1: 5, y1: 2 })
    expect(dirty.flush(rangeTexelUploader)).toBe(true)
    expect(texture.version).toBeGreaterThan(version)
    // Bitmap rows 0 and 1 are texture rows 3 and 2; three columns of 4 bytes each.
    expect(texture.updateRanges).toEqual([
      { start: (3 * 8 + 2) * 4, count: 12 },
      { start: (2 * 8 + 2) * 4, count: 12 },
    ])
    expect(dirty.flush(rangeTexelUploader)).toBe(false)
  })
})
