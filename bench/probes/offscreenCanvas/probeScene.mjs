// The probe's scene, built the same way on the main thread and in a worker: about the woodblock
// scene's cost (56k lit, textured triangles at 1280×800, a sub-rectangle texture upload and a redraw
// every frame), with nothing of the kiosk in it, so the two hosts differ only in where they draw.
// A path, not the bare 'three': import maps do not reach module workers.
import * as THREE from '/three/three.module.js'

/** Triangles the woodblock scene draws (docs/performance.md: 56,640). */
const targetTriangles = 56_000

/**
 * Starts drawing into `canvas` every animation frame; returns a function reading frames drawn.
 * @param {HTMLCanvasElement | OffscreenCanvas} canvas
 * @param {{ width: number, height: number, contextAttributes?: WebGLContextAttributes }} size
 * @param {(callback: FrameRequestCallback) => number} requestFrame
 */
export function startProbeScene(canvas, { width, height, contextAttributes }, requestFrame) {
  const context = canvas.getContext('webgl2', { antialias: false, ...contextAttributes })
  const renderer = new THREE.WebGLRenderer({ canvas, context })
  renderer.setSize(width, height, false)
  const scene = new THREE.Scene()
  scene.background = new THREE.Color(0xe8dcc4)
  const camera = new THREE.PerspectiveCamera(40, width / height, 0.1, 100)
  camera.position.set(0, 3.2, 4.2)
  camera.lookAt(0, 0, 0)
  scene.add(new THREE.AmbientLight(0xffffff, 0.6))
  const sun = new THREE.DirectionalLight(0xfff0dd, 1.6)
  sun.position.set(2, 4, 3)
  scene.add(sun)

  // A carved block's height field: one finely divided plane, textured from a grain canvas.
  const segments = Math.ceil(Math.sqrt(targetTriangles / 2))
  const blockGeometry = new THREE.PlaneGeometry(3, 3, segments, segments)
  blockGeometry.rotateX(-Math.PI / 2)
  const positions = blockGeometry.attributes.position
  for (let index = 0; index < positions.count; index++)
    positions.setY(
      index,
      0.02 * Math.sin(positions.getX(index) * 9) * Math.cos(positions.getZ(index) * 7),
    )
  blockGeometry.computeVertexNormals()
  const texelSide = 1024
  const texels = new Uint8Array(texelSide * texelSide * 4)
  for (let index = 0; index < texels.length; index += 4) {
    const row = Math.floor(index / 4 / texelSide)
    const grain = 150 + 40 * Math.sin(row * 0.15 + Math.sin(index * 0.00001) * 3)
    texels.set([grain, grain * 0.78, grain * 0.55, 255], index)
  }
  const grainTexture = new THREE.DataTexture(texels, texelSide, texelSide)
  grainTexture.needsUpdate = true
  const block = new THREE.Mesh(
    blockGeometry,
    new THREE.MeshStandardMaterial({ map: grainTexture, roughness: 0.7 }),
  )
  scene.add(block)

  // The carving's per-frame upload: a 64×64 sub-rectangle, as texelUploads.ts sends.
  const patchSide = 64
  const patch = new THREE.DataTexture(
    new Uint8Array(patchSide * patchSide * 4).fill(90),
    patchSide,
    patchSide,
  )
  const patchCorner = new THREE.Vector2()

  let framesDrawn = 0
  const draw = (timeMs) => {
    block.rotation.y = Math.sin(timeMs / 2000) * 0.2
    patchCorner.set(
      (framesDrawn * 37) % (texelSide - patchSide),
      (framesDrawn * 53) % (texelSide - patchSide),
    )
    renderer.copyTextureToTexture(patch, grainTexture, null, patchCorner)
    renderer.render(scene, camera)
    framesDrawn++
    requestFrame(draw)
  }
  requestFrame(draw)
  return () => ({
    framesDrawn,
    triangles: renderer.info.render.triangles,
    calls: renderer.info.render.calls,
  })
}
