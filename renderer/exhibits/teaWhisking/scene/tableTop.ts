import { Mesh, PlaneGeometry, ShaderMaterial, Vector4, type Texture } from 'three'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'

/** Half the table top's side, cm: far past the frame's edge at every screen shape. */
const tableHalfSideCm = 90
/** Centimetres of table one repeat of the grain picture covers. */
const grainRepeatCm = 40

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

/** Fixed so the shader's loop has a constant bound; unused slots have no strength. */
const maxContactShadows = 8

const vertexShader = /* glsl */ `
varying vec2 vTableCm;
void main() {
  vTableCm = position.xy;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`

// Unlit, its light worked out here: soft window light from the upper left that falls off gently
// across the table (never to black, so no dark bands at the frame's edges), and the contact
// shadows as smooth Gaussians in floating point: no shadow map, no stepped edges, no extra draw
// call; they move (as uniforms) only when the set is laid out anew for another screen shape.
const fragmentShader = /* glsl */ `
uniform sampler2D uGrain;
uniform vec4 uShadows[${maxContactShadows}];
varying vec2 vTableCm;
void main() {
  vec3 grain = texture2D(uGrain, vTableCm / ${grainRepeatCm.toFixed(1)}).rgb;
  vec2 worldXz = vec2(vTableCm.x, -vTableCm.y);
  vec2 fromPool = (worldXz - vec2(-4.0, -2.0)) / vec2(46.0, 34.0);
  float window = 0.78 + 0.3 * exp(-dot(fromPool, fromPool)) - 0.004 * (worldXz.x - worldXz.y);
  float shade = 1.0;
  for (int i = 0; i < ${maxContactShadows}; i++) {
    vec4 s = uShadows[i];
    // The shade leans away from the window (towards +x and -z).
    vec2 d = (worldXz - s.xy - vec2(0.12, -0.1) * s.z) / s.z;
    shade *= 1.0 - s.w * exp(-2.2 * dot(d, d));
  }
  gl_FragColor = vec4(grain * clamp(window, 0.55, 1.1) * shade, 1.0);
  #include <colorspace_fragment>
}
`

/**
 * The table the tea set stands on (a pale, oiled wood under window light), large enough to fill
 * the frame at 1920×1080, 1080×1920 and 1280×800, with the tea set's soft contact shadows in it.
 * Its geometry and material go to `store`; `grain` is the caller's.
 */
export function buildTableTop(
  store: DisposableStore,
  grain: Texture,
  shadows: readonly ContactShadow[],
): Mesh {
  const shadowUniforms = Array.from({ length: maxContactShadows }, () => new Vector4(0, 0, 1, 0))
  const geometry = store.add(new PlaneGeometry(tableHalfSideCm * 2, tableHalfSideCm * 2))
  const material = store.add(
    new ShaderMaterial({
      vertexShader,
      fragmentShader,
      toneMapped: false,
      uniforms: { uGrain: { value: grain }, uShadows: { value: shadowUniforms } },
    }),
  )
  const mesh = new Mesh(geometry, material)
  mesh.rotation.x = -Math.PI / 2
  setContactShadows(mesh, shadows)
  return mesh
}

/**
 * Moves the contact shadows of a table top made by {@link buildTableTop} (the set was laid out
 * anew for the screen's shape). Only uniforms change: no shader is compiled again.
 */
export function setContactShadows(tableTop: Mesh, shadows: readonly ContactShadow[]): void {
  if (shadows.length > maxContactShadows) {
    throw new Error(
      `the tea table takes at most ${maxContactShadows} contact shadows, got ${shadows.length}`,
    )
  }
  const uniforms = (tableTop.material as ShaderMaterial).uniforms.uShadows!.value as Vector4[]
  uniforms.forEach((slot, i) => {
    const s = shadows[i]
    if (s) slot.set(s.xCm, s.zCm, s.radiusCm, s.strength)
    else slot.set(0, 0, 1, 0)
  })
}
