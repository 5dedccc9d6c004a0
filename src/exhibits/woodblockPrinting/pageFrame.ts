import { createBitmap, type Bitmap, type CellRect } from './bitmap'

/**
 * The 版框 (边栏) of a Song page: the heavy rule round the text block, doubled by a fine one on
 * the left and right (左右双边, as most Southern Song Zhejiang editions have it). The sample is
 * ruled with it, so it is written, transferred and carved with the text: on the block it is
 * standing wood like a stroke (the chisel stops at it, the knife can nick it) and it prints.
 * Sizes are shares of the face's shorter side, so every block, a single character or a verse,
 * gets the same weight of rule; each rule is at least two cells, so it survives the carving grid.
 */

/** The outer rule's distance from the face's edge, its weight, and the inner rule's gap and weight. */
const outerInsetShare = 0.022
const outerWeightShare = 0.014
const innerGapShare = 0.012
const innerWeightShare = 0.008
const minRuleCells = 2

const cells = (share: number, shortSide: number, least: number) =>
  Math.max(least, Math.round(share * shortSide))

/** The frame's rules on a face `width` × `height` cells, as rectangles in cells (x1, y1 exclusive). */
export function pageFrameRules(width: number, height: number): CellRect[] {
  const shortSide = Math.min(width, height)
  const inset = cells(outerInsetShare, shortSide, 1)
  const outer = cells(outerWeightShare, shortSide, minRuleCells)
  const gap = cells(innerGapShare, shortSide, 1)
  const inner = cells(innerWeightShare, shortSide, minRuleCells)
  const left = inset
  const right = width - inset
  const top = inset
  const bottom = height - inset
  const innerTop = top + outer
  const innerBottom = bottom - outer
  return [
    // The outer rule: top, bottom, left, right.
    { x0: left, y0: top, x1: right, y1: top + outer },
    { x0: left, y0: bottom - outer, x1: right, y1: bottom },
    { x0: left, y0: top, x1: left + outer, y1: bottom },
    { x0: right - outer, y0: top, x1: right, y1: bottom },
    // The fine inner rules of 左右双边, inside the outer one on the left and on the right.
    { x0: left + outer + gap, y0: innerTop, x1: left + outer + gap + inner, y1: innerBottom },
    { x0: right - outer - gap - inner, y0: innerTop, x1: right - outer - gap, y1: innerBottom },
  ]
}

/** The frame as a bitmap of the face (1 on a rule, else 0). */
export function pageFrameBitmap(width: number, height: number): Bitmap {
  const frame = createBitmap(width, height)
  for (const rule of pageFrameRules(width, height)) {
    for (let y = Math.max(0, rule.y0); y < Math.min(height, rule.y1); y++)
      frame.data.fill(1, y * width + Math.max(0, rule.x0), y * width + Math.min(width, rule.x1))
  }
  return frame
}

/** The frame's width inside the face's edge, in cells: text laid out inside it stays clear of it. */
export function pageFrameReachCells(width: number, height: number): number {
  const shortSide = Math.min(width, height)
  return (
    cells(outerInsetShare, shortSide, 1) +
    cells(outerWeightShare, shortSide, minRuleCells) +
    cells(innerGapShare, shortSide, 1) +
    cells(innerWeightShare, shortSide, minRuleCells)
  )
}
