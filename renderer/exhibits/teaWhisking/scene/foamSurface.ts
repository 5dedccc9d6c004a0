import {
  DataTexture,
  LinearFilter,
  Mesh,
  RedFormat,
  RingGeometry,
  ShaderMaterial,
  UnsignedByteType,
  Vector3,
} from 'three'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'
import type { FoamState } from '../../../../src/exhibits/teaWhisking/foamModel'
import type { FoamSketch } from '../../../../src/exhibits/teaWhisking/foamSketch'
import { foamRimLook } from '../../../../src/exhibits/teaWhisking/foamRimLook'
import { foamColours } from '../../../../src/exhibits/teaWhisking/foamColour'
import { innerBottomHeightCm, innerRadiusAt, surfaceHeightForFill } from './bowlProfile'

/** Thickness of a full, well-risen foam in cm. */
const fullFoamThicknessCm = 0.9
/** The powder heap's radius in the bowl's well, cm. */
const powderRadiusCm = 1.7

const vertexShader = /* glsl */ `
uniform float uFoamHeight;
uniform float uFineness;
uniform float uTime;
uniform float uCollarLift;
uniform float uCollarInner;
varying vec2 vDisc;
varying vec3 vWorldPosition;

float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453); }
float noise(vec2 p) {
  vec2 i = floor(p);
  vec2 f = fract(p);
  vec2 u = f * f * (3.0 - 2.0 * f);
  return mix(mix(hash(i), hash(i + vec2(1.0, 0.0)), u.x), mix(hash(i + vec2(0.0, 1.0)), hash(i + vec2(1.0, 1.0)), u.x), u.y);
}

void main() {
  vDisc = vec2(position.x, -position.z);
  float r = length(vDisc);
  // A full foam domes slightly and, coarse, goes lumpy.
  float rise = uFoamHeight * (0.7 + 0.3 * (1.0 - r * r));
  float lumps = (noise(vDisc * 3.5 + uTime * 0.03) - 0.5) * 0.5 * uFoamHeight * (1.0 - uFineness);
  // 咬盏: foam set against the wall climbs it a little, a raised collar all round.
  float collar = uCollarLift * smoothstep(uCollarInner, 1.0, r);
  vec3 displaced = position + vec3(0.0, (rise + lumps + collar) * ${fullFoamThicknessCm.toFixed(2)}, 0.0);
  vec4 world = modelMatrix * vec4(displaced, 1.0);
  vWorldPosition = world.xyz;
  gl_Position = projectionMatrix * viewMatrix * world;
}
`

const fragmentShader = /* glsl */ `
uniform float uWhiteness;
uniform float uCoverage;
uniform float uFineness;
uniform float uBubbleCells;
uniform float uLiquid;
uniform float uPaste;
uniform float uWaterLine;
uniform float uFoamEdge;
uniform float uCollar;
uniform float uCollarInner;
uniform vec3 uLightDirection;
uniform sampler2D uSketch;
uniform vec3 uFoamColour;
uniform vec3 uLiquorColour;
uniform vec3 uPartingColour;
uniform vec3 uPasteColour;
varying vec2 vDisc;
varying vec3 vWorldPosition;

vec2 hash2(vec2 p) {
  p = vec2(dot(p, vec2(127.1, 311.7)), dot(p, vec2(269.5, 183.3)));
  return fract(sin(p) * 43758.5453);
}
float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453); }
float noise(vec2 p) {
  vec2 i = floor(p);
  vec2 f = fract(p);
  vec2 u = f * f * (3.0 - 2.0 * f);
  return mix(mix(hash(i), hash(i + vec2(1.0, 0.0)), u.x), mix(hash(i + vec2(0.0, 1.0)), hash(i + vec2(1.0, 1.0)), u.x), u.y);
}
// Distance to the nearest bubble centre (cellular noise): 0 at a centre, about 0.7 at a wall.
float bubbles(vec2 p) {
  vec2 i = floor(p);
  vec2 f = fract(p);
  float d = 1.0;
  for (int y = -1; y <= 1; y++) {
    for (int x = -1; x <= 1; x++) {
      vec2 g = vec2(float(x), float(y));
      vec2 o = hash2(i + g);
      vec2 v = g + o - f;
      d = min(d, dot(v, v));
    }
  }
  return sqrt(d);
}
vec3 linear(vec3 srgb) { return pow(srgb, vec3(2.2)); }

void main() {
  float r = length(vDisc);
  if (r > 1.0) discard;
  // Powder ground from a white cake: off-white, a little warm (茶录: ground fresh it stays white).
  vec3 powder = linear(vec3(0.86, 0.84, 0.76)) * (0.9 + 0.2 * noise(vDisc * 40.0));
  // The colours come from the foam model (foamColour.ts): buff paste and liquor, never matcha green.
  vec3 paste = linear(uPasteColour);
  vec3 tea = linear(uLiquorColour);
  vec3 base = mix(powder, mix(paste, tea, clamp(uLiquid * 4.0, 0.0, 1.0)), uPaste);
  base *= 0.88 + 0.2 * noise(vDisc * 11.0 + 2.0);

  // Where the foam covers: islands at first ("sparse stars and a bright moon"), then all of it;
  // the water line shows as the foam letting go of the rim.
  // Two octaves spread the noise so the covered share of the surface follows uCoverage.
  float n = 0.65 * noise(vDisc * 4.0 + 7.0) + 0.35 * noise(vDisc * 9.0 - 3.0);
  float cover = smoothstep(n - 0.06, n + 0.06, uCoverage * 0.9 + 0.12 * step(0.999, uCoverage));
  // The water line: the foam has let go of the wall back to uFoamEdge, along a slightly ragged
  // edge (foam breaks unevenly), and the tea shows between it and the glaze.
  float edge = uFoamEdge - 0.25 * (1.0 - uFoamEdge) * noise(vDisc * 14.0);
  float recededFrom = smoothstep(edge - 0.015, edge + 0.01, r) * step(uFoamEdge, 0.999);
  cover *= 1.0 - recededFrom;
  // A finger parts the foam down to the tea: the line is clear while fresh and, as it fades,
  // dissolves from its edges inwards rather than greying all over (茶百戏's pictures "scatter").
  float sketch = texture2D(uSketch, vDisc * 0.5 + 0.5).r;
  float parted = smoothstep(0.04, 0.25, sketch);
  cover *= 1.0 - parted;
  // What shows in the parting is the dark tea-brown liquor under the foam, shadowed by the foam's
  // walls: dark on white, so the line reads at every size.
  base = mix(base, linear(uPartingColour), parted * clamp(uLiquid * 4.0, 0.0, 1.0));

  vec2 cellPoint = vDisc * uBubbleCells;
  float cell = bubbles(cellPoint);
  float pixel = fwidth(cellPoint.x) + fwidth(cellPoint.y);
  float contrast = (1.0 - smoothstep(0.2, 0.7, pixel)) * (0.3 + 0.7 * (1.0 - uFineness));
  // Early foam is dull yellow-white and coarse; the finished foam is milk white (大观茶论: 乳雾汹涌).
  vec3 foamColour = linear(uFoamColour);
  foamColour *= 1.0 - contrast * 0.45 * smoothstep(0.3, 0.75, cell);
  foamColour += contrast * 0.18 * (1.0 - smoothstep(0.0, 0.18, cell));

  vec3 normal = normalize(cross(dFdx(vWorldPosition), dFdy(vWorldPosition)));
  if (normal.y < 0.0) normal = -normal;
  float diffuse = max(dot(normal, normalize(uLightDirection)), 0.0);
  // 咬盏: foam set all round the rim and still is a dense, finer, whiter collar that runs right up
  // to the glaze, lit where it climbs the wall instead of shaded by it.
  float collar = uCollar * smoothstep(uCollarInner, uCollarInner + 0.05, r);
  foamColour = mix(foamColour, linear(vec3(1.0, 0.995, 0.97)), collar * 0.85);
  // The bowl's wall shades the surface's edge a little: the foam sits down inside the bowl.
  float wallShade = 1.0 - 0.22 * smoothstep(0.55, 1.0, r) * (1.0 - collar);
  vec3 colour = mix(base, foamColour, cover) * (0.42 + 0.5 * diffuse) * wallShade;
  colour += cover * collar * 0.05;
  // The water line: between the foam's edge and the glaze, a dark ring of tea wetting the wall,
  // darkest where the foam last stood against it.
  colour = mix(colour, tea * 0.2, recededFrom * uWaterLine);
  // On bare liquid a finger leaves a pale ripple instead of a line in the foam.
  colour = mix(colour, colour * 1.8 + 0.04, sketch * (1.0 - cover) * uLiquid * 0.7);
  // A wet sheen on bare liquid.
  colour += (1.0 - cover) * uLiquid * 0.08 * pow(diffuse, 24.0);
  // The disc's edge meets the dark glaze through a pixel or two of shade (the meniscus), not a
  // stair-stepped cut: a software renderer draws without multisampling.
  float edgePx = fwidth(r);
  colour = mix(colour, tea * 0.12, smoothstep(1.0 - 2.5 * edgePx, 1.0, r));
  gl_FragColor = vec4(colour, 1.0);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}
`

/**
 * The surface inside the bowl: powder, then paste, then tea liquid and the foam on it, drawn as
 * one displaced disc whose shader shows height, whiteness, bubble size, coverage, the water line
 * and the picture drawn on it (茶百戏, from a small data texture updated as it fades).
 */
export class FoamSurface {
  readonly mesh: Mesh
  readonly #material: ShaderMaterial
  readonly #sketchTexture: DataTexture
  readonly #sketchBytes: Uint8Array
  #radiusCm = powderRadiusCm
  #heightCm = innerBottomHeightCm
  #pictureKey = ''
  /** The surface's colours from the foam model (foamColour.ts), as sRGB uniforms. */
  readonly #foamColour = new Vector3()
  readonly #liquorColour = new Vector3()
  readonly #partingColour = new Vector3()
  readonly #pasteColour = new Vector3()

  constructor(store: DisposableStore, sketchSize: number) {
    const geometry = store.add(new RingGeometry(0.0001, 1, 96, 32))
    geometry.rotateX(-Math.PI / 2)
    this.#sketchBytes = new Uint8Array(sketchSize * sketchSize)
    this.#sketchTexture = store.add(
      new DataTexture(this.#sketchBytes, sketchSize, sketchSize, RedFormat, UnsignedByteType),
    )
    this.#sketchTexture.magFilter = LinearFilter
    this.#sketchTexture.minFilter = LinearFilter
    this.#sketchTexture.needsUpdate = true
    this.#material = store.add(
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        uniforms: {
          uFoamHeight: { value: 0 },
          uFineness: { value: 0 },
          uTime: { value: 0 },
          uWhiteness: { value: 0 },
          uCoverage: { value: 0 },
          uBubbleCells: { value: 25 },
          uLiquid: { value: 0 },
          uPaste: { value: 0 },
          uWaterLine: { value: 0 },
          uFoamEdge: { value: 1 },
          uCollar: { value: 0 },
          uCollarInner: { value: 0.9 },
          uCollarLift: { value: 0 },
          uLightDirection: { value: new Vector3(-0.4, 1, 0.35) },
          uSketch: { value: this.#sketchTexture },
          uFoamColour: { value: this.#foamColour },
          uLiquorColour: { value: this.#liquorColour },
          uPartingColour: { value: this.#partingColour },
          uPasteColour: { value: this.#pasteColour },
        },
      }),
    )
    this.mesh = new Mesh(geometry, this.#material)
    this.mesh.visible = false
  }

  /** Radius of the surface now, cm (what gestures measure against). */
  get radiusCm(): number {
    return this.#radiusCm
  }

  /**
   * What the last `show` put on screen, rounded to what the eye can tell apart: equal keys mean an
   * equal picture (the slow drift of a settling foam changes it only now and then).
   */
  get pictureKey(): string {
    return this.#pictureKey
  }

  /** Height of the surface's rim above the bowl's foot now, cm. */
  get heightCm(): number {
    return this.#heightCm
  }

  /** Shows `state`; `waterLine` 0–1 is how far the foam has let go of the rim. */
  show(state: FoamState, waterLine: number, elapsedSeconds: number): void {
    const uniforms = this.#material.uniforms
    this.mesh.visible = state.hasPowder
    const hasLiquid = state.waterFraction > 0
    this.#heightCm = hasLiquid
      ? surfaceHeightForFill(state.waterFraction)
      : innerBottomHeightCm + 0.05
    this.#radiusCm = hasLiquid ? innerRadiusAt(this.#heightCm) * 0.995 : powderRadiusCm
    this.mesh.position.y = this.#heightCm
    this.mesh.scale.set(this.#radiusCm, 1, this.#radiusCm)
    uniforms.uFoamHeight!.value = Math.min(1.3, state.foamHeight)
    uniforms.uFineness!.value = state.fineness
    uniforms.uWhiteness!.value = state.whiteness
    uniforms.uCoverage!.value = state.coverage
    uniforms.uBubbleCells!.value = (this.#radiusCm * 10) / state.bubbleSizeMm
    uniforms.uLiquid!.value = Math.min(1, state.waterFraction * 10)
    uniforms.uPaste!.value = hasLiquid ? 1 : 0
    const colours = foamColours(state)
    // sRGB channels as given: the shader makes them linear, as it does its other colours.
    this.#foamColour.set(...colours.foam)
    this.#liquorColour.set(...colours.liquor)
    this.#partingColour.set(...colours.parting)
    this.#pasteColour.set(...colours.paste)
    const rim = foamRimLook(state, waterLine)
    uniforms.uWaterLine!.value = rim.waterLineOpacity
    uniforms.uFoamEdge!.value = rim.foamEdgeRadius
    uniforms.uCollar!.value = rim.collarOpacity
    uniforms.uCollarInner!.value = rim.collarInnerRadius
    uniforms.uCollarLift!.value = rim.collarLift
    uniforms.uTime!.value = elapsedSeconds
    this.#pictureKey = [
      this.mesh.visible ? 1 : 0,
      this.#heightCm,
      state.foamHeight,
      state.fineness,
      state.whiteness,
      state.coverage,
      uniforms.uLiquid!.value as number,
      waterLine,
      rim.collarOpacity,
    ]
      .map((value) => Math.round(value * 400))
      .join(' ')
  }

  /** Uploads the drawing on the foam (only when it changed). */
  showSketch(sketch: FoamSketch): void {
    sketch.writeBytes(this.#sketchBytes)
    this.#sketchTexture.needsUpdate = true
  }
}
