import {
  type BufferGeometry,
  type Camera,
  type Color,
  type Material,
  type Object3D,
  type Scene,
  type Texture,
} from 'three'

/** The material slots whose textures a repaint can change (their `version` counts uploads). */
const textureSlots = [
  'map',
  'normalMap',
  'specularMap',
  'alphaMap',
  'emissiveMap',
  'bumpMap',
  'aoMap',
] as const

/** The material colours an animation may fade (wet ink's gloss drying, for one). */
const colourSlots = ['color', 'specular', 'emissive'] as const

/**
 * What a frame of a scene would show, read as numbers: every object's transform and visibility,
 * every light's strength, every material's opacity, sides and colours, the version of every texture and
 * vertex buffer (bumped when texels or vertices are queued for upload), and the camera. Two equal
 * readings draw the same picture, so a scene can tell the host it is at rest (`isAtRest`) without
 * each animation keeping its own "still moving" flag: a new animation is covered the day it is
 * written.
 *
 * Reading a scene of a few hundred objects costs a few microseconds; the frame it saves on a
 * software rasteriser costs tens of milliseconds.
 */
export class PictureSnapshot {
  #previous: number[] = []
  #current: number[] = []

  /**
   * Reads the scene as it stands now and says whether it differs from the last reading (the
   * first reading always does).
   */
  changedSinceLastRead(scene: Scene, camera: Camera): boolean {
    const values = this.#current
    values.length = 0
    readObject(camera, values)
    readCameraLens(camera, values)
    scene.traverse((object) => readObject(object, values))
    const isChanged = !sameNumbers(values, this.#previous)
    // Swap the buffers, so a reading allocates nothing once the arrays have grown.
    this.#current = this.#previous
    this.#previous = values
    return isChanged
  }

  /** Forgets the last reading: the next one counts as a change (a resize, a rebuild). */
  reset(): void {
    this.#previous.length = 0
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function readObject(object: Object3D, values: number[]): void {
  const { position: p, quaternion: q, scale: s } = object
  values.push(object.visible ? 1 : 0, p.x, p.y, p.z, q.x, q.y, q.z, q.w, s.x, s.y, s.z)
  const light = object as { isLight?: boolean; intensity?: number; color?: Color }
  if (light.isLight) {
    values.push(light.intensity ?? 0)
    if (light.color) values.push(light.color.r, light.color.g, light.color.b)
  }
  const drawn = object as {
    geometry?: BufferGeometry
    material?: Material | Material[]
    instanceMatrix?: { version: number }
    count?: number
  }
  if (drawn.geometry) readGeometry(drawn.geometry, values)
  if (drawn.instanceMatrix) values.push(drawn.instanceMatrix.version, drawn.count ?? 0)
  const material = drawn.material
  if (Array.isArray(material)) for (const each of material) readMaterial(each, values)
  else if (material) readMaterial(material, values)
}

function readCameraLens(camera: Camera, values: number[]): void {
  const lens = camera as { fov?: number; aspect?: number; zoom?: number }
  values.push(lens.fov ?? 0, lens.aspect ?? 0, lens.zoom ?? 0)
}

function readGeometry(geometry: BufferGeometry, values: number[]): void {
  values.push(geometry.id, geometry.index?.version ?? -1)
  for (const name in geometry.attributes) {
    const attribute = geometry.attributes[name]!
    values.push(
      'isInterleavedBufferAttribute' in attribute ? attribute.data.version : attribute.version,
    )
  }
  values.push(geometry.drawRange.start, geometry.drawRange.count)
}

function readMaterial(material: Material, values: number[]): void {
  // Not `material.version`: three bumps it twice each time it draws a transparent double-sided
  // material (one pass a side), so it changes every frame whatever the scene does.
  values.push(
    material.id,
    material.opacity,
    material.visible ? 1 : 0,
    material.transparent ? 1 : 0,
    material.side,
  )
  const slots = material as unknown as Record<string, Texture | Color | null | undefined>
  for (const slot of textureSlots) {
    const texture = slots[slot] as Texture | null | undefined
    values.push(texture ? texture.id : -1, texture ? texture.version : -1)
  }
  for (const slot of colourSlots) {
    const colour = slots[slot] as Color | undefined
    if (colour) values.push(colour.r, colour.g, colour.b)
  }
}
