import {
  DataTexture,
  HalfFloatType,
  LinearFilter,
  LinearMipmapLinearFilter,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  RedFormat,
  RGBAFormat,
  Scene,
  ShaderMaterial,
  UnsignedByteType,
  WebGLCubeRenderTarget,
} from 'three'
import { describe, expect, it } from 'vitest'
import { textureByteSize, texturesOf } from '../../../renderer/scenes/textureByteSize'

const rgba = (size: number) =>
  new DataTexture(new Uint8Array(size * size * 4), size, size, RGBAFormat, UnsignedByteType)

describe('textureByteSize', () => {
  it('counts width × height × bytes per texel, with no mip chain when none is made', () => {
    const texture = rgba(64)
    texture.minFilter = LinearFilter
    expect(textureByteSize(texture)).toBe(64 * 64 * 4)
    const red = new DataTexture(new Uint8Array(128 * 128), 128, 128, RedFormat, UnsignedByteType)
    red.minFilter = LinearFilter
    expect(textureByteSize(red)).toBe(128 * 128)
  })

  it('adds a third for a generated mip chain', () => {
    const texture = rgba(64)
    texture.generateMipmaps = true
    texture.minFilter = LinearMipmapLinearFilter
    expect(textureByteSize(texture)).toBeCloseTo((64 * 64 * 4 * 4) / 3)
  })

  it('counts six faces and every listed level of a half-float cube target (a PMREM environment)', () => {
    const target = new WebGLCubeRenderTarget(32, { type: HalfFloatType, generateMipmaps: false })
    // PMREMGenerator lists its levels as bare sizes, as here.
    target.texture.mipmaps = [
      { width: 32, height: 32 },
      { width: 16, height: 16 },
    ] as unknown as typeof target.texture.mipmaps
    expect(textureByteSize(target.texture)).toBe(6 * (32 * 32 + 16 * 16) * 8)
    target.dispose()
  })
})

describe('texturesOf', () => {
  it('finds the environment, material maps and shader samplers once each', () => {
    const scene = new Scene()
    const environment = rgba(8)
    const map = rgba(8)
    const sampler = rgba(8)
    scene.environment = environment
    const geometry = new PlaneGeometry()
    scene.add(new Mesh(geometry, new MeshBasicMaterial({ map })))
    scene.add(new Mesh(geometry, new MeshBasicMaterial({ map, alphaMap: map })))
    scene.add(new Mesh(geometry, new ShaderMaterial({ uniforms: { uSketch: { value: sampler } } })))
    expect(texturesOf(scene)).toEqual(new Set([environment, map, sampler]))
  })
})
