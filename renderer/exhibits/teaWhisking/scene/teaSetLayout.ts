import { Vector3 } from 'three'
import type { ContactShadow } from './tableTop'

/**
 * Where the tea set stands on the table, in cm with the bowl's axis at the origin (x to the
 * visitor's right, z towards the visitor). The bowl on its stand never moves; the rest is laid
 * out for the screen's shape, as a tea servant would set a wide table or a narrow one.
 */
export interface TeaSetLayout {
  readonly ewerHome: Vector3
  readonly caddy: Vector3
  /** The caddy's lid, set down upside down beside it. */
  readonly caddyLid: Vector3
  /** Where the tea spoon's bowl lies; its handle runs off to the left. */
  readonly spoon: Vector3
  readonly whiskHome: Vector3
  /** How far the camera looks down on the table, degrees above the horizontal. */
  readonly elevationDegrees: number
}

/**
 * A wide screen: the set in a row across the table, the caddy and whisk to the left of the bowl
 * and the ewer to its right, its spout towards the bowl; the ewer and caddy stand far enough out
 * that a finger at the bowl's rim is never within their touch circles.
 */
export const landscapeTeaSet: TeaSetLayout = {
  ewerHome: new Vector3(14, 0, -1.5),
  caddy: new Vector3(-12, 0, -3),
  caddyLid: new Vector3(-16.4, 0, -5.6),
  spoon: new Vector3(-10, 0.25, 10.5),
  whiskHome: new Vector3(-9, 0, 6),
  elevationDegrees: 56,
}

/**
 * A tall screen: the set runs up the picture as in a hanging scroll. The ewer stands behind the
 * bowl and to its right, far enough back that its spout (in profile, over the table) clears the
 * bowl's far rim and a finger stirring at that rim is nowhere near it; the caddy with its lid
 * and spoon stands in front to the left and the whisk in front to the right, low enough not to
 * hide the stand. (Walking the camera round the wide row instead put the ewer over the rim.)
 */
export const portraitTeaSet: TeaSetLayout = {
  ewerHome: new Vector3(7.5, 0, -18),
  caddy: new Vector3(-6, 0, 12.5),
  caddyLid: new Vector3(-10.6, 0, 9.8),
  spoon: new Vector3(-3, 0.25, 16.4),
  whiskHome: new Vector3(7.5, 0, 12.5),
  elevationDegrees: 60,
}

/** The layout for a screen `aspect` (width / height) wide. */
export function teaSetLayoutFor(aspect: number): TeaSetLayout {
  return aspect < 1 ? portraitTeaSet : landscapeTeaSet
}

/**
 * The soft shadows the set casts on the table where it stands (the table bakes them into its
 * shader): a dark heart under each piece and a wider, paler skirt under the bowl and the ewer.
 */
export function contactShadowsOf(layout: TeaSetLayout): ContactShadow[] {
  const at = (place: Vector3, radiusCm: number, strength: number, dxCm = 0, dzCm = 0) => ({
    xCm: place.x + dxCm,
    zCm: place.z + dzCm,
    radiusCm,
    strength,
  })
  const origin = new Vector3()
  return [
    at(origin, 9.6, 0.45),
    at(origin, 14, 0.2),
    at(layout.ewerHome, 5.4, 0.45),
    at(layout.ewerHome, 9, 0.2),
    at(layout.caddy, 4.2, 0.45),
    at(layout.caddyLid, 3.8, 0.3),
    at(layout.whiskHome, 3.2, 0.42),
    // Under the spoon's handle, which runs to the left of its bowl.
    at(layout.spoon, 2.4, 0.22, -3, -0.5),
  ]
}

/** A box on the table, cm, that one piece of the set fills (for framing it). */
interface PieceBox {
  readonly min: Vector3
  readonly max: Vector3
}

const boxAround = (
  place: Vector3,
  fromX: number,
  toX: number,
  halfDepth: number,
  height: number,
): PieceBox => ({
  min: new Vector3(place.x + fromX, place.y, place.z - halfDepth),
  max: new Vector3(place.x + toX, place.y + height, place.z + halfDepth),
})

/**
 * The corners of the boxes the set fills in `layout` (sizes from teaTableMeshes.ts: the stand's
 * flange, the bowl's rim, the ewer from spout tip to handle and up to its lid's knob, the caddy
 * and lid, the whisk, the spoon's handle): what the camera must keep in the frame.
 */
export function teaSetOutlineCm(layout: TeaSetLayout): Vector3[] {
  const origin = new Vector3()
  const boxes: PieceBox[] = [
    boxAround(origin, -8, 8, 8, 2.2),
    boxAround(origin, -6.2, 6.2, 6.2, 8.5),
    boxAround(layout.ewerHome, -9.3, 5.9, 4, 14.9),
    boxAround(layout.caddy, -2.8, 2.8, 2.8, 2.5),
    boxAround(layout.caddyLid, -3, 3, 3, 1),
    boxAround(layout.whiskHome, -2.4, 2.4, 2.4, 10.2),
    boxAround(layout.spoon, -9.5, 1.5, 1.5, 0.4),
  ]
  return boxes.flatMap(({ min, max }) =>
    [0, 1, 2, 3, 4, 5, 6, 7].map(
      (i) => new Vector3(i & 1 ? max.x : min.x, i & 2 ? max.y : min.y, i & 4 ? max.z : min.z),
    ),
  )
}
