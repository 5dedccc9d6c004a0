import { seededRandom } from '../../random/seededRandom'

/** A branch segment of the plum motif, in coordinates 0–1 of a square block face. */
export interface PlumBranch {
  readonly fromX: number
  readonly fromY: number
  readonly toX: number
  readonly toY: number
  /** Stroke width as a fraction of the face. */
  readonly width: number
}

/** A five-petalled blossom (or a bud when `isBud`). */
export interface PlumBlossom {
  readonly x: number
  readonly y: number
  readonly radius: number
  readonly rotation: number
  readonly isBud: boolean
}

export interface PlumMotif {
  readonly branches: readonly PlumBranch[]
  readonly blossoms: readonly PlumBlossom[]
}

/**
 * A plum branch (梅) in the one-corner manner: an old bough rising from the lower left, forking
 * into thinner shoots, blossoms and buds near their tips. Same seed, same motif.
 */
export function generatePlumMotif(seed = 1127): PlumMotif {
  const random = seededRandom(seed)
  const branches: PlumBranch[] = []
  const blossoms: PlumBlossom[] = []

  function grow(
    x: number,
    y: number,
    angle: number,
    length: number,
    width: number,
    depth: number,
  ): void {
    const segments = 3
    let cx = x
    let cy = y
    let heading = angle
    for (let s = 0; s < segments; s++) {
      heading += (random() - 0.5) * 0.7
      const nx = Math.min(0.92, Math.max(0.08, cx + Math.cos(heading) * (length / segments)))
      const ny = Math.min(0.92, Math.max(0.08, cy - Math.sin(heading) * (length / segments)))
      const w = width * (1 - (s / segments) * 0.45)
      branches.push({ fromX: cx, fromY: cy, toX: nx, toY: ny, width: w })
      if (depth > 0 && s >= 1 && random() < 0.75) {
        const side = random() < 0.5 ? -1 : 1
        grow(nx, ny, heading + side * (0.5 + random() * 0.5), length * 0.55, w * 0.6, depth - 1)
      }
      if (depth <= 1 && random() < 0.8) {
        const offset = w * 2.2
        blossoms.push({
          x: nx + Math.cos(heading + Math.PI / 2) * offset,
          y: ny - Math.sin(heading + Math.PI / 2) * offset,
          radius: 0.055 + random() * 0.025,
          rotation: random() * Math.PI * 2,
          isBud: random() < 0.3,
        })
      }
      cx = nx
      cy = ny
    }
    blossoms.push({
      x: cx,
      y: cy,
      radius: 0.06 + random() * 0.02,
      rotation: random() * Math.PI * 2,
      isBud: depth === 0,
    })
  }

  grow(0.16, 0.86, Math.PI * 0.22, 0.72, 0.065, 2)
  return { branches, blossoms }
}
