import {
  DataTexture,
  LinearFilter,
  RGBAFormat,
  SRGBColorSpace,
  UnsignedByteType,
  NoColorSpace,
} from 'three'

/**
 * Helpers for the scene's run-time textures. Bitmaps keep row 0 at the top; a DataTexture's row 0
 * is at v = 0, the bottom of a plane, so every row is written flipped.
 */

/**
 * An RGBA DataTexture of the given size, linear-filtered, no mipmaps (so sub-rect uploads stay
 * cheap), over `data` (flipped rows, 4 bytes a texel) or blank.
 */
export function createRgbaTexture(
  width: number,
  height: number,
  isColor: boolean,
  data: Uint8Array = new Uint8Array(width * height * 4),
): DataTexture {
  const texture = new DataTexture(data, width, height, RGBAFormat, UnsignedByteType)
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
 * Pear wood (梨木): a warm, fine, even wood with little figure, which is why Song carvers chose
 * it. Faint growth lines drift along the block's length, with long fine fibres and a slow blush
 * of colour across the board. RGB 0–1 triples.
 */
export function paintPearWood(width: number, height: number, seed = 3): Float32Array {
  const noise = valueNoise(seed)
  const rgb = new Float32Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width
      const v = y / height
      const warp = noise(u * 2, v * 3) * 1.4 + noise(u * 7, v * 11) * 0.25
      const line = 0.5 + 0.5 * Math.sin((u * 34 + warp) * Math.PI)
      const growth = line ** 6
      const fibre = noise(u * 260, v * 5) * 0.6 + noise(u * 520, v * 2) * 0.4
      const blush = noise(u * 1.5 + 9, v * 1.5)
      const shade = 0.9 + 0.05 * blush + 0.06 * fibre - 0.07 * growth
      const i = (y * width + x) * 3
      // A shade deeper than raw pear, as an oiled, used block is, so it reads as wood in the light.
      rgb[i] = (0.66 + 0.04 * blush) * shade
      rgb[i + 1] = 0.47 * shade
      rgb[i + 2] = (0.31 - 0.03 * blush) * shade
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

/** What the bench texture covers and where the workshop window's light falls on it. */
export interface WorkbenchLighting {
  /** Scene units the texture spans across (x) and deep (z). */
  readonly widthUnits: number
  readonly depthUnits: number
  /** Where the window's light is brightest, in scene units from the texture's centre. */
  readonly litX: number
  readonly litZ: number
  /** How far the light reaches before it has fallen by two thirds, in scene units. */
  readonly reachUnits: number
}

/**
 * The workbench: old, worn boards running across the view, each with its own tone and grain, the
 * seams between them dark; a paler, smoothed patch where the work is done; and the warm light of a window on the upper left falling off across the bench into the dim room,
 * baked in (a flat bench under a directional light would be evenly lit). RGB 0–1 triples, linear.
 */
export function paintWorkbench(
  width: number,
  height: number,
  lighting: WorkbenchLighting,
  seed = 5,
): Float32Array {
  const noise = valueNoise(seed)
  const rgb = new Float32Array(width * height * 3)
  // A bench top is a few broad planks, not a floor of narrow boards.
  const boardUnits = 1.3
  for (let y = 0; y < height; y++) {
    // Row y = 0 is the far edge of the bench (−z).
    const z = (y / height - 0.5) * lighting.depthUnits
    const board = Math.floor(z / boardUnits + 100)
    const inBoard = z / boardUnits + 100 - board
    const boardTone = 0.86 + 0.22 * noise(board * 1.7, 0.5)
    const seam = Math.min(inBoard, 1 - inBoard) * boardUnits
    const seamShade = seam < 0.008 ? 0.62 + 0.38 * (seam / 0.008) ** 2 : 1
    for (let x = 0; x < width; x++) {
      const sceneX = (x / width - 0.5) * lighting.widthUnits
      const warp = noise(sceneX * 1.3 + board * 11, z * 6) * 2.2
      const line = 0.5 + 0.5 * Math.sin((z * 70 + warp + board * 3.1) * Math.PI)
      const fibre = noise(sceneX * 2.5 + board * 5, z * 160)
      const wornDistance = Math.hypot(sceneX / 1.6, z / 1.1)
      const wear = Math.max(0, 1 - wornDistance) * 0.12
      const litDistance =
        Math.hypot(sceneX - lighting.litX, z - lighting.litZ) / lighting.reachUnits
      const light = 0.36 + 0.78 * Math.exp(-litDistance * litDistance)
      const shade = boardTone * (0.88 + 0.1 * fibre - 0.1 * line ** 4 + wear) * seamShade * light
      const i = (y * width + x) * 3
      rgb[i] = 0.31 * shade
      rgb[i + 1] = 0.222 * shade
      rgb[i + 2] = 0.152 * shade
    }
  }
  return rgb
}

/**
 * The block body's two grains side by side: on the left half, the long grain of its sides (lines
 * running along the block); on the right half, the end grain of its front and back, where the
 * growth rings show as arcs round a pith below the board. RGB 0–1 triples, linear.
 */
export function paintBlockSides(width: number, height: number, seed = 17): Float32Array {
  const noise = valueNoise(seed)
  const rgb = new Float32Array(width * height * 3)
  const half = width / 2
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let shade: number
      if (x < half) {
        const u = x / half
        const v = y / height
        const warp = noise(u * 3, v * 2) * 1.2
        const line = 0.5 + 0.5 * Math.sin((v * 5 + u * 0.6 + warp) * Math.PI)
        shade = 0.9 + 0.06 * noise(u * 200, v * 8) - 0.08 * line ** 5
      } else {
        // End grain: rings round a pith well below the face, pores as fine speckle; darker, as
        // end grain drinks more light.
        const u = (x - half) / half
        const v = y / height
        const radius = Math.hypot((u - 0.45) * 8, 3.4 - v)
        const ring = 0.5 + 0.5 * Math.sin((radius * 9 + noise(u * 6, v * 3) * 0.8) * Math.PI * 2)
        const pores = noise(u * 420, v * 90)
        shade = 0.74 + 0.08 * pores - 0.1 * ring ** 3
      }
      const i = (y * width + x) * 3
      rgb[i] = 0.72 * shade
      rgb[i + 1] = 0.52 * shade
      rgb[i + 2] = 0.35 * shade
    }
  }
  return rgb
}
