import { WebGLRenderer, SRGBColorSpace, ACESFilmicToneMapping } from 'three'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { WebglCounts } from '../diagnostics/diagnostics'
import type { ExhibitScene, ExhibitSceneFactory } from './exhibitScene'
import type { SceneContextChange } from './sceneContextEvent'
import { InteractiveResolution } from './interactiveResolution'
import { renderPixelRatio } from './rendererCapability'
import { SceneAntialiasing } from './sceneAntialiasing'
import type { ScenePointerSource } from './scenePointerInput'
import { recordSceneStep } from './sceneSteps'

/** Sets `renderer` to draw as the canvas shows: sRGB output, ACES tone mapping. */
function drawAsShown(renderer: WebGLRenderer): void {
  renderer.outputColorSpace = SRGBColorSpace
  renderer.toneMapping = ACESFilmicToneMapping
}

/** How often `gpuCaughtUp` looks whether the GPU process has run the commands before it. */
const gpuPollIntervalMs = 50

/**
 * Resolves once the GPU process has run every command issued to `gl` so far, without holding
 * the thread (`finish` would): a fence, looked at between tasks. WebGL 1 has no fences: it
 * resolves at once there.
 */
function gpuCaughtUp(gl: WebGLRenderingContext | WebGL2RenderingContext): Promise<void> {
  if (!('fenceSync' in gl)) return Promise.resolve()
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)
  if (!fence) return Promise.resolve()
  gl.flush()
  return new Promise((resolve) => {
    const look = () => {
      if (gl.isContextLost() || gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED) {
        gl.deleteSync(fence)
        resolve()
      } else setTimeout(look, gpuPollIntervalMs)
    }
    setTimeout(look, gpuPollIntervalMs)
  })
}

/** A canvas's size in CSS pixels. */
export interface CssSize {
  readonly width: number
  readonly height: number
}

/** What the renderer reports after a drawn frame: diagnostics' counts and the frame's triangles. */
export interface DrawingCounts extends WebglCounts {
  readonly triangles: number
}

/** Where a {@link SceneDrawing} draws and what it is told of the page it draws for. */
export interface SceneDrawingOptions {
  /** The page's canvas, or (in a worker) the OffscreenCanvas it transferred. */
  readonly canvas: HTMLCanvasElement | OffscreenCanvas
  /** WebGL runs on a software rasteriser: multisampling is off (see `isSoftwareRenderer`). */
  readonly isSoftwareRendered: boolean
  /** The pointer input the scenes read (`ExhibitScene.connect`). */
  readonly pointer: ScenePointerSource
  /** Hears the WebGL context being lost and given back. */
  readonly onContextChange?: (change: SceneContextChange) => void
}

/**
 * Draws the exhibit scenes of one WebGL renderer and canvas, on whichever thread owns them: the
 * page's main thread (`SceneHost`) or a worker drawing on a transferred OffscreenCanvas
 * (`SceneWorkerRuntime`; docs/architecture.md, "How a scene is hosted"). It touches no DOM: its
 * size, the device pixel ratio and the touches come from its host. Exhibits come and go; the
 * renderer stays, so `renderer.info.memory` returns to its baseline when a scene is disposed.
 */
export class SceneDrawing implements Disposable {
  readonly canvas: HTMLCanvasElement | OffscreenCanvas
  readonly renderer: WebGLRenderer
  readonly isSoftwareRendered: boolean
  /** Shrinks the drawing buffer while a finger drags on a scene whose frames run slow. */
  readonly interactiveResolution = new InteractiveResolution()
  readonly #options: SceneDrawingOptions
  #current: ExhibitScene | undefined
  /** The FXAA pass of the current scene, on a renderer without multisampling. */
  #antialiasing: SceneAntialiasing | undefined
  #loading: AbortController | undefined
  #lastTimeMs: number | undefined
  #frameListeners = new Set<(deltaSeconds: number) => void>()
  /** What `show` was last asked for, so a lost WebGL context can be followed by a rebuild. */
  #lastShown: { factory: ExhibitSceneFactory; isReducedMotion: boolean } | undefined
  #contextLossCount = 0
  #rebuildListeners = new Set<(scene: ExhibitScene) => void>()
  /** The canvas's size in CSS pixels as its host last said (0 × 0 before it is laid out). */
  #sizeCssPx: CssSize = { width: 0, height: 0 }
  #devicePixelRatio = 1
  /** The pixel ratio a still frame is drawn at; a touched one may be drawn at a fraction of it. */
  #fullPixelRatio = 1
  #touchingPointerIds = new Set<number>()
  /** The scene and drawing-buffer size of the last render (render on demand redraws on change). */
  #drawnScene: ExhibitScene | undefined
  #drawnBufferSize = { width: 0, height: 0 }
  /** Cancels the pending idle preparation of the current scene's hidden meshes. */
  #cancelPreparation: (() => void) | undefined
  /** The last drawn frame skipped the antialiasing pass (drawn while touched). */
  #isLastDrawPlain = false
  /** The canvas shows a frame drawn at the full pixel ratio through the antialiasing pass. */
  #isStillFrameShown = false
  /** The previous animation frame rendered (render on demand skips frames at rest). */
  #wasLastFrameDrawn = false
  /** The next rendered frame is a newly shown scene's first (its cost is put on the timeline). */
  #isFirstFrame = false
  /** The scenes `prepare` has prepared in this context. */
  #preparedNames = new Set<string>()
  /** Stops the preparation under way (`show` was asked for a scene meanwhile). */
  #preparation: AbortController | undefined

  constructor(options: SceneDrawingOptions) {
    this.#options = options
    this.canvas = options.canvas
    this.isSoftwareRendered = options.isSoftwareRendered
    // No preserveDrawingBuffer: keeping each frame costs a full copy per frame (half the frame
    // rate on a software rasteriser). Read-backs happen in an animation frame, after the render.
    this.renderer = new WebGLRenderer({ canvas: this.canvas, antialias: !this.isSoftwareRendered })
    drawAsShown(this.renderer)
    // A frame may be several renders (the scene, then the antialiasing passes): the drawing
    // resets the counts once a frame, so `info.render` reports the whole frame's draw calls.
    this.renderer.info.autoReset = false
    this.canvas.addEventListener('webglcontextlost', this.#onContextLost)
    this.canvas.addEventListener('webglcontextrestored', this.#onContextRestored)
  }

  /** The scene shown now (undefined while one loads and after `clear`). */
  get current(): ExhibitScene | undefined {
    return this.#current
  }

  /** The renderer's counts now: what `diagnostics().webgl` reports (docs/kiosk-contract.md). */
  counts(): DrawingCounts {
    const info = this.renderer.info
    return {
      geometries: info.memory.geometries,
      textures: info.memory.textures,
      programs: info.programs?.length ?? 0,
      calls: info.render.calls,
      triangles: info.render.triangles,
      drawingScale: this.renderer.getPixelRatio() / this.#fullPixelRatio,
      isStillFrameShown: this.#isStillFrameShown,
    }
  }

  /** The canvas is now `size` CSS pixels on a screen of `devicePixelRatio`. */
  setSize(size: CssSize, devicePixelRatio: number): void {
    // Setting a canvas's size clears it, even to the same size: a scene at rest would then show
    // a blank canvas (the page's host reports the size again whenever the canvas is re-attached).
    const isSame =
      size.width === this.#sizeCssPx.width &&
      size.height === this.#sizeCssPx.height &&
      devicePixelRatio === this.#devicePixelRatio
    if (isSame) return
    this.#sizeCssPx = size
    this.#devicePixelRatio = devicePixelRatio
    this.#resize()
  }

  /** Draws the next frame even if the scene is at rest (the canvas lost its picture). */
  redraw(): void {
    this.#drawnScene = undefined
  }

  /** A finger (or the mouse) went down on the canvas. */
  beginTouch(pointerId: number): void {
    this.#touchingPointerIds.add(pointerId)
    this.interactiveResolution.beginTouch()
    this.#applyDrawingScale(performance.now())
  }

  /** A finger lifted or its touch was cancelled, wherever on the page. */
  endTouch(pointerId: number): void {
    if (!this.#touchingPointerIds.delete(pointerId)) return
    if (this.#touchingPointerIds.size === 0) this.interactiveResolution.endTouch(performance.now())
  }

  /** Shows a scene. A newer call wins; a load it supersedes is disposed as soon as it resolves. */
  async show<S extends ExhibitScene>(
    factory: ExhibitSceneFactory<S>,
    isReducedMotion: boolean,
  ): Promise<S | undefined> {
    this.#loading?.abort()
    this.#preparation?.abort()
    this.#lastShown = { factory, isReducedMotion }
    const loading = (this.#loading = new AbortController())
    let next: S
    const factoryStartMs = performance.now()
    try {
      next = await factory({
        renderer: this.renderer,
        signal: loading.signal,
        isReducedMotion,
        sizeCssPx: this.#sizeCssPx,
      })
    } catch (error) {
      // A load given up (the visitor left, or a newer scene was asked for) is not a failure: a
      // factory may reject with the signal's AbortError.
      if (loading.signal.aborted) return undefined
      throw error
    }
    recordSceneStep('build', factoryStartMs)
    // Software WebGL has no multisampling: smooth the edges with FXAA (see sceneAntialiasing.ts).
    const antialiasing = this.isSoftwareRendered ? new SceneAntialiasing(this.renderer) : undefined
    if (!loading.signal.aborted) {
      // Shaders are compiled and linked before the first frame, in parallel and without holding
      // the thread (KHR_parallel_shader_compile): on a software renderer the first frame
      // otherwise stalls for the whole compile (about 2 s for the tea table on a loaded machine).
      const compileStartMs = performance.now()
      await Promise.all([
        this.renderer.compileAsync(next.scene, next.camera),
        antialiasing?.compile(),
      ])
      recordSceneStep('compile', compileStartMs)
    }
    if (loading.signal.aborted) {
      antialiasing?.dispose()
      next.dispose()
      return undefined
    }
    this.#disposeCurrent()
    this.#current = next
    this.#antialiasing = antialiasing
    this.interactiveResolution.reset()
    this.#touchingPointerIds.clear()
    next.connect(this.#options.pointer)
    this.#resize()
    this.#lastTimeMs = undefined
    this.#isFirstFrame = true
    this.renderer.setAnimationLoop((timeMs) => this.#frame(timeMs))
    return next
  }

  /**
   * Makes, before a scene is asked for (the menu calls this while idle), what its first frame
   * would otherwise wait on in this WebGL context: its programs linked, and on a software
   * rasteriser the pipelines of each material and of the antialiasing pass, by building it from
   * `factory` for a canvas of `sizeCssPx` and drawing it, hidden meshes included, into one pixel
   * (`prepareEveryMesh`). Once per `name`; skipped while a scene is shown or loading, and stopped
   * at its next step by a `show` (the visitor tapped a tile). Never tried twice: a preparation
   * retried at each return to the menu would compete with every visit on a busy machine.
   *
   * Done by a second three.js renderer on the same context, whose scene, programs, textures and
   * buffers are all disposed before this resolves: `renderer.info` never counts them, so the
   * menu's WebGL counts stay the baseline the tests compare with. What stays is in the browser's
   * GPU process: linked programs are kept by source and the software rasteriser's compiled
   * routines by shader and state, so the same shaders link and draw without that wait when the
   * scene is shown (traced on SwiftShader: about 0.6 s of a first open's first frame).
   */
  async prepare(name: string, factory: ExhibitSceneFactory, sizeCssPx: CssSize): Promise<void> {
    if (this.#preparedNames.has(name) || this.#current || this.#loading) return
    this.#preparedNames.add(name)
    const prepareStartMs = performance.now()
    const preparing = new WebGLRenderer({
      canvas: this.canvas,
      context: this.renderer.getContext(),
    })
    drawAsShown(preparing)
    // Two renderers on one context: each caches the GL state it set, so after the other has
    // touched it the drawing's renderer forgets its cache (three's rule for a shared context).
    this.renderer.resetState()
    // A scene asked for meanwhile (the visitor tapped a tile) stops the preparation at its next
    // step: its work would queue in the GPU process ahead of the scene's own.
    const preparation = (this.#preparation = new AbortController())
    let prepared: ExhibitScene | undefined
    let antialiasing: SceneAntialiasing | undefined
    try {
      prepared = await factory({
        renderer: preparing,
        signal: preparation.signal,
        isReducedMotion: false,
        sizeCssPx,
      })
      if (preparation.signal.aborted) return
      prepared.resize(sizeCssPx.width, sizeCssPx.height)
      antialiasing = this.isSoftwareRendered ? new SceneAntialiasing(preparing) : undefined
      await Promise.all([
        preparing.compileAsync(prepared.scene, prepared.camera),
        antialiasing?.compile(),
      ])
      if (preparation.signal.aborted) return
      if (antialiasing) antialiasing.prepareEveryMesh(prepared.scene, prepared.camera)
      else preparing.compile(prepared.scene, prepared.camera)
      // Resolved once the GPU process has run those draws (and so made their pipelines): a
      // scene shown sooner would queue behind them.
      await gpuCaughtUp(preparing.getContext())
      recordSceneStep('prepare', prepareStartMs)
    } catch (error) {
      // The factory may reject with the preparation's AbortError: an overtaken preparation.
      if (!preparation.signal.aborted) throw error
    } finally {
      if (this.#preparation === preparation) this.#preparation = undefined
      prepared?.dispose()
      antialiasing?.dispose()
      preparing.dispose()
      this.renderer.resetState()
    }
  }

  /** Disposes the current scene and stops the loop (leaving an exhibit). */
  clear(): void {
    this.#lastShown = undefined
    this.#loading?.abort()
    this.#loading = undefined
    this.#disposeCurrent()
    this.renderer.setAnimationLoop(null)
    this.renderer.clear()
  }

  /** Called after every rendered frame (the frame-time probe of the benchmarks uses it). */
  onFrame(listener: (deltaSeconds: number) => void): Disposable {
    this.#frameListeners.add(listener)
    return { dispose: () => this.#frameListeners.delete(listener) }
  }

  /**
   * Called with the new scene after a lost WebGL context forced a rebuild: whoever keeps the
   * scene `show` returned swaps to this one (the old one is disposed).
   */
  onSceneRebuilt(listener: (scene: ExhibitScene) => void): Disposable {
    this.#rebuildListeners.add(listener)
    return { dispose: () => this.#rebuildListeners.delete(listener) }
  }

  dispose(): void {
    this.clear()
    this.#frameListeners.clear()
    this.#rebuildListeners.clear()
    this.canvas.removeEventListener('webglcontextlost', this.#onContextLost)
    this.canvas.removeEventListener('webglcontextrestored', this.#onContextRestored)
    this.renderer.dispose()
    this.renderer.forceContextLoss()
  }

  // A lost context (GPU process crash, driver reset) takes every GPU object with it. Three keeps
  // the renderer usable once the browser restores the context; the scene is then built afresh
  // from its factory, as its textures and buffers belonged to the dead context.
  #onContextLost = (event: Event) => {
    event.preventDefault() // without this the browser never restores the context
    this.#contextLossCount++
    this.renderer.setAnimationLoop(null)
    this.#options.onContextChange?.({ state: 'lost', lossCount: this.#contextLossCount })
  }

  #onContextRestored = () => {
    const shown = this.#lastShown
    this.#disposeCurrent()
    this.#options.onContextChange?.({ state: 'restored', lossCount: this.#contextLossCount })
    if (!shown) return
    void this.show(shown.factory, shown.isReducedMotion).then((scene) => {
      if (scene) for (const listener of this.#rebuildListeners) listener(scene)
    })
  }

  /** Draws at the full pixel ratio, or at the touched fraction of it (interactiveResolution). */
  #applyDrawingScale(nowMs: number): void {
    const pixelRatio = this.#fullPixelRatio * this.interactiveResolution.scaleAt(nowMs)
    // setPixelRatio resizes the drawing buffer only; the scene's camera keeps its CSS-pixel aspect.
    if (pixelRatio !== this.renderer.getPixelRatio()) this.renderer.setPixelRatio(pixelRatio)
  }

  /**
   * Once the first frame is up and the thread idle, has the antialiasing pass draw the scene's
   * hidden meshes into one pixel of its target (see `SceneAntialiasing.prepareHiddenMeshes`):
   * on a software rasteriser the pipelines are made then, not in the frame a touch first shows
   * the powder, the stream or the steam.
   */
  #prepareHiddenMeshesWhenIdle(scene: ExhibitScene): void {
    if (!this.#antialiasing) return
    const prepare = () => {
      this.#cancelPreparation = undefined
      if (this.#current === scene)
        this.#antialiasing?.prepareHiddenMeshes(scene.scene, scene.camera)
    }
    if (typeof requestIdleCallback !== 'function') {
      // A worker (or a test's DOM) has no idle callbacks: after the current task.
      const timer = setTimeout(prepare, 0)
      this.#cancelPreparation = () => clearTimeout(timer)
      return
    }
    const handle = requestIdleCallback(prepare, { timeout: 2000 })
    this.#cancelPreparation = () => cancelIdleCallback(handle)
  }

  #disposeCurrent(): void {
    this.#cancelPreparation?.()
    this.#cancelPreparation = undefined
    const current = this.#current
    this.#current = undefined
    current?.dispose()
    this.#antialiasing?.dispose()
    this.#antialiasing = undefined
    this.#drawnScene = undefined
    this.#isStillFrameShown = false
    // Programs are cached per material; once the scene's materials are gone so are they.
    this.renderer.renderLists.dispose()
  }

  #resize(): void {
    const { width, height } = this.#sizeCssPx
    if (width === 0 || height === 0) return
    // On a software rasteriser the drawing buffer is held to a pixel budget (rendererCapability).
    this.#fullPixelRatio = renderPixelRatio(
      width,
      height,
      this.#devicePixelRatio,
      this.isSoftwareRendered,
    )
    this.#applyDrawingScale(performance.now())
    this.renderer.setSize(width, height, false)
    this.#current?.resize(width, height)
  }
  #frame(timeMs: number): void {
    const intervalMs = this.#lastTimeMs === undefined ? 0 : timeMs - this.#lastTimeMs
    const deltaSeconds = Math.min(intervalMs / 1000, 0.1)
    this.#lastTimeMs = timeMs
    const current = this.#current
    if (!current) return
    const drawnScale = this.renderer.getPixelRatio() / this.#fullPixelRatio
    // Only an interval that followed a drawn frame says what drawing costs: a frame skipped at
    // rest costs nothing, and learning from those would forget, between two touches, the scale
    // that keeps a touch within budget (each touch would begin with full-size, long frames).
    if (this.#wasLastFrameDrawn) this.interactiveResolution.recordFrame(intervalMs, drawnScale)
    this.#wasLastFrameDrawn = false
    this.#applyDrawingScale(timeMs)
    current.update(deltaSeconds, timeMs / 1000)
    // Render on demand: a scene at rest keeps the last picture, unless its size or the drawing
    // buffer changed since (both clear the canvas).
    const drawingBufferWidth = this.canvas.width
    const drawingBufferHeight = this.canvas.height
    const isSameBuffer =
      drawingBufferWidth === this.#drawnBufferSize.width &&
      drawingBufferHeight === this.#drawnBufferSize.height
    // While a finger drags (and until the touch has settled) frames skip FXAA's second pass:
    // a moving picture, often drawn smaller too (interactiveResolution), hides its edges, and
    // one full-screen pass less is what keeps touches answered on a software rasteriser. The
    // still picture is antialiased: once the touch settles, the last plain frame is redrawn.
    const isDrawnSmaller = this.renderer.getPixelRatio() < this.#fullPixelRatio
    const isPlain = isDrawnSmaller || this.interactiveResolution.isInteractingAt(timeMs)
    const isAntialiasingOwed = this.#antialiasing !== undefined && this.#isLastDrawPlain && !isPlain
    if (
      isSameBuffer &&
      !isAntialiasingOwed &&
      current.isAtRest?.() === true &&
      current === this.#drawnScene
    )
      return
    this.#drawnScene = current
    this.#drawnBufferSize = { width: drawingBufferWidth, height: drawingBufferHeight }
    this.#wasLastFrameDrawn = true
    this.#isLastDrawPlain = isPlain
    this.#isStillFrameShown = !isPlain
    this.renderer.info.reset()
    const renderStartMs = performance.now()
    if (this.#antialiasing)
      this.#antialiasing.render(
        current.scene,
        current.camera,
        drawingBufferWidth,
        drawingBufferHeight,
        isPlain,
      )
    else this.renderer.render(current.scene, current.camera)
    if (this.#isFirstFrame) {
      recordSceneStep('first-frame', renderStartMs)
      this.#prepareHiddenMeshesWhenIdle(current)
    }
    this.#isFirstFrame = false
    for (const listener of this.#frameListeners) listener(deltaSeconds)
  }
}
