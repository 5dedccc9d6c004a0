import type { FoamState } from './foamModel'
import { rimHold } from './teaVerdict'

/**
 * What the foam shows where it meets the bowl's wall, in the terms the scene draws it: the two
 * marks a Song tea contest judged there.
 * - 咬盏: foam "周回凝而不动", set all round the rim and still, so the white runs right up to the
 *   black glaze in one clean, slightly raised ring;
 * - the water line (水痕): the foam lets go of the wall and a dark ring of tea shows between the
 *   white and the glaze. 茶录: "以水痕先者为负", the first water line loses.
 */
export interface FoamRimLook {
  /** 0–1: how strongly the 咬盏 collar shows (a whiter, finer, raised ring against the wall). */
  readonly collarOpacity: number
  /** Where the collar begins, in surface radii from the centre (it runs out to the wall). */
  readonly collarInnerRadius: number
  /** How high the collar climbs the wall, as a share of a full foam's thickness. */
  readonly collarLift: number
  /** Where the foam ends, in surface radii: 1 reaches the wall; less has let go of it. */
  readonly foamEdgeRadius: number
  /** 0–1: how dark the ring of tea between the foam's edge and the glaze shows (水痕). */
  readonly waterLineOpacity: number
}

/** The collar shows from this 咬盏 (rimHold) and is full where the judge counts the bowl bitten. */
const collarFromHold = 0.3
const collarFullHold = 0.55
/** The collar's width at full 咬盏, in surface radii. */
const collarWidth = 0.13
/** How far a fully shown water line has pulled the foam back from the wall, in surface radii. */
export const waterLineRecedeRadii = 0.11
/** The collar climbs the wall by this share of a full foam's thickness. */
const collarFullLift = 0.35

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))
const smoothstep = (from: number, to: number, x: number) => {
  const t = clamp01((x - from) / (to - from))
  return t * t * (3 - 2 * t)
}

/**
 * The rim as the picture must show it for `state` (the foam model's) when the water line has come
 * `waterLine` (0 not yet … 1 fully) of the way. Pure, so the mapping from model to picture is
 * tested without a GPU: a bitten bowl shows a full collar and no dark ring; once the water line
 * comes the collar goes and the foam draws back from the wall.
 */
export function foamRimLook(state: FoamState, waterLine: number): FoamRimLook {
  const line = clamp01(waterLine)
  const hold = Math.min(1, rimHold(state))
  const collar = smoothstep(collarFromHold, collarFullHold, hold) * (1 - line)
  // No foam, no line: bare tea shows no mark of foam letting go. Any real foam, even the sparse
  // islands of a poor bowl, shows the whole ring: that early line is what lost the contest.
  const hasFoamToRecede = smoothstep(0.02, 0.12, state.coverage)
  return {
    collarOpacity: collar,
    collarInnerRadius: 1 - collarWidth * (0.5 + 0.5 * collar),
    collarLift: collarFullLift * collar,
    foamEdgeRadius: 1 - waterLineRecedeRadii * line * hasFoamToRecede,
    waterLineOpacity: line * hasFoamToRecede,
  }
}
