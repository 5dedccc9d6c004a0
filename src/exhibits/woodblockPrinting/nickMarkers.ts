import type { CarvingNick } from './carvingField'

/**
 * Where the print screen marks the nicks a cut left in the strokes, so the visitor sees what the
 * verdict's "a stroke is nicked" means: a small cinnabar circle round each place, with the word
 * beside it. Pure: sheet cells in, circles and label anchors (sheet cells) out.
 */

/** One marked place on the printed sheet, in sheet cells (x to the right, y down). */
export interface NickMarker {
  readonly centreX: number
  readonly centreY: number
  readonly radiusCells: number
  /** Which side of the circle the word stands: the side with room on the sheet. */
  readonly labelSide: 'left' | 'right'
}

/** Nicks closer than this (cells) are one place, one circle. */
const sameNickCells = 10
/** Room kept round a nick inside its circle, cells. */
const ringPaddingCells = 4
/** A visitor reads a handful of marks, not a scatter: the largest places first. */
const maxMarkers = 3

/**
 * The circles for a carving's nicks on the printed sheet. The sheet is the block's mirror image
 * (printed face up), so a nick at block column x prints at `sheetWidth − 1 − x`.
 */
export function nickMarkers(
  blockNicks: readonly CarvingNick[],
  sheetWidth: number,
  sheetHeight: number,
): NickMarker[] {
  const places: { cells: { x: number; y: number }[] }[] = []
  for (const nick of blockNicks) {
    const cell = { x: sheetWidth - 1 - nick.x, y: nick.y }
    const place = places.find((candidate) =>
      candidate.cells.some(
        (other) => Math.hypot(other.x - cell.x, other.y - cell.y) <= sameNickCells,
      ),
    )
    if (place) place.cells.push(cell)
    else places.push({ cells: [cell] })
  }
  return places
    .sort((a, b) => b.cells.length - a.cells.length)
    .slice(0, maxMarkers)
    .map(({ cells }) => {
      const centreX = cells.reduce((sum, cell) => sum + cell.x, 0) / cells.length
      const centreY = cells.reduce((sum, cell) => sum + cell.y, 0) / cells.length
      const reach = Math.max(...cells.map((cell) => Math.hypot(cell.x - centreX, cell.y - centreY)))
      const radiusCells = Math.min(reach + ringPaddingCells, Math.min(sheetWidth, sheetHeight) / 4)
      return {
        centreX: clamp(centreX, 0, sheetWidth - 1),
        centreY: clamp(centreY, 0, sheetHeight - 1),
        radiusCells,
        labelSide: centreX > sheetWidth * 0.6 ? 'left' : 'right',
      }
    })
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}
