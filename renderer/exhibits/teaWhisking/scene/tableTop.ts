import { Mesh, PlaneGeometry, ShaderMaterial, type Texture } from 'three'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'
import type { RgbaPicture } from './rgbaPicture'

/** Half the table top's side, cm: far past the frame's edge at every screen shape. */
const tableHalfSideCm = 90
/** Centimetres of table one repeat of the grain picture covers: more than a frame shows. */
const grainRepeatCm = 96

/**
 * A soft contact shadow an object casts on the table: where it stands, how far the shade reaches
 * and how dark it gets at its heart (0 none, 1 black).
 */
export interface ContactShadow {
  readonly xCm: number
  readonly zCm: number
  readonly radiusCm: number
  readonly strength: number
}

/** Texels along each side of the baked light: about 3.5 mm of table each. */
const tableLightSizePx = 512
/** The baked light is stored as 8 bits over 0…`tableLightRange` (the window's light peaks at 1.1). */
const tableLightRange = 1.25

/** Rows of the baked light made in one slice of idle time (an eighth of the picture). */
export const tableLightBandRows = 64

/**
 * The light that falls on the table, baked a band of rows at a time (see {@link bakeTableLight}
 * for what it holds) so the menu can make it in slices of idle time, none long enough to delay
 * a tap (docs/performance.md). Each {@link TableLightBake.bakeNextRows} resumes where the last
 * one stopped; the picture is done once every row is.
 */
export class TableLightBake {
  readonly picture: RgbaPicture
  readonly #shadows: readonly ContactShadow[]
  #nextRow = 0

  constructor(shadows: readonly ContactShadow[]) {
    this.#shadows = shadows
    const size = tableLightSizePx
    this.picture = { widthPx: size, heightPx: size, bytes: new Uint8Array(size * size * 4) }
  }

  /** Whether every row is baked. */
  get isDone(): boolean {
    return this.#nextRow >= this.picture.heightPx
  }

  /** Bakes the next `rowCount` rows not baked yet (resumes where the last call stopped). */
  bakeNextRows(rowCount = tableLightBandRows): void {
    const fromRow = this.#nextRow
    const toRow = Math.min(this.picture.heightPx, fromRow + rowCount)
    bakeTableLightRows(this.#shadows, this.picture, fromRow, toRow)
    this.#nextRow = toRow
  }

  /** Bakes every row not baked yet and returns the picture. */
  finish(): RgbaPicture {
    while (!this.isDone) this.bakeNextRows()
    return this.picture
  }
}

/**
 * The light that falls on the table, worked out once on the CPU: soft window light from the
 * upper left pooled round the tea set and falling off into a soft vignette towards the table's
 * far parts (never to black), so the set sits in light as the woodblock bench does, times the tea set's contact shadows as smooth Gaussians (no shadow map, no
 * stepped edges). The tea set's resting places never change, so neither does this picture; the
 * shader only multiplies the grain by it (it computed all of it for every pixel of every frame,
 * the largest area of the picture on a software rasteriser). Rows bottom-up, over the table's
 * UVs; the light in the red channel (G and B the same), scaled to 0…`tableLightRange`.
 */
export function bakeTableLight(shadows: readonly ContactShadow[]): RgbaPicture {
  return new TableLightBake(shadows).finish()
}

/** Bakes rows `fromRow`…`toRow` (exclusive) of the table's light into `picture`. */
function bakeTableLightRows(
  shadows: readonly ContactShadow[],
  picture: RgbaPicture,
  fromRow: number,
  toRow: number,
): void {
  const size = picture.widthPx
  const bytes = picture.bytes
  for (let row = fromRow; row < toRow; row++) {
    // The plane's local y runs with v (rows bottom-up); the world's z is its negative.
    const zCm = -(((row + 0.5) / size) * 2 - 1) * tableHalfSideCm
    for (let column = 0; column < size; column++) {
      const xCm = (((column + 0.5) / size) * 2 - 1) * tableHalfSideCm
      const poolX = (xCm + 4) / 40
      const poolZ = (zCm + 2) / 30
      const pool = Math.exp(-(poolX * poolX + poolZ * poolZ))
      const window = 0.5 + 0.62 * pool - 0.0015 * (xCm - zCm)
      let shade = 1
      for (const s of shadows) {
        // The shade leans away from the window (towards +x and -z).
        const dx = (xCm - s.xCm - 0.12 * s.radiusCm) / s.radiusCm
        const dz = (zCm - s.zCm + 0.1 * s.radiusCm) / s.radiusCm
        shade *= 1 - s.strength * Math.exp(-2.2 * (dx * dx + dz * dz))
      }
      const light = Math.min(1.1, Math.max(0.4, window)) * shade
      const level = Math.round((Math.min(tableLightRange, light) / tableLightRange) * 255)
      const i = (row * size + column) * 4
      bytes[i] = bytes[i + 1] = bytes[i + 2] = level
      bytes[i + 3] = 255
    }
  }
}

const vertexShader = /* glsl */ `
varying vec2 vTableCm;
varying vec2 vUv;
void main() {
  vTableCm = position.xy;
  vUv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`

// Unlit: the grain times the baked light (bakeTableLight).
const fragmentShader = /* glsl */ `
uniform sampler2D uGrain;
uniform sampler2D uLight;
varying vec2 vTableCm;
varying vec2 vUv;
void main() {
  vec3 grain = texture2D(uGrain, vTableCm / ${grainRepeatCm.toFixed(1)}).rgb;
  float light = texture2D(uLight, vUv).r * ${tableLightRange.toFixed(2)};
  gl_FragColor = vec4(grain * light, 1.0);
  #include <colorspace_fragment>
}
`

/**
 * The table the tea set stands on (old, dark, oiled wood under window light), large enough to fill
 * the frame at 1920×1080, 1080×1920 and 1280×800, with the tea set's soft contact shadows in its
 * baked `light` ({@link bakeTableLight}). Its geometry and material go to `store`; `grain` and
 * `light` are the caller's.
 */
export function buildTableTop(store: DisposableStore, grain: Texture, light: Texture): Mesh {
  const geometry = store.add(new PlaneGeometry(tableHalfSideCm * 2, tableHalfSideCm * 2))
  const material = store.add(
    new ShaderMaterial({
      vertexShader,
      fragmentShader,
      toneMapped: false,
      uniforms: { uGrain: { value: grain }, uLight: { value: light } },
    }),
  )
  const mesh = new Mesh(geometry, material)
  mesh.rotation.x = -Math.PI / 2
  return mesh
}

/**
 * Gives the table the baked light of another layout of the set (its contact shadows stand where
 * the pieces now stand). The texture stays its owner's.
 */
export function setTableLight(tableTop: Mesh, light: Texture): void {
  const material = tableTop.material as ShaderMaterial
  const uniform = material.uniforms.uLight
  if (uniform) uniform.value = light
}
