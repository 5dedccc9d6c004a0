/**
 * The Jian bowl's shape in centimetres (a 束口 tea bowl about 12 cm across and 6.5 cm tall), as
 * a lathe profile, plus what the scene needs to know about its inside: the radius at a height,
 * and the height a given fill reaches. Pure numbers, no three.
 */

/** A point of a lathe profile: distance from the axis and height, in cm. */
export interface ProfilePoint {
  readonly r: number
  readonly y: number
}

export const bowlRimRadiusCm = 6.1
export const bowlHeightCm = 6.6
const innerBottomY = 1.3
const innerTopY = 6.35

/** Radius of the inner wall at height `y` (cm above the foot), for y within the inside. */
export function innerRadiusAt(y: number): number {
  const t = Math.min(1, Math.max(0, (y - innerBottomY) / (innerTopY - innerBottomY)))
  return 0.9 + 4.95 * Math.pow(t, 0.62)
}

/** The widest the inside gets (at the rim), cm. */
export const innerRimRadiusCm = innerRadiusAt(innerTopY)

/** Height (cm above the foot) where the inner wall is `radiusCm` from the axis. */
export function innerWallHeightAt(radiusCm: number): number {
  const t = Math.pow(Math.min(1, Math.max(0, (radiusCm - 0.9) / 4.95)), 1 / 0.62)
  return innerBottomY + t * (innerTopY - innerBottomY)
}

function outerRadiusAt(y: number): number {
  const t = Math.min(1, Math.max(0, (y - 0.9) / (6.3 - 0.9)))
  return 2.35 + 3.8 * Math.pow(t, 0.7)
}

/**
 * Where the glaze stops on the outer wall, cm above the foot: a Jian bowl was dipped short of its
 * foot, so a band of the bare dark iron body shows beneath the glaze's thick drip line.
 */
const glazeEndCm = 1.5

/**
 * The profile for a LatheGeometry, ordered foot → outer wall → rim → inner wall → centre so the
 * normals face outwards. Also returns where the bands of glaze lie along it (as the lathe's v):
 * the top of the foot ring, where the glaze stops above it, and the rim.
 */
export function jianBowlProfile(): {
  points: ProfilePoint[]
  footTopV: number
  glazeEndV: number
  rimV: number
} {
  const points: ProfilePoint[] = [
    { r: 0, y: 0.55 },
    { r: 1.6, y: 0.55 },
    { r: 1.75, y: 0 },
    { r: 2.1, y: 0 },
    { r: 2.25, y: 0.85 },
  ]
  const footTopIndex = points.length - 1
  const outerSteps = 18
  for (let i = 0; i <= outerSteps; i++) {
    const y = 0.9 + ((6.3 - 0.9) * i) / outerSteps
    points.push({ r: outerRadiusAt(y), y })
  }
  // The lip: a slight inward turn of the 束口 rim, then over the top.
  const glazeEndIndex = points.findIndex(
    (point, index) => index > footTopIndex && point.y >= glazeEndCm,
  )
  points.push({ r: 6.12, y: 6.5 }, { r: 6.02, y: bowlHeightCm }, { r: 5.88, y: 6.45 })
  const rimIndex = points.length - 2
  const innerSteps = 22
  for (let i = innerSteps; i >= 0; i--) {
    const y = innerBottomY + ((innerTopY - 0.05 - innerBottomY) * i) / innerSteps
    points.push({ r: innerRadiusAt(y), y })
  }
  points.push({ r: 0.45, y: innerBottomY - 0.05 }, { r: 0, y: innerBottomY - 0.06 })
  const last = points.length - 1
  return {
    points,
    footTopV: footTopIndex / last,
    glazeEndV: glazeEndIndex / last,
    rimV: rimIndex / last,
  }
}

const volumeSteps = 200
/** Cumulative volume of the inside from the bottom up, sampled evenly in height. */
const cumulativeVolume: number[] = (() => {
  const dy = (innerTopY - innerBottomY) / volumeSteps
  const volumes = [0]
  for (let i = 0; i < volumeSteps; i++) {
    const r = innerRadiusAt(innerBottomY + (i + 0.5) * dy)
    volumes.push(volumes[i]! + Math.PI * r * r * dy)
  }
  return volumes
})()

/** The bowl's capacity in millilitres (cm³). */
export const bowlCapacityMl = cumulativeVolume[volumeSteps]!

/** Height (cm above the foot) of the liquid surface when the bowl is `fillFraction` full. */
export function surfaceHeightForFill(fillFraction: number): number {
  const target = Math.min(1, Math.max(0, fillFraction)) * bowlCapacityMl
  let i = 0
  while (i < volumeSteps && cumulativeVolume[i + 1]! < target) i++
  const below = cumulativeVolume[i]!
  const above = cumulativeVolume[Math.min(volumeSteps, i + 1)]!
  const t = above > below ? (target - below) / (above - below) : 0
  return innerBottomY + ((i + t) / volumeSteps) * (innerTopY - innerBottomY)
}

/** The bottom of the inside, where the powder lies. */
export const innerBottomHeightCm = innerBottomY
