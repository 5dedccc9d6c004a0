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

  describe('inked and pressed with the block, not only where the visitor reached', () => {
    /** The block carved clean: frame and stroke standing, the ground between them cut away. */
    function carvedBlock() {
      const block = new CarvingField(mirrorHorizontally(ruledSample()))
      block.clearGroundRows(0, height)
      return block.relief()
    }
    /** Ink (or rub) only on the middle stroke's cells, as a brush kept to the writing leaves it. */
    function onStrokeOnly(value: number) {
      const bitmap = createBitmap(width, height)
      for (let y = 30; y < 90; y++) bitmap.data.fill(value, y * width + 76, y * width + 84)
      return bitmap
    }
    const frame = mirrorHorizontally(pageFrameBitmap(width, height))
    const ruleMiddles = pageFrameRules(width, height).map((rule) => ({
      x: Math.floor((rule.x0 + rule.x1) / 2),
      y: Math.floor((rule.y0 + rule.y1) / 2),
    }))

    it('prints the whole frame black when the writing was inked and rubbed well', () => {
      const relief = carvedBlock()
      const { sheet } = computePrint({
        relief,
        ink: onStrokeOnly(1),
        rub: onStrokeOnly(1),
        frame,
      })
      for (const { x, y } of ruleMiddles)
        expect(valueAt(sheet, x, y), `the rule at (${x}, ${y})`).toBeGreaterThan(0.9)
      // Without the frame the same ink and rub leave the rules blank: the visitor never reached them.
      const unframed = computePrint({ relief, ink: onStrokeOnly(1), rub: onStrokeOnly(1) })
      for (const { x, y } of ruleMiddles) expect(valueAt(unframed.sheet, x, y)).toBe(0)
    })

    it('prints it grey, not absent, after a light rub, and not at all from an uninked block', () => {
      const relief = carvedBlock()
      const light = computePrint({ relief, ink: onStrokeOnly(1), rub: onStrokeOnly(0.1), frame })
      for (const { x, y } of ruleMiddles) {
        expect(valueAt(light.sheet, x, y)).toBeGreaterThan(0.25)
        expect(valueAt(light.sheet, x, y)).toBeLessThan(0.7)
      }
      const dry = computePrint({ relief, ink: onStrokeOnly(0), rub: onStrokeOnly(1), frame })
      for (const { x, y } of ruleMiddles) expect(valueAt(dry.sheet, x, y)).toBe(0)
    })

    it('leaves a nick cut into the frame unprinted', () => {
      const block = new CarvingField(mirrorHorizontally(ruledSample()))
      block.clearGroundRows(0, height)
      block.cut({ x: 0.9, y: 0.5 }, { x: 1, y: 0.5 }, 'knife')
      const { sheet } = computePrint({
        relief: block.relief(),
        ink: onStrokeOnly(1),
        rub: onStrokeOnly(1),
        frame,
      })
      // The block's right edge prints on the sheet's left: the nick shows in the left rules.
      const nickedRow = Math.floor(height / 2)
      const leftRules = pageFrameRules(width, height).filter((rule) => rule.x1 < width / 2)
      const isGapInLeftRules = leftRules.some((rule) => {
        for (let x = rule.x0; x < rule.x1; x++) if (valueAt(sheet, x, nickedRow) < 0.1) return true
        return false
      })
      expect(isGapInLeftRules).toBe(true)
    })
  })
})
