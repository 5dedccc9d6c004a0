import { describe, expect, it } from 'vitest'
import {
  paperLeftAfterRub,
  sheetCellOverBlock,
} from '../../../../src/exhibits/woodblockPrinting/sampleTransfer'
import {
  peelProgressFromPull,
  peeledPoint,
  peelRiseRadians,
} from '../../../../src/exhibits/woodblockPrinting/sheetPeel'

describe('上版: the face-down sample over the block', () => {
  const sheet = { gridWidth: 10, gridHeight: 8, marginCells: 2 }

  it('lies mirrored left to right: the block’s left column carries the sheet’s last written column', () => {
    expect(sheetCellOverBlock(0, 0, sheet)).toEqual({ x: 2 + 9, y: 2 })
    expect(sheetCellOverBlock(9, 7, sheet)).toEqual({ x: 2, y: 2 + 7 })
    expect(sheetCellOverBlock(3, 4, sheet)).toEqual({ x: 2 + 6, y: 2 + 4 })
  })

  it('keeps its paper until rubbed, loses it as the rubbing builds, and frays along the fibres', () => {
    expect(paperLeftAfterRub(0)).toBe(1)
    expect(paperLeftAfterRub(1)).toBe(0)
    expect(paperLeftAfterRub(0.3)).toBeLessThan(paperLeftAfterRub(0.2))
    // The same rubbing leaves more paper where the fibres are tougher (lower `fibre`).
    expect(paperLeftAfterRub(0.25, 0)).toBeGreaterThan(paperLeftAfterRub(0.25, 1))
    // At the count of "rubbed through" (0.3) most of the paper is gone on an average fibre.
    expect(paperLeftAfterRub(0.3)).toBeLessThan(0.5)
  })
})

describe('揭纸: peeling the sheet', () => {
  it('moves the fold half as far as the finger pulls the edge, and never the wrong way', () => {
    expect(peelProgressFromPull(1, 1)).toBe(0.5)
    expect(peelProgressFromPull(-0.4, 1)).toBe(0)
    expect(peelProgressFromPull(5, 1)).toBe(1)
    expect(peelProgressFromPull(1, 0)).toBe(0)
  })

  it('leaves the sheet flat before the fold, rolls it over the curl, and lifts it back face up beyond', () => {
    const width = 1
    const radius = 0.05
    // Flat before the fold line (at 0.6 across for progress 0.4).
    expect(peeledPoint(0.3, width, 0.4, radius)).toEqual({ across: 0.3, lift: 0 })
    // Half way round the curl: at the top of a quarter turn, one radius up and out.
    const quarter = peeledPoint(0.6 + (Math.PI / 2) * radius, width, 0.4, radius)
    expect(quarter.across).toBeCloseTo(0.6 + radius)
    expect(quarter.lift).toBeCloseTo(radius)
    // Past the curl the sheet heads back over the rest and rises towards the hand at a steady
    // angle: its free edge is higher than the curl's top, back over the sheet short of the fold.
    const curlEnd = (Math.PI - peelRiseRadians) * radius
    const edge = peeledPoint(1, width, 0.4, radius)
    const straight = 0.4 - curlEnd
    expect(edge.lift).toBeCloseTo(
      radius * (1 + Math.cos(peelRiseRadians)) + straight * Math.sin(peelRiseRadians),
    )
    expect(edge.lift).toBeGreaterThan(2 * radius)
    expect(edge.across).toBeLessThan(0.6)
    // Points along the straight part lie on one line: the sheet is not bent past the curl.
    const a = peeledPoint(0.6 + curlEnd + 0.1, width, 0.4, radius)
    const b = peeledPoint(0.6 + curlEnd + 0.2, width, 0.4, radius)
    expect((b.lift - a.lift) / (a.across - b.across)).toBeCloseTo(Math.tan(peelRiseRadians))
    // Fully peeled, the sheet lies turned over beyond its held edge.
    expect(peeledPoint(1, width, 1, radius).across).toBeLessThan(0)
  })
})
