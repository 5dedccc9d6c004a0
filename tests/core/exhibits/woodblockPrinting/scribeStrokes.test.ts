import { describe, expect, it } from 'vitest'
import { layoutBlockText } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import {
  emToWriting,
  glyphEmPlacement,
  ouInkHeightShare,
  ouInkWidthShare,
  ouWidthToHeight,
  outlineEmBox,
  scribeStrokes,
} from '../../../../src/exhibits/woodblockPrinting/scribeStrokes'
import strokeData from '../../../../renderer/exhibits/woodblockPrinting/scribeStrokeData.json'

describe('the scribe', () => {
  it('turns hanzi-writer em coordinates (y up) into the glyph cell (y down), ink centred', () => {
    const [glyph] = layoutBlockText('宋').glyphs
    const placement = glyphEmPlacement(glyph!, strokeData['宋'], 1)
    const box = outlineEmBox(strokeData['宋'])
    const top = emToWriting((box.minX + box.maxX) / 2, box.maxY, placement)
    const bottom = emToWriting((box.minX + box.maxX) / 2, box.minY, placement)
    expect(top.y).toBeLessThan(bottom.y)
    expect((top.y + bottom.y) / 2).toBeCloseTo(glyph!.centerY)
    expect(top.x).toBeCloseTo(glyph!.centerX)
  })

  it('stands each glyph as 欧体 does: tall and narrow, filling its column’s height', () => {
    for (const text of ['宋', '韵', '小楼一夜听春雨']) {
      const layout = layoutBlockText(text)
      for (const glyph of layout.glyphs) {
        const data = strokeData[glyph.character as keyof typeof strokeData]
        if (!data) continue
        const placement = glyphEmPlacement(glyph, data, layout.aspect)
        const box = outlineEmBox(data)
        const a = emToWriting(box.minX, box.maxY, placement)
        const b = emToWriting(box.maxX, box.minY, placement)
        const width = b.x - a.x
        const height = b.y - a.y
        const emBox = outlineEmBox(data)
        const emAspect = (emBox.maxY - emBox.minY) / (emBox.maxX - emBox.minX)
        // Narrower for its height than the em drew it, never beyond the column's share.
        expect((height / width) * ouWidthToHeight, glyph.character).toBeCloseTo(emAspect)
        expect(height / glyph.size, glyph.character).toBeLessThanOrEqual(ouInkHeightShare + 1e-9)
        expect(width / glyph.size, glyph.character).toBeLessThanOrEqual(ouInkWidthShare + 1e-9)
        // A character as tall as it is wide in the em (宋, 韵) fills the column's height, tall.
        if (emAspect > 0.9) {
          expect(height / glyph.size, glyph.character).toBeCloseTo(ouInkHeightShare)
          expect(height / width, glyph.character).toBeGreaterThan(1.1)
        }
        // Inside its cell, across as well as down.
        expect(a.x, glyph.character).toBeGreaterThan(glyph.centerX * layout.aspect - glyph.size / 2)
        expect(b.x, glyph.character).toBeLessThan(glyph.centerX * layout.aspect + glyph.size / 2)
      }
    }
  })

  it('lays the guide and the scribe’s brush on one another: every median point inside its stroke’s outline box', () => {
    const layout = layoutBlockText('宋')
    const data = strokeData['宋']
    const placement = glyphEmPlacement(layout.glyphs[0]!, data, layout.aspect)
    const strokes = scribeStrokes(layout.glyphs, strokeData, layout.aspect)
    data.strokes.forEach((outline, index) => {
      // The guide draws this outline through the placement; the scribe writes the median through it too.
      const outlineBox = outlineEmBox({ strokes: [outline], medians: [] })
      const corner0 = emToWriting(outlineBox.minX, outlineBox.maxY, placement)
      const corner1 = emToWriting(outlineBox.maxX, outlineBox.minY, placement)
      const slack = 1e-9
      for (const point of strokes[index]!) {
        expect(point.x).toBeGreaterThanOrEqual(corner0.x - slack)
        expect(point.x).toBeLessThanOrEqual(corner1.x + slack)
        expect(point.y).toBeGreaterThanOrEqual(corner0.y - slack)
        expect(point.y).toBeLessThanOrEqual(corner1.y + slack)
      }
    })
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
