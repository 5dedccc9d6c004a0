import { Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  outerTineCount,
  songWhiskTines,
  tineRootYCm,
} from '../../../../../renderer/exhibits/teaWhisking/scene/songWhisk'

describe('the Song whisk’s tines (大观茶论·筅: few, stiff, like a sword’s spine)', () => {
  const { geometry, triangles } = songWhiskTines()
  const position = geometry.getAttribute('position')
  const points = Array.from({ length: position.count }, (_, i) =>
    new Vector3().fromBufferAttribute(position, i),
  )

  it('is a few hundred triangles in one geometry, far inside the scene’s budget', () => {
    expect(triangles).toBeLessThan(2_000)
    expect(position.count).toBe(triangles * 3)
  })

  it('has sparse tines, thick at the root and tapering to a point', () => {
    // Count the tines at the root by their angle round the whisk (outer ring, just under the body).
    const nearRoot = points.filter((p) => p.y > tineRootYCm - 0.01 && Math.hypot(p.x, p.z) > 1.1)
    const angles = new Set(
      nearRoot.map(
        (p) =>
          Math.round((Math.atan2(p.z, p.x) / (2 * Math.PI)) * outerTineCount + outerTineCount) %
          outerTineCount,
      ),
    )
    // Sparse, as 大观茶论 and the paintings show: about a dozen, never a chasen's many.
    expect(outerTineCount).toBeLessThanOrEqual(16)
    expect(angles.size).toBe(outerTineCount)
    // Width of one tine (the first, at angle 0) at its root and near its tip, across the tangent.
    const tineWidthAt = (y: number) => {
      const slice = points.filter(
        (p) =>
          Math.abs(p.y - y) < 0.01 &&
          Math.hypot(p.x, p.z) > 1.1 &&
          Math.abs(Math.atan2(p.z, p.x)) < Math.PI / outerTineCount,
      )
      return Math.max(...slice.map((p) => p.z)) - Math.min(...slice.map((p) => p.z))
    }
    // Thick at the root: broad blades of split culm, not hair-fine tips.
    expect(tineWidthAt(tineRootYCm)).toBeGreaterThan(0.5)
    expect(tineWidthAt(0)).toBeLessThan(tineWidthAt(tineRootYCm) / 4)
    expect(Math.min(...points.map((p) => p.y))).toBeLessThan(0)
  })

  it('faces every facet outwards, away from its tine’s own axis (front faces seen from outside)', () => {
    // Each tine is 4 segments × 4 faces × 2 triangles, and a 4-triangle point, in order.
    const trianglesPerTine = 36
    for (let tine = 0; tine < triangles / trianglesPerTine; tine++) {
      const tinePoints = points.slice(
        tine * trianglesPerTine * 3,
        (tine + 1) * trianglesPerTine * 3,
      )
      for (let i = 0; i < tinePoints.length; i += 3) {
        const [a, b, c] = [tinePoints[i]!, tinePoints[i + 1]!, tinePoints[i + 2]!]
        const normal = new Vector3().subVectors(b, a).cross(new Vector3().subVectors(c, a))
        const centre = new Vector3().add(a).add(b).add(c).divideScalar(3)
        // The tine's axis there: the middle of its points at about that height.
        const level = tinePoints.filter((p) => Math.abs(p.y - centre.y) < 0.7)
        const axis = level.reduce((sum, p) => sum.add(p), new Vector3()).divideScalar(level.length)
        expect(normal.dot(centre.clone().sub(axis))).toBeGreaterThan(0)
      }
    }
  })
})
