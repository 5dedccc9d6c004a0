import {
  BoxGeometry,
  DataTexture,
  DirectionalLight,
  InstancedMesh,
  Mesh,
  MeshPhongMaterial,
  PerspectiveCamera,
  Scene,
} from 'three'
import { describe, expect, it } from 'vitest'
import { PictureSnapshot } from '../../../../../renderer/exhibits/woodblockPrinting/scene/pictureSnapshot'

function workshop() {
  const scene = new Scene()
  const camera = new PerspectiveCamera()
  const texture = new DataTexture(new Uint8Array(4 * 4 * 4), 4, 4)
  const material = new MeshPhongMaterial({ map: texture })
  const geometry = new BoxGeometry()
  const block = new Mesh(geometry, material)
  const chips = new InstancedMesh(geometry, material, 3)
  const light = new DirectionalLight('#ffffff', 1)
  scene.add(block, chips, light)
  const snapshot = new PictureSnapshot()
  const isChanged = () => snapshot.changedSinceLastRead(scene, camera)
  return { scene, camera, texture, material, geometry, block, chips, light, snapshot, isChanged }
}

describe('PictureSnapshot (render on demand)', () => {
  it('counts the first reading as a change and an untouched scene as unchanged after', () => {
    const { isChanged } = workshop()
    expect(isChanged()).toBe(true)
    expect(isChanged()).toBe(false)
    expect(isChanged()).toBe(false)
  })

  it('sees every kind of change that alters the picture, once each', () => {
    const parts = workshop()
    const { isChanged } = parts
    isChanged()
    const changes: [string, () => void][] = [
      ['an object moved', () => parts.block.position.setX(0.01)],
      ['an object turned', () => parts.block.rotation.set(0, 0, 0.2)],
      ['an object hidden', () => (parts.block.visible = false)],
      ['texels queued for upload', () => (parts.texture.needsUpdate = true)],
      [
        'vertices queued for upload',
        () => (parts.geometry.getAttribute('position').needsUpdate = true),
      ],
      ['a chip flew', () => (parts.chips.instanceMatrix.needsUpdate = true)],
      ['a sheet faded', () => (parts.material.opacity = 0.5)],
      ['wet ink dried', () => parts.material.specular.setScalar(0.2)],
      ['the light dimmed', () => (parts.light.intensity = 0.5)],
      ['the camera moved', () => parts.camera.position.setZ(3)],
      ['the view was reshaped', () => (parts.camera.aspect = 0.5)],
    ]
    // Each change reads as one, and the frame after it (nothing new) as rest.
    const seen = changes.map(([what, change]) => {
      change()
      return [what, isChanged(), isChanged()]
    })
    expect(seen).toEqual(changes.map(([what]) => [what, true, false]))
  })

  it('stays at rest while three re-flags a two-sided transparent sheet each time it draws it', () => {
    const { isChanged, material } = workshop()
    isChanged()
    // What WebGLRenderer does for such a material every frame: one pass a side.
    material.needsUpdate = true
    material.needsUpdate = true
    expect(isChanged()).toBe(false)
  })

  it('reads a change again after reset (a resize or a new scene)', () => {
    const { isChanged, snapshot } = workshop()
    isChanged()
    expect(isChanged()).toBe(false)
    snapshot.reset()
    expect(isChanged()).toBe(true)
  })
})
