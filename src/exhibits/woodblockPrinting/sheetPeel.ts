/**
 * 揭纸: the printed sheet is peeled off the block from its free edge. The sheet does not turn as a
 * rigid board: the part past a fold line rolls over a small curl and lies back over the rest, and
 * the fold line travels towards the hinged edge as the finger pulls. Pure geometry in the sheet's
 * own frame (x across from the edge that stays down, height above the block).
 */

/**
 * How far (0–1) the peel has gone when the finger has pulled the free edge `pulledUnits` back
 * towards the held edge across a sheet `sheetWidthUnits` wide. Folding a sheet flat over itself
 * moves its free edge twice as far as its fold line, so the edge follows the finger while the fold
 * line (the progress) moves half as fast. Pulling the other way peels nothing.
 */
export function peelProgressFromPull(pulledUnits: number, sheetWidthUnits: number): number {
  if (!(sheetWidthUnits > 0)) return 0
  return Math.max(0, Math.min(1, pulledUnits / (2 * sheetWidthUnits)))
}

/** Where a point of the sheet is once peeled: across (sheet units) and lifted above the block. */
export interface PeeledPoint {
  readonly across: number
  readonly lift: number
}

/**
 * The angle (radians above the block) at which the peeled part leaves the curl and rises towards
 * the hand that holds its edge. Laid flat back over the sheet, the printed face met the block's
 * inked strokes at the fold as their mirror image and read as the block's ink drawn over the
 * paper; rising, it is plainly a sheet in the hand.
 */
export const peelRiseRadians = (20 * Math.PI) / 180

/**
 * Where the sheet's point `across` units from its held edge lies when a sheet `sheetWidthUnits`
 * wide is peeled to `progress` (0–1) over a curl of `curlRadiusUnits`. Before the fold line the
 * sheet lies flat; past it, it rolls round the curl until it heads back over the rest, rising at
 * {@link peelRiseRadians}, printed face up, and runs on straight to its free edge.
 */
export function peeledPoint(
  across: number,
  sheetWidthUnits: number,
  progress: number,
  curlRadiusUnits: number,
): PeeledPoint {
  const foldAt = sheetWidthUnits * (1 - Math.max(0, Math.min(1, progress)))
  const beyond = across - foldAt
  if (beyond <= 0 || curlRadiusUnits <= 0) return { across, lift: 0 }
  const curlAngle = Math.PI - peelRiseRadians
  const curlLength = curlAngle * curlRadiusUnits
  if (beyond < curlLength) {
    const angle = beyond / curlRadiusUnits
    return {
      across: foldAt + curlRadiusUnits * Math.sin(angle),
      lift: curlRadiusUnits * (1 - Math.cos(angle)),
    }
  }
  const straight = beyond - curlLength
  return {
    across: foldAt + curlRadiusUnits * Math.sin(curlAngle) - straight * Math.cos(peelRiseRadians),
    lift: curlRadiusUnits * (1 - Math.cos(curlAngle)) + straight * Math.sin(peelRiseRadians),
  }
}
