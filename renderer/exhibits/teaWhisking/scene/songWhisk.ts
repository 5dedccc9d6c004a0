import { BufferGeometry, Float32BufferAttribute } from 'three'
import type { ProfilePoint } from './bowlProfile'

/**
 * The tines of a Song tea whisk (茶筅), as 大观茶论·筅 describes it and 刘松年《撵茶图》 shows it:
 * old 筋竹 bamboo split into few, stiff tines, "thick at the root and tapering to the tip, like a
 * sword's spine" (本欲壮而末必眇，当如剑瘠之状). Each tine is a four-faced blade with a ridge down
 * its back, so it catches light on one face and shade on the other and reads as a separate tine at
 * any distance; unlike a modern chasen's hundred fine curled tips. All in one geometry (one draw
 * call), cm, the tips at y = 0 and the roots at `tineRootYCm` under the body.
 */
export interface SongWhiskTines {
  readonly geometry: BufferGeometry
  readonly triangles: number
}

/** Where the tines leave the body, cm above their tips. */
export const tineRootYCm = 5

/** Height of the body's top (the culm's cut end), cm above the tips. */
const bodyTopYCm = 12.4
/** Where the split into tines reaches up the body, cm above the tips. */
const splitTopYCm = tineRootYCm + 1.5
/** The bamboo's node (竹节): the raised ring round the culm, its middle cm above the tips. */
const nodeYCm = 9.2

/**
 * The whisk's body as a lathe profile (bottom → top, cm), and where its bands lie along the
 * lathe (as v, 0 at the first point, 1 at the last), for the bamboo skin painted on it
 * (teaTextures.ts `paintBambooSkin`): the split zone that runs down into the tines, the node,
 * and the cut top. A heavy culm, a little narrower at its cut end.
 */
export function songWhiskBodyProfile(): {
  points: ProfilePoint[]
  splitTopV: number
  nodeV: number
  topV: number
} {
  const points: ProfilePoint[] = [
    { r: 0, y: tineRootYCm - 0.4 },
    { r: 1.3, y: tineRootYCm - 0.4 },
    { r: 1.55, y: tineRootYCm + 0.3 },
    { r: 1.58, y: splitTopYCm },
    { r: 1.56, y: nodeYCm - 0.3 },
    { r: 1.72, y: nodeYCm },
    { r: 1.55, y: nodeYCm + 0.3 },
    { r: 1.5, y: bodyTopYCm - 0.15 },
    { r: 1.38, y: bodyTopYCm },
    { r: 0, y: bodyTopYCm },
  ]
  const last = points.length - 1
  return { points, splitTopV: 3 / last, nodeV: 5 / last, topV: 8 / last }
}

/** Tines in the outer ring: a dozen, not a chasen's hundred. */
export const outerTineCount = 12

/** One ring of tines: how many, where they start and end, how thick at the root. */
interface TineRing {
  readonly count: number
  readonly rootRadiusCm: number
  readonly tipRadiusCm: number
  readonly tipYCm: number
  readonly rootWidthCm: number
  readonly angleOffset: number
}

/**
 * An outer ring splayed a little and a shorter inner one, sparse as the painting shows them: a
 * dozen broad blades round a thick culm, wide enough apart that each reads as its own tine from
 * across the table (a modern chasen's fine tips shimmer into a haze of dots at that distance).
 */
const rings: readonly TineRing[] = [
  {
    count: outerTineCount,
    rootRadiusCm: 1.3,
    tipRadiusCm: 2.35,
    tipYCm: 0,
    rootWidthCm: 0.62,
    angleOffset: 0,
  },
  {
    count: 6,
    rootRadiusCm: 0.7,
    tipRadiusCm: 1.35,
    tipYCm: 0.35,
    rootWidthCm: 0.55,
    angleOffset: Math.PI / 12,
  },
]
/** Segments along a tine: enough for its slight outward bow. */
const segments = 4
/** Width at the tip as a share of the root's: the sword's point. */
const tipShare = 0.15

/** Builds the tines (flat-shaded facets: the ridge is a crease, not a smoothed curve). */
export function songWhiskTines(): SongWhiskTines {
  const positions: number[] = []
  for (const ring of rings) {
    for (let i = 0; i < ring.count; i++) {
      const angle = ring.angleOffset + (i / ring.count) * Math.PI * 2
      const cos = Math.cos(angle)
      const sin = Math.sin(angle)
      // The blade's four edges at each station along it: ridge out, side, inner back, side.
      const stations: number[][][] = []
      for (let s = 0; s <= segments; s++) {
        const t = s / segments
        const bow = 0.12 * Math.sin(Math.PI * t)
        const radius = ring.rootRadiusCm + (ring.tipRadiusCm - ring.rootRadiusCm) * t + bow
        const y = tineRootYCm + (ring.tipYCm - tineRootYCm) * t
        const half = (ring.rootWidthCm / 2) * (1 - (1 - tipShare) * t)
        const depth = half * 0.8
        const cx = cos * radius
        const cz = sin * radius
        stations.push([
          [cx + cos * depth, y, cz + sin * depth],
          [cx - sin * half, y, cz + cos * half],
          [cx - cos * depth * 0.5, y, cz - sin * depth * 0.5],
          [cx + sin * half, y, cz - cos * half],
        ])
      }
      for (let s = 0; s < segments; s++) {
        const upper = stations[s]!
        const lower = stations[s + 1]!
        for (let k = 0; k < 4; k++) {
          const a = upper[k]!
          const b = upper[(k + 1) % 4]!
          const c = lower[(k + 1) % 4]!
          const d = lower[k]!
          // Counter-clockwise seen from outside, so the faces are front faces.
          positions.push(...a, ...b, ...d, ...b, ...c, ...d)
        }
      }
      // The point: the last station's four edges meet a little below it.
      const last = stations[segments]!
      const tip = [
        cos * (ring.tipRadiusCm + 0.02),
        ring.tipYCm - 0.15,
        sin * (ring.tipRadiusCm + 0.02),
      ]
      for (let k = 0; k < 4; k++) positions.push(...last[k]!, ...last[(k + 1) % 4]!, ...tip)
    }
  }
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3))
  geometry.computeVertexNormals()
  return { geometry, triangles: positions.length / 9 }
}
