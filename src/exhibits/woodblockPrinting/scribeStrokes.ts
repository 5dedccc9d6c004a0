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
 * thirteenth as wide, as lean as the 欧体 of the Zhejiang editions (a tenth read as blobby).
 */
export function brushTuningForGlyph(glyphSize: number): Partial<BrushTuning> {
  return { radius: 0.038 * glyphSize, referenceSpeed: glyphSize, dryAfterLength: 4 * glyphSize }
}

/** Maps a point of hanzi-writer's em into writing space for the glyph's cell. */
export function emToWriting(
  emX: number,
  emY: number,
  glyph: PlacedGlyph,
  sampleAspect: number,
): { x: number; y: number } {
  const left = glyph.centerX * sampleAspect - glyph.size / 2
  const top = glyph.centerY - glyph.size / 2
  return {
    x: left + (emX / emUnits) * glyph.size,
    y: top + ((emBaseline - emY) / emUnits) * glyph.size,
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
    for (const median of data.medians) {
      const points: BrushPoint[] = []
      let previous: { x: number; y: number } | undefined
      for (const [emX = 0, emY = 0] of median) {
        const point = emToWriting(emX, emY, glyph, sampleAspect)
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
