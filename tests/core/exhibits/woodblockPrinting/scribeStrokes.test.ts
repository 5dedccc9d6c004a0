import { describe, expect, it } from 'vitest'
import { layoutBlockText } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import {
  emToWriting,
  scribeStrokes,
} from '../../../../src/exhibits/woodblockPrinting/scribeStrokes'
import strokeData from '../../../../renderer/exhibits/woodblockPrinting/scribeStrokeData.json'

describe('the scribe', () => {
  it('turns hanzi-writer em coordinates (y up) into the glyph cell (y down)', () => {
    const [glyph] = layoutBlockText('宋').glyphs
    const top = emToWriting(512, 900, glyph!, 1)
    const bottom = emToWriting(512, -124, glyph!, 1)
    expect(top.y).toBeCloseTo(glyph!.centerY - glyph!.size / 2)
    expect(bottom.y).toBeCloseTo(glyph!.centerY + glyph!.size / 2)
    expect(top.x).toBeCloseTo(glyph!.centerX)
  })

  it('writes 宋 in its seven strokes, in order, inside its cell, with time running on', () => {
    const layout = layoutBlockText('宋')
    const strokes = scribeStrokes(layout.glyphs, strokeData, layout.aspect)
    expect(strokes).toHaveLength(7)
    // 宋 starts with the dot at the top of 宀.
    expect(strokes[0]![0]!.y).toBeLessThan(strokes[6]![0]!.y)
    let lastMs = -1
    for (const stroke of strokes) {
      for (const point of stroke) {
        expect(point.x).toBeGreaterThan(0)
        expect(point.x).toBeLessThan(1)
        expect(point.y).toBeGreaterThan(0)
        expect(point.y).toBeLessThan(1)
        expect(point.timeMs).toBeGreaterThanOrEqual(lastMs)
        lastMs = point.timeMs
      }
    }
  })

  it('writes a verse line column by column from the right, skipping characters it has no data for', () => {
    const layout = layoutBlockText('小楼一夜听春雨')
    const strokes = scribeStrokes(layout.glyphs, strokeData, layout.aspect)
    expect(strokes[0]![0]!.x).toBeGreaterThan(strokes[strokes.length - 1]![0]!.x)
    expect(scribeStrokes(layoutBlockText('㐀').glyphs, strokeData, 1)).toEqual([])
  })
})
