import type { WebGLRenderer } from 'three'
import type { Disposable } from '../../src/lifecycle/disposable'
import {
  registerSceneContextControl,
  registerWebglProbe,
  type SceneContextControl,
} from '../diagnostics/diagnostics'
import { DomPointerSource } from './domPointerSource'
import type { ExhibitScene, ExhibitSceneFactory } from './exhibitScene'
import { guardTapsAfterFlicks } from './flickTapGuard'
import type { InteractiveResolution } from './interactiveResolution'
import { isSoftwareRenderer } from './rendererCapability'
import { SceneDrawing, type DrawingCounts } from './sceneDrawing'
import { announceSceneContextChange } from './sceneContextEvent'

/**
 * Owns the app's WebGL renderer and canvas on the page's main thread for the life of the page
 * (Chromium caps live contexts), and the exhibit scene shown in it: the DOM side (the canvas
 * element, its size, touches, diagnostics) around a {@link SceneDrawing}. The fallback where a
 * canvas cannot be drawn from a worker (`canDrawInWorker`), owned by `PageHostedScenes`
 * (docs/architecture.md, "How a scene is hosted").
 */
export class SceneHost implements Disposable {
  readonly canvas: HTMLCanvasElement
  readonly #drawing: SceneDrawing
  readonly #pointer: DomPointerSource
  #resizeObserver: ResizeObserver
  /** Cancels the canvas's touch moves so a flick does not swallow the next tap (flickTapGuard.ts). */
  readonly #flickTapGuard: Disposable

  constructor() {
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'scene-host-canvas'
    this.canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;'
    this.#pointer = new DomPointerSource(this.canvas)
    this.#drawing = new SceneDrawing({
      canvas: this.canvas,
      isSoftwareRendered: isSoftwareRenderer(),
      pointer: this.#pointer,
      onContextChange: announceSceneContextChange,
    })
    this.#drawing.setSize({ width: 0, height: 0 }, window.devicePixelRatio)
    this.#resizeObserver = new ResizeObserver(() => this.#resize())
    this.#resizeObserver.observe(this.canvas)
    this.canvas.addEventListener('pointerdown', this.#onPointerDown)
    this.#flickTapGuard = guardTapsAfterFlicks(this.canvas)
    // A finger may lift outside the canvas: the end of a touch is heard on the whole window.
    window.addEventListener('pointerup', this.#onPointerEnd, true)
    window.addEventListener('pointercancel', this.#onPointerEnd, true)
    this.#registerProbes()
  }

  get renderer(): WebGLRenderer {
    return this.#drawing.renderer
  }

  /** WebGL runs on a software rasteriser: multisampling is off (see `isSoftwareRenderer`). */
  get isSoftwareRendered(): boolean {
    return this.#drawing.isSoftwareRendered
  }

  /** Shrinks the drawing buffer while a finger drags on a scene whose frames run slow. */
  get interactiveResolution(): InteractiveResolution {
    return this.#drawing.interactiveResolution
  }

  /** The scene drawn now (undefined while one loads and after `clear`). */
  get current(): ExhibitScene | undefined {
    return this.#drawing.current
  }

  /** The renderer's counts now (`SceneDrawing.counts`). */
  counts(): DrawingCounts {
    return this.#drawing.counts()
  }

  /** Puts the canvas into `container` (the exhibit frame's scene area). */
  attach(container: HTMLElement): void {
    container.appendChild(this.canvas)
    // The host on screen is the one diagnostics() reports (a page may have a worker host too).
    this.#registerProbes()
    this.#resize()
  }

  /** Shows a scene. A newer call wins; a load it supersedes is disposed as soon as it resolves. */
  show<S extends ExhibitScene>(
    factory: ExhibitSceneFactory<S>,
    isReducedMotion: boolean,
  ): Promise<S | undefined> {
    return this.#drawing.show(factory, isReducedMotion)
  }

  /**
   * Prepares a scene in this context before it is asked for, while the menu is idle
   * (`SceneDrawing.prepare`), for a stage the size of the window.
   */
  prepare(name: string, factory: ExhibitSceneFactory): Promise<void> {
    return this.#drawing.prepare(name, factory, {
      width: window.innerWidth,
      height: window.innerHeight,
    })
  }

  /** Disposes the current scene, stops the loop and detaches the canvas (leaving an exhibit). */
  clear(): void {
    this.#drawing.clear()
    this.canvas.remove()
  }

  /** Called after every rendered frame (the frame-time probe of the benchmarks uses it). */
  onFrame(listener: (deltaSeconds: number) => void): Disposable {
    return this.#drawing.onFrame(listener)
  }

  /**
   * Called with the new scene after a lost WebGL context forced a rebuild: a component that keeps
   * the scene `show` returned swaps to this one (the old one is disposed).
   */
  onSceneRebuilt(listener: (scene: ExhibitScene) => void): Disposable {
    return this.#drawing.onSceneRebuilt(listener)
  }

  dispose(): void {
    this.clear()
    this.#resizeObserver.disconnect()
    this.canvas.removeEventListener('pointerdown', this.#onPointerDown)
    this.#flickTapGuard.dispose()
    this.#pointer.dispose()
    window.removeEventListener('pointerup', this.#onPointerEnd, true)
    window.removeEventListener('pointercancel', this.#onPointerEnd, true)
    registerWebglProbe(undefined)
    registerSceneContextControl(undefined)
    this.#drawing.dispose()
  }

  #registerProbes(): void {
    registerWebglProbe(() => {
      const { triangles: _triangles, ...counts } = this.#drawing.counts()
      return counts
    })
    registerSceneContextControl(contextControlOf(this.renderer))
  }

  #onPointerDown = (event: PointerEvent) => this.#drawing.beginTouch(event.pointerId)

  #onPointerEnd = (event: PointerEvent) => this.#drawing.endTouch(event.pointerId)

  #resize(): void {
    const width = this.canvas.clientWidth
    const height = this.canvas.clientHeight
    if (width === 0 || height === 0) return
    this.#drawing.setSize({ width, height }, window.devicePixelRatio)
  }
}

/** Loses and restores `renderer`'s context as a GPU reset would (the e2e resilience test). */
function contextControlOf(renderer: WebGLRenderer): SceneContextControl {
  // A lost context gives out no extensions: the one that lost it is kept to restore it.
  let extension: WEBGL_lose_context | undefined
  return {
    lose: () => {
      extension = renderer.getContext().getExtension('WEBGL_lose_context') ?? undefined
      extension?.loseContext()
    },
    restore: () => extension?.restoreContext(),
    isLost: () => renderer.getContext().isContextLost(),
  }
}
