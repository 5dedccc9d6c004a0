import type { BrushPoint, BrushTuning } from './brushModel'
import type { PlacedGlyph } from './blockLayout'

/**
 * The scribe (书手) who writes the sample for visitors who would rather watch: the stroke order
 * and each stroke's centre line (median) of a character in hanzi-writer-data, traced at a steady
 * pace with the same brush the visitor holds.
 *
 * Writing space: x and y both measured in heights of the sample (isotropic), origin top left.
 */

/** One character's stroke data in hanzi-writer-data's em: 1024 units, y up, baseline at 900. */
export interface CharacterStrokeData {
  /** Stroke outlines as SVG path data, in stroke order (the faint 楷 model is drawn from these). */
  readonly strokes: readonly string[]
  /** Each stroke's centre line, points in writing order. */
  readonly medians: readonly (readonly (readonly number[])[])[]
}

const emUnits = 1024
const emBaseline = 900
/** The scribe's pace, in glyph sizes a second, and the pause between strokes. */
const glyphSizesPerSecond = 1.1
const pauseBetweenStrokesMs = 220

/**
 * The brush for a glyph of this size (a fraction of the sample's height): strokes about a
 * seventeenth of the cell wide, as lean as the 欧体 of the Zhejiang editions (a tenth read as
 * blobby; the cell is the 界行 column's height, the glyph's ink 0.9 of it).
 */
export function brushTuningForGlyph(glyphSize: number): Partial<BrushTuning> {
  return { radius: 0.03 * glyphSize, referenceSpeed: glyphSize, dryAfterLength: 4 * glyphSize }
}

/**
 * 欧体 (Ouyang Xun's regular script, the hand of the Southern Song Zhejiang editions) stands tall
 * and narrow with a tight centre; hanzi-writer's Arphic 楷 is broad and sits a little off its em's
 * centre. Each glyph's ink is centred in its cell, made to fill this share of the cell's height
 * (the 界行 column), and drawn this much narrower than tall.
 */
export const ouInkHeightShare = 0.9
export const ouWidthToHeight = 0.8
/** The most of the cell's width a glyph's ink takes (a flat one, 一, is sized by its width). */
export const ouInkWidthShare = 0.78

/**
 * Where a glyph's em goes in writing space: writing = origin + em × scale (scaleY is negative,
 * the em's y runs up). The faint model (the guide) and the scribe's strokes are both drawn
 * through this one placement, so the guide lies exactly where the scribe's brush goes.
 */
export interface GlyphEmPlacement {
  readonly originX: number
  readonly originY: number
  readonly scaleX: number
  readonly scaleY: number
}

/** The box the glyph's stroke outlines cover, in em units (every number pair of the paths). */
export function outlineEmBox(data: CharacterStrokeData): {
  minX: number
  maxX: number
  minY: number
  maxY: number
} {
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  for (const outline of data.strokes) {
    const numbers = outline.match(/-?\d+(?:\.\d+)?/g) ?? []
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const x = Number(numbers[i])
      const y = Number(numbers[i + 1])
      minX = Math.min(minX, x)
      maxX = Math.max(maxX, x)
      minY = Math.min(minY, y)
      maxY = Math.max(maxY, y)
    }
  }
  if (!Number.isFinite(minX))
    return { minX: 0, maxX: emUnits, minY: emBaseline - emUnits, maxY: emBaseline }
  return { minX, maxX, minY, maxY }
}

/**
 * Places a glyph's em in its cell as 欧体 stands: its ink centred on the cell's centre, as tall
 * as {@link ouInkHeightShare} of the cell (a flat glyph: as wide as {@link ouInkWidthShare}),
 * {@link ouWidthToHeight} as wide for its height as the em drew it. `sampleAspect` is the sample's width ÷ height (writing space is in its heights).
 */
export function glyphEmPlacement(
  glyph: PlacedGlyph,
  data: CharacterStrokeData,
  sampleAspect: number,
): GlyphEmPlacement {
  const box = outlineEmBox(data)
  const inkHeight = Math.max(1, box.maxY - box.minY)
  const inkWidth = Math.max(1, box.maxX - box.minX)
  const scale = Math.min(
    (ouInkHeightShare * glyph.size) / inkHeight,
    (ouInkWidthShare * glyph.size) / (inkWidth * ouWidthToHeight),
  )
  const scaleX = scale * ouWidthToHeight
  const centreX = glyph.centerX * sampleAspect
  const centreY = glyph.centerY
  return {
    originX: centreX - ((box.minX + box.maxX) / 2) * scaleX,
    originY: centreY + ((box.minY + box.maxY) / 2) * scale,
    scaleX,
    scaleY: -scale,
  }
}

/** Maps a point of hanzi-writer's em into writing space through the glyph's placement. */
export function emToWriting(
  emX: number,
  emY: number,
  placement: GlyphEmPlacement,
): { x: number; y: number } {
  return {
    x: placement.originX + emX * placement.scaleX,
    y: placement.originY + emY * placement.scaleY,
  }
}

/**
 * The scribe's strokes for the placed glyphs, in writing order (each glyph's strokes in order,
 * glyphs in reading order), timed from 0 ms. `sampleAspect` is the sample's width ÷ height.
 */
export function scribeStrokes(
  glyphs: readonly PlacedGlyph[],
  strokeData: Readonly<Record<string, CharacterStrokeData>>,
  sampleAspect: number,
): BrushPoint[][] {
  const strokes: BrushPoint[][] = []
  let timeMs = 0
  for (const glyph of glyphs) {
    const data = strokeData[glyph.character]
    if (!data) continue
    const speedPerMs = (glyphSizesPerSecond * glyph.size) / 1000
    const placement = glyphEmPlacement(glyph, data, sampleAspect)
    for (const median of data.medians) {
      const points: BrushPoint[] = []
      let previous: { x: number; y: number } | undefined
      for (const [emX = 0, emY = 0] of median) {
        const point = emToWriting(emX, emY, placement)
        if (previous) timeMs += Math.hypot(point.x - previous.x, point.y - previous.y) / speedPerMs
        points.push({ ...point, timeMs })
        previous = point
      }
      strokes.push(points)
      timeMs += pauseBetweenStrokesMs
    }
  }
  return strokes
}
