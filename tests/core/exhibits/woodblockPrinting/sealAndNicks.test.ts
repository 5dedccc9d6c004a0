import { describe, expect, it } from 'vitest'
import { hasSealGlyphs, layOutSeal } from '../../../../src/exhibits/woodblockPrinting/sealScript'
import { nickMarkers } from '../../../../src/exhibits/woodblockPrinting/nickMarkers'

describe('the seal in seal script', () => {
  it('has a drawn glyph for the pack seal 宋韵 (and the traditional 韻)', () => {
    expect(hasSealGlyphs('宋韵')).toBe(true)
    expect(hasSealGlyphs('宋韻')).toBe(true)
    expect(hasSealGlyphs('宋A')).toBe(false)
  })

  it('stands two characters in two tall columns inside the border, the first on the right', () => {
    const size = 200
    const [song, yun] = layOutSeal('宋韵', size)
    const xs = (glyph: typeof song) => glyph!.lines.flat().map(([x]) => x)
    const ys = (glyph: typeof song) => glyph!.lines.flat().map(([, y]) => y)
    expect(song!.character).toBe('宋')
    expect(Math.min(...xs(song))).toBeGreaterThan(Math.max(...xs(yun)))
    for (const glyph of [song, yun]) {
      // Inside the border, which takes the outer tenth.
      expect(Math.min(...xs(glyph), ...ys(glyph))).toBeGreaterThan(size * 0.1)
      expect(Math.max(...xs(glyph), ...ys(glyph))).toBeLessThan(size * 0.9)
      // Seal script stands tall: each column uses most of the height.
      expect(Math.max(...ys(glyph)) - Math.min(...ys(glyph))).toBeGreaterThan(size * 0.6)
    }
  })

  it('names a character it cannot cut, and where to add it', () => {
    expect(() => layOutSeal('宋印', 100)).toThrow(/no glyph for 印 \(add it to sealScript.ts\)/)
  })
})

describe('nick markers on the print', () => {
  it('circles a nick where it prints: mirrored from the block, one circle a place', () => {
    const markers = nickMarkers(
      [
        { x: 10, y: 50 },
        { x: 11, y: 51 },
        { x: 12, y: 50 },
      ],
      100,
      80,
    )
    expect(markers).toHaveLength(1)
    const [marker] = markers
    // Block column 11 prints at column 100 − 1 − 11 = 88.
    expect(marker!.centreX).toBeCloseTo(88, 5)
    expect(marker!.centreY).toBeCloseTo(50.33, 1)
    expect(marker!.radiusCells).toBeGreaterThanOrEqual(4)
    // Near the sheet's right edge, the word stands on the left, where there is room.
    expect(marker!.labelSide).toBe('left')
  })

  it('marks separate places separately, the largest first, at most three', () => {
    const nicks = [
      { x: 80, y: 10 },
      { x: 50, y: 40 },
      { x: 51, y: 40 },
      { x: 10, y: 70 },
      { x: 30, y: 20 },
    ]
    const markers = nickMarkers(nicks, 100, 80)
    expect(markers).toHaveLength(3)
    expect(markers[0]!.centreX).toBeCloseTo(48.5, 5)
    expect(markers[0]!.labelSide).toBe('right')
  })

  it('marks nothing on a clean carving', () => {
    expect(nickMarkers([], 100, 80)).toEqual([])
  })
})
