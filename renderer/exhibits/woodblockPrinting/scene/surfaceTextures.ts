import { DataTexture, LinearFilter, RGBAFormat, SRGBColorSpace, UnsignedByteType, NoColorSpace } from 'three'
import type { Bitmap } from '../../../../src/exhibits/woodblockPrinting/bitmap'

/**
 * Helpers for the scene's run-time textures. Bitmaps keep row 0 at the top; a DataTexture's row 0
 * is at v = 0, the bottom of a plane, so every row is written flipped.
 */

/** An RGBA DataTexture of the given size, linear-filtered, no mipmaps (so sub-rect uploads stay cheap). */
export function createRgbaTexture(width: number, height: number, isColor: boolean): DataTexture {
  const texture = new DataTexture(new Uint8Array(width * height * 4), width, height, RGBAFormat, UnsignedByteType)
  texture.magFilter = LinearFilter
  texture.minFilter = LinearFilter
  texture.generateMipmaps = false
  texture.colorSpace = isColor ? SRGBColorSpace : NoColorSpace
  texture.needsUpdate = true
  return texture
}

/** The byte offset in a flipped RGBA texture of bitmap pixel (x, y). */
export function texelOffset(width: number, height: number, x: number, y: number): number {
  return ((height - 1 - y) * width + x) * 4
}

/**
 * Marks bitmap rows `y0 ≤ y < y1`, columns `x0 ≤ x < x1` for upload: one range a row, so a brush
 * stroke sends a few kilobytes instead of the whole texture.
 */
export function markDirtyRect(texture: DataTexture, x0: number, y0: number, x1: number, y1: number): void {
  const { width, height } = texture.image
  const left = Math.max(0, x0)
  const right = Math.min(width, x1)
  if (left >= right) return
  for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
    texture.addUpdateRange(texelOffset(width, height, left, y), (right - left) * 4)
  }
  texture.needsUpdate = true
}

/** A tiny value-noise field for grain, deterministic per seed. */
export function valueNoise(seed: number): (x: number, y: number) => number {
  const hash = (ix: number, iy: number) => {
    let h = (ix * 374761393 + iy * 668265263 + seed * 2147483647) | 0
    h = Math.imul(h ^ (h >>> 13), 1274126177)
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296
  }
  const smooth = (t: number) => t * t * (3 - 2 * t)
  return (x, y) => {
    const ix = Math.floor(x)
    const iy = Math.floor(y)
    const fx = smooth(x - ix)
    const fy = smooth(y - iy)
    const a = hash(ix, iy)
    const b = hash(ix + 1, iy)
    const c = hash(ix, iy + 1)
    const d = hash(ix + 1, iy + 1)
    return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy
  }
}

/**
 * Pear wood (梨木): a warm, fine, even grain running along the block's length, as RGB 0–1 triples.
 * Carving into it shows slightly darker, rougher end fibres, which the block surface adds.
 */
export function paintPearWood(width: number, height: number, seed = 3): Float32Array {
  const noise = valueNoise(seed)
  const rgb = new Float32Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width
      const v = y / height
      const warp = noise(u * 3, v * 12) * 2.2 + noise(u * 9, v * 40) * 0.35
      const ring = 0.5 + 0.5 * Math.sin((u * 26 + warp) * Math.PI)
      const fibre = noise(u * 180, v * 6) * 0.5 + noise(u * 400, v * 3) * 0.5
      const shade = 0.86 + 0.1 * ring * ring + 0.06 * fibre
      const i = (y * width + x) * 3
      rgb[i] = 0.78 * shade
      rgb[i + 1] = 0.6 * shade
      rgb[i + 2] = 0.41 * shade
    }
  }
  return rgb
}

/** Rice paper: warm white with faint long fibres. RGB 0–1 triples. */
export function paintRicePaper(width: number, height: number, seed = 11): Float32Array {
  const noise = valueNoise(seed)
  const rgb = new Float32Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const fibre = noise(x * 0.08, y * 0.6) * 0.6 + noise(x * 0.5, y * 0.5) * 0.4
      const shade = 0.94 + 0.05 * fibre
      const i = (y * width + x) * 3
      rgb[i] = 0.96 * shade
      rgb[i + 1] = 0.93 * shade
      rgb[i + 2] = 0.86 * shade
    }
  }
  return rgb
}

/** A normal map (tangent space, RGBA) from a height bitmap: steep where the knife cut down. */
export function normalMapFromHeight(height: Bitmap, strength: number): DataTexture {
  const { width, height: rows, data } = height
  const texture = createRgbaTexture(width, rows, false)
  const bytes = texture.image.data as Uint8Array
  const at = (x: number, y: number) =>
    data[Math.min(rows - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (at(x + 1, y) - at(x - 1, y)) * 0.5 * strength
      // Texture v runs up while bitmap y runs down.
      const dv = (at(x, y - 1) - at(x, y + 1)) * 0.5 * strength
      const length = Math.sqrt(dx * dx + dv * dv + 1)
      const offset = texelOffset(width, rows, x, y)
      bytes[offset] = Math.round((-dx / length * 0.5 + 0.5) * 255)
      bytes[offset + 1] = Math.round((-dv / length * 0.5 + 0.5) * 255)
      bytes[offset + 2] = Math.round((1 / length * 0.5 + 0.5) * 255)
      bytes[offset + 3] = 255
    }
  }
  return texture
}
