import { Plane, Vector3, type Camera, type Raycaster, type Vector2 } from 'three'

// One scratch plane: picks run one at a time on the render thread, and a pointer move should
// not allocate.
const scratchPlane = new Plane(new Vector3(0, 1, 0), 0)

/**
 * The point where the ray from `camera` through `ndc` (normalized device coordinates, −1–1)
 * meets the horizontal plane at height `heightY`, written into `target`; undefined when the ray
 * runs parallel to or away from the plane.
 */
export function pickOnHorizontalPlane(
  raycaster: Raycaster,
  camera: Camera,
  ndc: Vector2,
  heightY: number,
  target: Vector3,
): Vector3 | undefined {
  raycaster.setFromCamera(ndc, camera)
  scratchPlane.constant = -heightY
  return raycaster.ray.intersectPlane(scratchPlane, target) ?? undefined
}
