// Bakes the tea table's soft room light into one picture: three's own RoomEnvironment (image-based
// light, no HDR download) and a low warm key light, as seen on four spheres from the tea camera's
// angle, saved as renderer/exhibits/teaWhisking/scene/roomLight.png (a 2 × 2 atlas of "matcaps").
// Why: sampling a PMREM environment in MeshStandardMaterial is the costliest shader there is for a
// software rasteriser to compile: on SwiftShader it held the tea table's first frame for seconds.
// The camera never moves, so the light each surface direction receives never changes: it is baked
// once here and looked up by the surface's view-space normal at run time (bakedRoomLightMaterial).
// Cells (top-left, top-right, bottom-left, bottom-right): diffuse light on white; specular of a
// glossy glaze (roughness 0.28); a soft lacquer sheen (0.5); matte silver (metal, 0.42).
// Values are stored at half their radiance (the run-time shader doubles them), so light up to
// twice a white surface's fits in 8 bits.
// Run: node scripts/bakeTeaRoomLight.mjs (needs /usr/bin/chromium; about half a minute).
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium } from '@playwright/test'

const require = createRequire(import.meta.url)
const threeRoot = path.dirname(path.dirname(require.resolve('three')))
const outFile = path.join('renderer', 'exhibits', 'teaWhisking', 'scene', 'roomLight.png')
/** Pixels a cell is wide; the atlas is twice that. */
const cellPx = 256
/** The tea camera's elevation above the table, degrees (teaScene.ts `resize`). */
const cameraElevationDegrees = 56

const page = /* html */ `<!doctype html><html><body style="margin:0;background:#000">
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script>
<script type="module">
import * as THREE from 'three'
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js'
const cellPx = ${cellPx}
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true })
renderer.setPixelRatio(1)
renderer.setSize(cellPx * 2, cellPx * 2)
renderer.outputColorSpace = THREE.SRGBColorSpace
renderer.toneMapping = THREE.NoToneMapping
document.body.appendChild(renderer.domElement)
const storedScale = 0.5
const scene = new THREE.Scene()
scene.background = new THREE.Color(0x000000)
const pmrem = new THREE.PMREMGenerator(renderer)
scene.environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture
scene.environmentIntensity = 0.85 * storedScale
// The warm key light from the upper left, where teaScene's light stood.
const key = new THREE.DirectionalLight(0xffe2bf, 1.3 * storedScale)
key.position.set(-12, 30, 14)
scene.add(key)
const elevation = (${cameraElevationDegrees} * Math.PI) / 180
const camera = new THREE.OrthographicCamera(-2, 2, 2, -2, 0.1, 100)
camera.position.set(0, 20 * Math.sin(elevation), 20 * Math.cos(elevation))
camera.lookAt(0, 0, 0)
camera.updateMatrixWorld()
const right = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 0)
const up = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 1)
const sphere = new THREE.SphereGeometry(1, 160, 80)
const cells = [
  new THREE.MeshStandardMaterial({ color: 0xffffff, roughness: 1, metalness: 0 }),
  new THREE.MeshStandardMaterial({ color: 0x000000, roughness: 0.28, metalness: 0 }),
  new THREE.MeshStandardMaterial({ color: 0x000000, roughness: 0.5, metalness: 0 }),
  new THREE.MeshStandardMaterial({ color: 0xffffff, roughness: 0.42, metalness: 1 }),
]
cells.forEach((material, i) => {
  const mesh = new THREE.Mesh(sphere, material)
  const column = i % 2
  const row = Math.floor(i / 2)
  mesh.position.copy(right).multiplyScalar(column === 0 ? -1 : 1).addScaledVector(up, row === 0 ? 1 : -1)
  scene.add(mesh)
})
renderer.render(scene, camera)
window.bakedPng = renderer.domElement.toDataURL('image/png')
</script></body></html>`

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true })
try {
  const context = await browser.newContext()
  const tab = await context.newPage()
  await tab.route('http://bake.invalid/**', async (route) => {
    const url = new URL(route.request().url())
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: page })
    const file = path.join(threeRoot, url.pathname.replace(/^\/three\//, ''))
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) })
  })
  tab.on('pageerror', (error) => process.stderr.write(`bake page: ${error.message}\n`))
  await tab.goto('http://bake.invalid/')
  await tab.waitForFunction(() => 'bakedPng' in window, undefined, { timeout: 120_000 })
  const dataUrl = await tab.evaluate(() => window.bakedPng)
  writeFileSync(outFile, Buffer.from(dataUrl.split(',')[1], 'base64'))
  process.stdout.write(`wrote ${outFile}\n`)
} finally {
  await browser.close()
}
