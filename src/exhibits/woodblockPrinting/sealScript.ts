/**
 * The seal's characters in seal script (小篆), as a Song or Yuan seal cutter would have cut them,
 * drawn as even-width lines rather than set in a modern type face. Each glyph is a few polylines
 * on a 16 × 16 grid (x to the right, y down), after the small-seal forms of 說文解字: 宋 is 宀 over
 * 木 (the tree's branches turned up, its roots down); 韵 is cut in its seal form 韻, 音 beside 員.
 * Pure data and layout: printCanvas.ts strokes the lines in cinnabar (朱文).
 */

/** A glyph's polylines on its 16 × 16 grid. */
export type SealGlyph = readonly (readonly (readonly [number, number])[])[]

const song: SealGlyph = [
  [
    [8, 0.5],
    [8, 2.6],
  ],
  [
    [1.5, 7],
    [1.5, 4],
    [2.5, 3],
    [13.5, 3],
    [14.5, 4],
    [14.5, 7],
  ],
  [
    [8, 4.6],
    [8, 15.5],
  ],
  [
    [3.5, 5.4],
    [3.5, 7.6],
    [4.6, 8.6],
    [11.4, 8.6],
    [12.5, 7.6],
    [12.5, 5.4],
  ],
  [
    [8, 10.6],
    [4.6, 12],
    [3.5, 13.2],
    [3.5, 15.5],
  ],
  [
    [8, 10.6],
    [11.4, 12],
    [12.5, 13.2],
    [12.5, 15.5],
  ],
]

const yun: SealGlyph = [
  // 音: a dot, the two rules with the strokes between them, and 口 holding one stroke.
  [
    [3.6, 0.5],
    [3.6, 2],
  ],
  [
    [0.6, 2.6],
    [6.6, 2.6],
  ],
  [
    [2.1, 3.6],
    [2.6, 5.4],
  ],
  [
    [5.1, 3.6],
    [4.6, 5.4],
  ],
  [
    [0.4, 6.2],
    [6.8, 6.2],
  ],
  [
    [1, 8],
    [6.2, 8],
    [6.2, 15.5],
    [1, 15.5],
    [1, 8],
  ],
  [
    [2.6, 11.8],
    [4.6, 11.8],
  ],
  // 員: 口 over 貝, whose two legs splay out below.
  [
    [9.6, 0.5],
    [14.6, 0.5],
    [14.6, 3.4],
    [9.6, 3.4],
    [9.6, 0.5],
  ],
  [
    [9, 5],
    [15.2, 5],
    [15.2, 13],
    [9, 13],
    [9, 5],
  ],
  [
    [9, 7.7],
    [15.2, 7.7],
  ],
  [
    [9, 10.3],
    [15.2, 10.3],
  ],
  [
    [10.6, 13],
    [9.2, 15.5],
  ],
  [
    [13.6, 13],
    [15, 15.5],
  ],
]

/** The characters this kiosk's seals use, by character (simplified and traditional alike). */
const sealGlyphs: ReadonlyMap<string, SealGlyph> = new Map([
  ['宋', song],
  ['韵', yun],
  ['韻', yun],
])

/** Whether every character of `text` has a seal-script glyph here. */
export function hasSealGlyphs(text: string): boolean {
  return Array.from(text).every((character) => sealGlyphs.has(character))
}

/** A glyph placed in the seal: its polylines in pixels of the seal's square, from its top left. */
export interface PlacedSealGlyph {
  readonly character: string
  readonly lines: readonly (readonly (readonly [number, number])[])[]
}

/**
 * Lays `text` out in a square seal `sizePx` wide, inside its border: the characters stand in
 * columns read from the right, top to bottom (two characters: one tall column each, the first on
 * the right; three or four: two a column). A character with no glyph here is an error naming it.
 */
export function layOutSeal(text: string, sizePx: number): PlacedSealGlyph[] {
  const characters = Array.from(text)
  const missing = characters.filter((character) => !sealGlyphs.has(character))
  if (missing.length > 0 || characters.length === 0 || characters.length > 4) {
    throw new RangeError(
      `The seal "${text}" cannot be cut in seal script: ${
        missing.length > 0
          ? `no glyph for ${missing.join(', ')} (add it to sealScript.ts)`
          : 'a seal holds one to four characters'
      }`,
    )
  }
  const columns = Math.min(2, characters.length)
  const rows = Math.ceil(characters.length / columns)
  // The border's width and a little air inside it are kept clear.
  const inset = sizePx * 0.14
  const gap = sizePx * 0.05
  const cellWidth = (sizePx - 2 * inset - gap * (columns - 1)) / columns
  const cellHeight = (sizePx - 2 * inset - gap * (rows - 1)) / rows
  return characters.map((character, index) => {
    const column = Math.floor(index / rows)
    const row = index % rows
    const left = sizePx - inset - (column + 1) * cellWidth - column * gap
    const top = inset + row * (cellHeight + gap)
    return {
      character,
      lines: sealGlyphs
        .get(character)!
        .map((line) =>
          line.map(([x, y]) => [left + (x / 16) * cellWidth, top + (y / 16) * cellHeight] as const),
        ),
    }
  })
}
