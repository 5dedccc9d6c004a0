import { describe, expect, it } from 'vitest'
import {
  createBitmap,
  mirrorHorizontally,
  valueAt,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { CarvingField } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import {
  pageFrameBitmap,
  pageFrameReachCells,
  pageFrameRules,
} from '../../../../src/exhibits/woodblockPrinting/pageFrame'
import { computePrint } from '../../../../src/exhibits/woodblockPrinting/printImpression'

const width = 160
const height = 120

/** A sample ruled with the frame, with one vertical stroke in the middle (columns 76–83). */
function ruledSample() {
  const sample = pageFrameBitmap(width, height)
  for (let y = 30; y < 90; y++) sample.data.fill(1, y * width + 76, y * width + 84)
  return sample
}

/** A uniform bitmap of the face's size. */
function filled(value: number) {
  const bitmap = createBitmap(width, height)
  bitmap.data.fill(value)
  return bitmap
}

describe('the 版框 ruled round a Song page', () => {
  it('is a heavy rule all round and a fine one inside it on the left and right (左右双边)', () => {
    const frame = pageFrameBitmap(width, height)
    const row = Array.from({ length: width }, (_, x) => valueAt(frame, x, height / 2))
    // Across the middle row: outer then inner rule on each side, nothing between them and the text.
    const runs = row.join('').match(/1+/g) ?? []
    expect(runs).toHaveLength(4)
    for (const run of runs) expect(run.length).toBeGreaterThanOrEqual(2)
    const column = Array.from({ length: height }, (_, y) => valueAt(frame, width / 2, y))
    expect(column.join('').match(/1+/g)).toHaveLength(2)
    // Every rule lies on the face, and the text area inside the frame's reach is clear.
    for (const rule of pageFrameRules(width, height)) {
      expect(rule.x0).toBeGreaterThanOrEqual(0)
      expect(rule.x1).toBeLessThanOrEqual(width)
      expect(rule.y1).toBeLessThanOrEqual(height)
    }
    const reach = pageFrameReachCells(width, height)
    expect(row.slice(reach, width - reach).every((value) => value === 0)).toBe(true)
  })

  it('stands on the block when the ground is cleared, can be nicked by the knife, and prints', () => {
    const sample = ruledSample()
    const block = new CarvingField(mirrorHorizontally(sample))
    block.clearGroundRows(0, height)
    const relief = block.relief()
    const frame = mirrorHorizontally(pageFrameBitmap(width, height))
    let frameCells = 0
    for (let i = 0; i < frame.data.length; i++) {
      if (frame.data[i]! < 0.5) continue
      frameCells++
      expect(relief.data[i]).toBe(1)
    }
    expect(frameCells).toBeGreaterThan(0)
    // The ground between the frame and the stroke is cut away.
    expect(valueAt(relief, 40, 60)).toBe(0)

    const { sheet } = computePrint({ relief, ink: filled(1), rub: filled(1) })
    // Read the right way round, the print shows the frame where the sample had it, and paper inside.
    for (const rule of pageFrameRules(width, height)) {
      const x = Math.floor((rule.x0 + rule.x1) / 2)
      const y = Math.floor((rule.y0 + rule.y1) / 2)
      expect(valueAt(sheet, x, y), `the rule at (${x}, ${y})`).toBeGreaterThan(0.7)
    }
    expect(valueAt(sheet, 40, 60)).toBeLessThan(0.1)

    // A knife cut across the left rule (the block's right, mirrored) nicks it there.
    const nicked = new CarvingField(mirrorHorizontally(sample))
    nicked.cut({ x: 0.9, y: 0.5 }, { x: 1, y: 0.5 }, 'knife')
    expect(nicked.nicks.length).toBeGreaterThan(0)
  })
})
