/** One character placed on the sample sheet, in coordinates 0–1 of the sheet as read. */
export interface PlacedGlyph {
  readonly character: string
  /** Centre, x 0–1 left to right, y 0–1 top to bottom. */
  readonly centerX: number
  readonly centerY: number
  /** Cell size as a fraction of the sheet's height. */
  readonly size: number
}

/** How a block's text is laid out, Song-book fashion: columns top to bottom, right to left. */
export interface BlockLayout {
  readonly columns: number
  readonly rows: number
  /** Width ÷ height of the block face. */
  readonly aspect: number
  readonly glyphs: readonly PlacedGlyph[]
}

/**
 * Margin around the text, in cells: just clear of the 版框's rules (pageFrame.ts), so a
 * character stands the height of its 界行 column as on a Song page (0.35 left a single character
 * small in the middle of its frame, and a visitor wrote it larger than the model).
 */
const marginCells = 0.16

/** Splits text into characters, dropping spaces and punctuation (blocks carve the words only). */
export function carvedCharacters(text: string): string[] {
  return Array.from(text).filter((c) => /[\p{L}\p{N}]/u.test(c))
}

/**
 * Lays out `text` in columns read top to bottom, the first column on the right, roughly twice as
 * tall as it is wide for a line of verse and a single square cell for one character.
 */
export function layoutBlockText(text: string): BlockLayout {
  const characters = carvedCharacters(text)
  if (characters.length === 0)
    throw new RangeError(`Block text "${text}" has no characters to carve`)
  const columns = Math.max(1, Math.round(Math.sqrt(characters.length / 2)))
  const rows = Math.ceil(characters.length / columns)
  const widthCells = columns + 2 * marginCells
  const heightCells = rows + 2 * marginCells
  const glyphs = characters.map((character, index) => {
    const column = Math.floor(index / rows)
    const row = index % rows
    return {
      character,
      centerX: (widthCells - marginCells - column - 0.5) / widthCells,
      centerY: (marginCells + row + 0.5) / heightCells,
      size: 1 / heightCells,
    }
  })
  return { columns, rows, aspect: widthCells / heightCells, glyphs }
}

/** The model's grid for a block face of this aspect: the long side gets `longSideCells`. */
export function gridSizeFor(
  aspect: number,
  longSideCells = 256,
): { width: number; height: number } {
  if (!(aspect > 0)) throw new RangeError(`A block aspect must be positive, got ${aspect}`)
  return aspect >= 1
    ? { width: longSideCells, height: Math.max(1, Math.round(longSideCells / aspect)) }
    : { width: Math.max(1, Math.round(longSideCells * aspect)), height: longSideCells }
}
