/**
 * 上版: the written sample lies face down on the pasted block and the visitor rubs its back; where
 * it is rubbed the paper comes away and the writing stays on the wood, reversed. These are the
 * pure parts the scene draws from: which cell of the face-down sheet lies over a cell of the block,
 * and how much paper a rub leaves there. See docs/woodblock-stations.md.
 */

/** The sample sheet in model cells: the writing area (the block face) and the paper round it. */
export interface SampleSheetCells {
  readonly gridWidth: number
  readonly gridHeight: number
  /** Paper round the writing area on three sides (the 版心 strip lies beyond its far side). */
  readonly marginCells: number
}

/** A cell of the sheet as it was written (x from the sheet's edge by the block, y from its top). */
export interface SheetCell {
  readonly x: number
  readonly y: number
}

/**
 * The cell of the face-down sample over block cell (`blockX`, `blockY`). The sheet turned over
 * the block's right edge, so its writing area lies on the face mirrored left to right: the block's
 * left column carries the sheet's rightmost written column.
 */
export function sheetCellOverBlock(
  blockX: number,
  blockY: number,
  sheet: SampleSheetCells,
): SheetCell {
  return { x: sheet.marginCells + (sheet.gridWidth - 1 - blockX), y: sheet.marginCells + blockY }
}

/** Rubbing (0–1) at which the first fibres give way, and at which the paper is all gone. */
const paperGivesWayAt = 0.1
const paperGoneAt = 0.45

/**
 * How much of the sample's paper (1 = whole, 0 = rubbed away) is left on a cell rubbed by
 * `rubbing` (0–1). `fibre` (0–1, the paper's own unevenness at the cell) moves the edge a little,
 * so the rubbed patch ends raggedly along the fibres instead of along the brush's circle.
 */
export function paperLeftAfterRub(rubbing: number, fibre = 0.5): number {
  const shifted = rubbing + 0.16 * (fibre - 0.5)
  const t = Math.max(0, Math.min(1, (shifted - paperGivesWayAt) / (paperGoneAt - paperGivesWayAt)))
  return 1 - t * t * (3 - 2 * t)
}
