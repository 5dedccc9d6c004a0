import { Mesh, PlaneGeometry, ShaderMaterial, type Texture } from 'three'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'

/** Half the table top's side, cm: far past the frame's edge at every screen shape. */
const tableHalfSideCm = 90
/** Centimetres of table one repeat of the grain picture covers. */
const grainRepeatCm = 40

const vertexShader = /* glsl */ `
varying vec2 vTableCm;
void main() {
  vTableCm = position.xy;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`

// Unlit, its light worked out here: a wide, soft pool of window light under the tea set that
// falls off into the room's warm shade (never to black, so no dark bands at the frame's edges).
const fragmentShader = /* glsl */ `
uniform sampler2D uGrain;
varying vec2 vTableCm;
void main() {
  vec3 grain = texture2D(uGrain, vTableCm / ${grainRepeatCm.toFixed(1)}).rgb;
  vec2 fromPool = (vTableCm - vec2(-2.0, 1.0)) / vec2(34.0, 24.0);
  float pool = exp(-dot(fromPool, fromPool));
  gl_FragColor = vec4(grain * (0.38 + 1.1 * pool), 1.0);
  #include <colorspace_fragment>
}
`

/**
 * The table the tea set stands on (a dark, waxed hardwood), large enough to fill the frame at
 * 1920×1080, 1080×1920 and 1280×800. Its geometry and material go to `store`; `grain` is the
 * caller's.
 */
export function buildTableTop(store: DisposableStore, grain: Texture): Mesh {
  const geometry = store.add(new PlaneGeometry(tableHalfSideCm * 2, tableHalfSideCm * 2))
  const material = store.add(
    new ShaderMaterial({
      vertexShader,
      fragmentShader,
      toneMapped: false,
      uniforms: { uGrain: { value: grain } },
    }),
  )
  const mesh = new Mesh(geometry, material)
  mesh.rotation.x = -Math.PI / 2
  return mesh
}
