import {
  LinearFilter,
  NearestFilter,
  Scene,
  TextureUtils,
  type CubeTexture,
  type Material,
  type Mesh,
  type Object3D,
  type ShaderMaterial,
  type Texture,
} from 'three'

/** Width and height of a texture's base level (a cube texture's face), 0 × 0 when not known. */
function baseSize(texture: Texture): { width: number; height: number } {
  const image = (texture as CubeTexture).isCubeTexture
    ? (texture.image as readonly { width?: number; height?: number }[])[0]
    : (texture.image as { width?: number; height?: number } | null)
  return { width: image?.width ?? 0, height: image?.height ?? 0 }
}

/**
 * The bytes a texture's texels take on the GPU: width × height × bytes per texel (from its format
 * and type, three's `TextureUtils.getByteLength`) × faces (6 for a cube), over its mip chain: the
 * levels it lists (a PMREM environment), or a third more when the GPU generates mipmaps.
 */
export function textureByteSize(texture: Texture): number {
  const faces = (texture as CubeTexture).isCubeTexture ? 6 : 1
  const levelBytes = (width: number, height: number) =>
    TextureUtils.getByteLength(width, height, texture.format, texture.type)
  if (texture.mipmaps && texture.mipmaps.length > 0) {
    const levels = texture.mipmaps as readonly { width: number; height: number }[]
    return faces * levels.reduce((sum, level) => sum + levelBytes(level.width, level.height), 0)
  }
  const { width, height } = baseSize(texture)
  const hasMipChain =
    texture.generateMipmaps &&
    texture.minFilter !== LinearFilter &&
    texture.minFilter !== NearestFilter
  return faces * levelBytes(width, height) * (hasMipChain ? 4 / 3 : 1)
}

/** Every texture `scene` draws with: its environment and background, and its materials' maps. */
export function texturesOf(scene: Object3D): Set<Texture> {
  const textures = new Set<Texture>()
  const note = (value: unknown) => {
    if ((value as Texture | null)?.isTexture) textures.add(value as Texture)
  }
  if (scene instanceof Scene) {
    note(scene.environment)
    note(scene.background)
  }
  scene.traverse((object) => {
    const material = (object as Mesh).material as Material | Material[] | undefined
    for (const each of Array.isArray(material) ? material : material ? [material] : []) {
      for (const value of Object.values(each)) note(value)
      const uniforms = (each as ShaderMaterial).uniforms ?? {}
      for (const uniform of Object.values(uniforms)) note(uniform.value)
    }
  })
  return textures
}
