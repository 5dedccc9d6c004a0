import { Color, DataTexture, DoubleSide, FrontSide, ShaderMaterial, type Texture } from 'three'
import type { TeaTablePictures } from './teaTablePictures'

/**
 * Which baked cell of roomLight.png gives a surface its shine (scripts/bakeTeaRoomLight.mjs):
 * a glossy glaze, a soft lacquer sheen, or matte silver.
 */
export type RoomLightSheen = 'glaze' | 'lacquer' | 'silver'

const sheenCell: Record<RoomLightSheen, number> = { glaze: 1, lacquer: 2, silver: 3 }

/** How a surface takes the baked room light. */
export interface BakedRoomLightOptions {
  /** The surface's own colour (sRGB hex), multiplied by `map` when there is one. */
  readonly colour: number
  readonly map?: Texture
  /** How much of the diffuse light it takes (0 for a bare metal). Default 1. */
  readonly diffuseWeight?: number
  readonly sheen: RoomLightSheen
  /** The shine's colour and strength (sRGB hex; white is the full baked highlight). */
  readonly sheenColour: number
  /** Where the surface shines: the red channel scales the sheen (a glazed body, a bare foot). */
  readonly sheenMap?: Texture
  /**
   * Light caught along the surface's edges, where it turns away from the eye (sRGB hex, default
   * none): metal and a glaze's rim pick up the room there in a thin bright line, which is what
   * reads as hard and polished from above.
   */
  readonly edgeSheenColour?: number
  readonly isDoubleSided?: boolean
  /** Below 1 the surface is drawn transparent. */
  readonly opacity?: number
}

const vertexShader = /* glsl */ `
varying vec2 vUv;
varying vec3 vViewNormal;
void main() {
  vUv = uv;
  vViewNormal = normalize(normalMatrix * normal);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`

const fragmentShader = /* glsl */ `
uniform sampler2D uRoomLight;
uniform sampler2D uMap;
uniform sampler2D uSheenMap;
uniform vec3 uColour;
uniform float uDiffuseWeight;
uniform float uSheenCell;
uniform vec3 uSheenColour;
uniform vec3 uEdgeSheenColour;
uniform float uOpacity;
varying vec2 vUv;
varying vec3 vViewNormal;

// One cell of the 2 x 2 atlas, looked up by the view-space normal as a matcap is. The atlas holds
// radiance at half scale (bakeTeaRoomLight.mjs).
vec3 roomLight(float cell, vec3 normal) {
  vec2 corner = vec2(mod(cell, 2.0) * 0.5, 0.5 - floor(cell / 2.0) * 0.5);
  return texture2D(uRoomLight, corner + (normal.xy * 0.49 + 0.5) * 0.5).rgb;
}

void main() {
  vec3 normal = normalize(vViewNormal) * (gl_FrontFacing ? 1.0 : -1.0);
  vec3 albedo = uColour * texture2D(uMap, vUv).rgb;
  vec3 sheen = uSheenColour * texture2D(uSheenMap, vUv).r;
  // The diffuse light at the half scale it is stored in: the room is dim, the sheen full.
  vec3 colour = albedo * uDiffuseWeight * roomLight(0.0, normal)
    + 2.0 * sheen * roomLight(uSheenCell, normal);
  // The edge light: strongest where the surface is seen edge-on, gone where it faces the eye.
  float grazing = 1.0 - abs(normal.z);
  colour += uEdgeSheenColour * texture2D(uSheenMap, vUv).r * grazing * grazing * grazing;
  gl_FragColor = vec4(colour, uOpacity);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}
`

/**
 * The baked room light (roomLight.png) as one texture for every lit surface of the tea table, and
 * a 1-pixel white stand-in for a surface without a map. Owned by one scene: `dispose` frees both.
 */
export class BakedRoomLight {
  readonly #roomLight: Texture
  readonly #white: Texture

  /** Makes the scene's textures from the page's decoded pictures (prepared already). */
  constructor(pictures: TeaTablePictures) {
    this.#roomLight = pictures.texture('roomLight')
    this.#white = new DataTexture(new Uint8Array([255, 255, 255, 255]), 1, 1)
    this.#white.needsUpdate = true
  }

  /** A material lit by the baked room; every one shares one shader program. */
  material(options: BakedRoomLightOptions): ShaderMaterial {
    const opacity = options.opacity ?? 1
    return new ShaderMaterial({
      vertexShader,
      fragmentShader,
      side: options.isDoubleSided ? DoubleSide : FrontSide,
      transparent: opacity < 1,
      depthWrite: opacity >= 1,
      uniforms: {
        uRoomLight: { value: this.#roomLight },
        uMap: { value: options.map ?? this.#white },
        uSheenMap: { value: options.sheenMap ?? this.#white },
        uColour: { value: new Color(options.colour) },
        uDiffuseWeight: { value: options.diffuseWeight ?? 1 },
        uSheenCell: { value: sheenCell[options.sheen] },
        uSheenColour: { value: new Color(options.sheenColour) },
        uEdgeSheenColour: { value: new Color(options.edgeSheenColour ?? 0x000000) },
        uOpacity: { value: opacity },
      },
    })
  }

  dispose(): void {
    this.#roomLight.dispose()
    this.#white.dispose()
  }
}
