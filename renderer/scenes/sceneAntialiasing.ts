import {
  Mesh,
  OrthographicCamera,
  PlaneGeometry,
  ShaderMaterial,
  UniformsUtils,
  type Camera,
  type Object3D,
  type Scene,
  Vector2,
  type WebGLRenderTarget,
  type WebGLRenderer,
} from 'three'
import { FXAAShader } from 'three/examples/jsm/shaders/FXAAShader.js'
import type { Disposable } from '../../src/lifecycle/disposable'
import { screenLikeRenderTarget } from './screenLikeRenderTarget'
import { targetCorner } from './targetCorner'

/**
 * FXAA's fragment shader with a switch to copy the picture untouched (`uIsPlain`): one program
 * for both, so a plain frame needs no second program or pipeline. Both read the corner of the
 * target the frame was drawn into (`uUvScale`, clamped to `uUvMax`: see targetCorner).
 */
function withPlainCopy(fxaaFragmentShader: string): string {
  const main = 'void main() {'
  const apply = 'ApplyFXAA( tDiffuse, resolution.xy, vUv )'
  if (!fxaaFragmentShader.includes(main) || !fxaaFragmentShader.includes(apply)) {
    throw new Error(
      "three's FXAAShader changed: SceneAntialiasing cannot find its main() or ApplyFXAA call",
    )
  }
  const cornerUv = 'min(vUv * uUvScale, uUvMax)'
  return `uniform bool uIsPlain;\nuniform vec2 uUvScale;\nuniform vec2 uUvMax;\n${fxaaFragmentShader
    .replace(
      main,
      `${main}\n  if (uIsPlain) { gl_FragColor = texture2D(tDiffuse, ${cornerUv}); return; }`,
    )
    .replace(apply, `ApplyFXAA( tDiffuse, resolution.xy, ${cornerUv} )`)}`
}

/**
 * Antialiasing by post-processing (FXAA from three's examples), for a renderer that has no
 * multisampling: a software rasteriser (see `isSoftwareRenderer`). Two passes a frame: the scene
 * into an 8-bit target, then FXAA from it onto the canvas.
 *
 * The scene pass writes the picture as the canvas would show it, tone mapped and sRGB encoded by
 * each material itself: the target is flagged as three flags a WebXR layer (`isXRRenderTarget`,
 * whose pictures three treats like the screen's), so a material with `toneMapped: false` (the
 * tea table's baked top) keeps its colours. The EffectComposer route (RenderPass, OutputPass,
 * FXAA) tone-maps every pixel afterwards instead, which darkened that table, and costs a third
 * full-screen pass and half-float targets, i.e. more SwiftShader time per frame.
 * FXAA then judges edges by perceived luma, as it is meant to.
 *
 * Owned by the scene host, one per shown scene: `dispose` frees the target and the FXAA program,
 * so leaving an exhibit returns `renderer.info.memory` to the menu's baseline, and after a lost
 * WebGL context the host makes a new one.
 */
export class SceneAntialiasing implements Disposable {
  readonly #renderer: WebGLRenderer
  readonly #target: WebGLRenderTarget
  readonly #material: ShaderMaterial
  /** The picture's quad over the whole canvas, and the camera that frames it so. */
  readonly #quad: Mesh<PlaneGeometry, ShaderMaterial>
  readonly #quadCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 1)

  constructor(renderer: WebGLRenderer) {
    this.#renderer = renderer
    // Rendered as the screen is (tone mapping, sRGB encoding in the shaders), stored as plain
    // 8-bit values.
    this.#target = screenLikeRenderTarget(1, 1)
    this.#material = new ShaderMaterial({
      name: 'SceneAntialiasing.FXAA',
      uniforms: {
        ...UniformsUtils.clone(FXAAShader.uniforms),
        uIsPlain: { value: false },
        uUvScale: { value: new Vector2(1, 1) },
        uUvMax: { value: new Vector2(1, 1) },
      },
      vertexShader: FXAAShader.vertexShader,
      fragmentShader: withPlainCopy(FXAAShader.fragmentShader),
      depthTest: false,
      depthWrite: false,
    })
    this.#material.uniforms['tDiffuse']!.value = this.#target.texture
    this.#quad = new Mesh(new PlaneGeometry(2, 2), this.#material)
  }

  /**
   * Compiles the FXAA program without holding the main thread (KHR_parallel_shader_compile),
   * so the first antialiased frame does not wait for it.
   */
  async compile(): Promise<void> {
    await this.#renderer.compileAsync(this.#quad, this.#quadCamera)
  }

  /**
   * Draws `scene` through `camera` onto the canvas, antialiased unless `isPlain` (then the
   * picture is copied as it is, a frame drawn while a finger drags). The target grows to the
   * drawing buffer's size in device pixels and keeps it: a smaller buffer (the host lowers the
   * pixel ratio while a finger drags on a slow scene) is drawn into the target's lower-left
   * corner, so a touch's start and settle change a viewport, not the target's framebuffer.
   *
   * Both kinds of frame go through the same target and the same program. On SwiftShader (ANGLE
   * on Vulkan) a pipeline is made per program and per framebuffer format: drawing the scene
   * straight onto the canvas (whose depth buffer has a stencil) for the frames under a finger
   * made every material's pipeline again at the first touch, a task of about a second just as
   * the visitor began to whisk (bench `tea-scene`).
   */
  render(
    scene: Scene,
    camera: Camera,
    bufferWidthPx: number,
    bufferHeightPx: number,
    isPlain = false,
  ): void {
    const uniforms = this.#material.uniforms
    const target = this.#target
    if (target.width < bufferWidthPx || target.height < bufferHeightPx) {
      const widthPx = Math.max(target.width, bufferWidthPx)
      const heightPx = Math.max(target.height, bufferHeightPx)
      target.setSize(widthPx, heightPx)
      // FXAA steps by the target's texels, whatever corner of it a frame fills.
      const resolution = uniforms['resolution']!.value as Vector2
      resolution.set(1 / widthPx, 1 / heightPx)
    }
    const corner = targetCorner(target.width, target.height, bufferWidthPx, bufferHeightPx)
    // The target's own viewport and scissor (applied when it is bound); the clear stays inside.
    target.viewport.set(0, 0, corner.widthPx, corner.heightPx)
    target.scissor.set(0, 0, corner.widthPx, corner.heightPx)
    target.scissorTest = corner.widthPx < target.width || corner.heightPx < target.height
    uniforms['uIsPlain']!.value = isPlain
    ;(uniforms['uUvScale']!.value as Vector2).set(corner.uvScaleX, corner.uvScaleY)
    ;(uniforms['uUvMax']!.value as Vector2).set(corner.uvMaxX, corner.uvMaxY)
    const renderer = this.#renderer
    const previousTarget = renderer.getRenderTarget()
    renderer.setRenderTarget(target)
    renderer.render(scene, camera)
    renderer.setRenderTarget(previousTarget)
    renderer.render(this.#quad, this.#quadCamera)
  }

  /**
   * Draws every mesh of `scene` that is hidden now (a surface that appears later, a stream, a
   * puff of steam) into one pixel of the target, so the software rasteriser makes their
   * pipelines now, while nothing waits on it, rather than in the frame a touch shows them first.
   * The canvas is untouched (nothing is read back for it); the next frame redraws the target.
   */
  prepareHiddenMeshes(scene: Scene, camera: Camera): void {
    let isAnyHidden = false
    scene.traverse((object) => {
      isAnyHidden ||= !object.visible
    })
    if (isAnyHidden) this.#drawIntoOnePixel(scene, camera)
  }

  /**
   * Draws the whole of `scene`, hidden meshes included, into one pixel of the target, and the
   * antialiasing pass (both its kinds of frame) into one pixel of the canvas: every pipeline a
   * first frame and the phases after it need is made, and no picture is shown or read back.
   * Used to prepare a scene before it is shown (`SceneHost.prepare`).
   */
  prepareEveryMesh(scene: Scene, camera: Camera): void {
    // Hidden meshes shown for it, the shown ones as they are: the whole scene.
    this.#drawIntoOnePixel(scene, camera)
    const renderer = this.#renderer
    const scissorTest = renderer.getScissorTest()
    renderer.setScissor(0, 0, 1, 1)
    renderer.setScissorTest(true)
    try {
      for (const isPlain of [false, true]) {
        this.#material.uniforms['uIsPlain']!.value = isPlain
        renderer.render(this.#quad, this.#quadCamera)
      }
    } finally {
      renderer.setScissorTest(scissorTest)
    }
  }

  /** Draws all of `scene`, its hidden objects shown for it, into one pixel of the target. */
  #drawIntoOnePixel(scene: Scene, camera: Camera): void {
    const shown: Object3D[] = []
    scene.traverse((object) => {
      if (!object.visible) shown.push(object)
    })
    const renderer = this.#renderer
    const previousTarget = renderer.getRenderTarget()
    const target = this.#target
    for (const object of shown) object.visible = true
    // The target's own scissor (applied when it is bound): the canvas's stays as it was.
    target.scissor.set(0, 0, 1, 1)
    target.scissorTest = true
    try {
      renderer.setRenderTarget(target)
      renderer.render(scene, camera)
    } finally {
      target.scissorTest = false
      renderer.setRenderTarget(previousTarget)
      for (const object of shown) object.visible = false
    }
  }

  dispose(): void {
    this.#target.dispose()
    this.#material.dispose()
    this.#quad.geometry.dispose()
  }
}
