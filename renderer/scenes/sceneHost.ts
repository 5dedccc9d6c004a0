import { WebGLRenderer, SRGBColorSpace, ACESFilmicToneMapping } from 'three'
import type { Disposable } from '../../src/lifecycle/disposable'
import { registerWebglProbe } from '../diagnostics/diagnostics'
import type { ExhibitScene, ExhibitSceneFactory } from './exhibitScene'

/**
 * Owns the app's one WebGL renderer and canvas for the life of the page (Chromium caps live
 * contexts), and the exhibit scene shown in it. Exhibits come and go; the renderer stays, so
 * `renderer.info.memory` returns to its baseline when a scene is disposed.
 */
export class SceneHost implements Disposable {
  readonly canvas: HTMLCanvasElement
  readonly renderer: WebGLRenderer
  #current: ExhibitScene | undefined
  #loading: AbortController | undefined
  #lastTimeMs: number | undefined
  #resizeObserver: ResizeObserver
  #frameListeners = new Set<(deltaSeconds: number) => void>()

  constructor() {
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'scene-host-canvas'
    this.canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;'
    this.renderer = new WebGLRenderer({ canvas: this.canvas, antialias: true, preserveDrawingBuffer: true })
    this.renderer.outputColorSpace = SRGBColorSpace
    this.renderer.toneMapping = ACESFilmicToneMapping
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2))
    this.#resizeObserver = new ResizeObserver(() => this.#resize())
    this.#resizeObserver.observe(this.canvas)
    registerWebglProbe(() => ({
      geometries: this.renderer.info.memory.geometries,
      textures: this.renderer.info.memory.textures,
      programs: this.renderer.info.programs?.length ?? 0,
      calls: this.renderer.info.render.calls,
    }))
  }

  /** Puts the canvas into `container` (the exhibit frame's scene area). */
  attach(container: HTMLElement): void {
    container.appendChild(this.canvas)
    this.#resize()
  }

  /** Shows a scene. A newer call wins; a load it supersedes is disposed as soon as it resolves. */
  async show<S extends ExhibitScene>(factory: ExhibitSceneFactory<S>, isReducedMotion: boolean): Promise<S | undefined> {
    this.#loading?.abort()
    const loading = (this.#loading = new AbortController())
    const next = await factory({ renderer: this.renderer, signal: loading.signal, isReducedMotion })
    if (loading.signal.aborted) {
      next.dispose()
      return undefined
    }
    this.#disposeCurrent()
    this.#current = next
    next.connect(this.canvas)
    this.#resize()
    this.#lastTimeMs = undefined
    this.renderer.setAnimationLoop((timeMs) => this.#frame(timeMs))
    return next
  }

  /** Disposes the current scene, stops the loop and detaches the canvas (leaving an exhibit). */
  clear(): void {
    this.#loading?.abort()
    this.#loading = undefined
    this.#disposeCurrent()
    this.renderer.setAnimationLoop(null)
    this.renderer.clear()
    this.canvas.remove()
  }

  /** Called after every rendered frame (the frame-time probe of the benchmarks uses it). */
  onFrame(listener: (deltaSeconds: number) => void): Disposable {
    this.#frameListeners.add(listener)
    return { dispose: () => this.#frameListeners.delete(listener) }
  }

  dispose(): void {
    this.clear()
    this.#resizeObserver.disconnect()
    registerWebglProbe(undefined)
    this.renderer.dispose()
    this.renderer.forceContextLoss()
  }

  #disposeCurrent(): void {
    const current = this.#current
    this.#current = undefined
    current?.dispose()
    // Programs are cached per material; once the scene's materials are gone so are they.
    this.renderer.renderLists.dispose()
  }

  #resize(): void {
    const width = this.canvas.clientWidth
    const height = this.canvas.clientHeight
    if (width === 0 || height === 0) return
    this.renderer.setSize(width, height, false)
    this.#current?.resize(width, height)
  }

  #frame(timeMs: number): void {
    const deltaSeconds = this.#lastTimeMs === undefined ? 0 : Math.min((timeMs - this.#lastTimeMs) / 1000, 0.1)
    this.#lastTimeMs = timeMs
    const current = this.#current
    if (!current) return
    current.update(deltaSeconds, timeMs / 1000)
    this.renderer.render(current.scene, current.camera)
    for (const listener of this.#frameListeners) listener(deltaSeconds)
  }
}

let sharedHost: SceneHost | undefined

/** The app's scene host, created on first use (never on the attract screen or menu). */
export function sharedSceneHost(): SceneHost {
  sharedHost ??= new SceneHost()
  return sharedHost
}
