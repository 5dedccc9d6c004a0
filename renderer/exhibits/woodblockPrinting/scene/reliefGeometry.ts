import { PlaneGeometry } from 'three'
import { sampleBilinear, type Bitmap } from '../../../../src/exhibits/woodblockPrinting/bitmap'

/**
 * The carved face as real geometry: a plane `widthUnits × heightUnits` whose vertices rise by
 * `depthUnits` where `height` is 1 (the wood left standing). Lies in XY facing +Z, image top at +Y.
 * `longSideSegments` bounds the triangle count (2 × segments²).
 */
export function buildReliefGeometry(
  height: Bitmap,
  widthUnits: number,
  heightUnits: number,
  depthUnits: number,
  longSideSegments: number,
): PlaneGeometry {
  const aspect = widthUnits / heightUnits
  const segmentsX = Math.max(1, Math.round(aspect >= 1 ? longSideSegments : longSideSegments * aspect))
  const segmentsY = Math.max(1, Math.round(aspect >= 1 ? longSideSegments / aspect : longSideSegments))
  const geometry = new PlaneGeometry(widthUnits, heightUnits, segmentsX, segmentsY)
  const positions = geometry.attributes.position!
  for (let iy = 0; iy <= segmentsY; iy++) {
    for (let ix = 0; ix <= segmentsX; ix++) {
      const index = iy * (segmentsX + 1) + ix
      const value = sampleBilinear(height, (ix / segmentsX) * (height.width - 1), (iy / segmentsY) * (height.height - 1))
      positions.setZ(index, value * depthUnits)
    }
  }
  positions.needsUpdate = true
  geometry.computeBoundingBox()
  geometry.computeBoundingSphere()
  return geometry
}
