import { PerspectiveCamera, Raycaster, Vector2, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { pickOnHorizontalPlane } from '../../../renderer/scenes/horizontalPlanePick'

function cameraLookingDown(): PerspectiveCamera {
  const camera = new PerspectiveCamera(50, 1, 0.1, 100)
  camera.position.set(0, 10, 0)
  camera.lookAt(0, 0, 0)
  camera.updateMatrixWorld()
  return camera
}

describe('pickOnHorizontalPlane', () => {
  it('finds the point under the screen centre at the plane’s height', () => {
    const hit = pickOnHorizontalPlane(
      new Raycaster(),
      cameraLookingDown(),
      new Vector2(0, 0),
      2,
      new Vector3(),
    )
    expect(hit?.x).toBeCloseTo(0)
    expect(hit?.y).toBeCloseTo(2)
    expect(hit?.z).toBeCloseTo(0)
  })

  it('honours each call’s height though the plane is shared', () => {
    const raycaster = new Raycaster()
    const camera = cameraLookingDown()
    pickOnHorizontalPlane(raycaster, camera, new Vector2(0.5, 0.5), 5, new Vector3())
    const hit = pickOnHorizontalPlane(raycaster, camera, new Vector2(0, 0), -1, new Vector3())
    expect(hit?.y).toBeCloseTo(-1)
  })

  it('is undefined when the plane is behind the camera', () => {
    const hit = pickOnHorizontalPlane(
      new Raycaster(),
      cameraLookingDown(),
      new Vector2(0, 0),
      20,
      new Vector3(),
    )
    expect(hit).toBeUndefined()
  })
})
