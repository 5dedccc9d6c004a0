import type { PerspectiveCamera, OrthographicCamera, Scene, WebGLRenderer } from 'three'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { ScenePointerSource } from './scenePointerInput'

/** What a scene factory is given; it must not touch the DOM or start anything before `connect`. */
export interface SceneContext {
  /** The one WebGL renderer of the app (owned by the scene host; never dispose it). */
  readonly renderer: WebGLRenderer
  /** Aborted when a newer scene supersedes this one while it loads. */
  readonly signal: AbortSignal
  /** Reduced motion is on (OS setting or the visitor's toggle): no camera swoops, calm effects. */
  readonly isReducedMotion: boolean
  /**
   * The canvas's size in CSS pixels when the scene is asked for; 0 × 0 before the canvas is
   * laid out (then the window's shape is the best guess).
   */
  readonly sizeCssPx: { readonly width: number; readonly height: number }
}

/**
 * An exhibit's Three.js scene. Created by a side-effect-free factory, then `connect(canvas)`,
 * `update`, `resize`, and `dispose()`, which frees every geometry, material, texture, render
 * target and listener it made (all owned by one `DisposableStore`).
 */
export interface ExhibitScene extends Disposable {
  readonly scene: Scene
  readonly camera: PerspectiveCamera | OrthographicCamera
  /**
   * Starts listening to `input` (plain pointer records, the same on the page's main thread and in
   * a worker); subscriptions end with `dispose()` (docs/architecture.md).
   */
  connect(input: ScenePointerSource): void
  update(deltaSeconds: number, elapsedSeconds: number): void
  resize(widthCssPx: number, heightCssPx: number): void
  /**
   * Optional: after `update`, whether the picture would be the same as the last one drawn (nothing
   * moved, nothing changed). The host then skips the render: on a software rasteriser an unchanged
   * frame still costs its full price. A scene without it is drawn every frame.
   */
  isAtRest?(): boolean
  /** Follows a change of the reduced-motion preference without rebuilding the scene. */
  setReducedMotion?(isReducedMotion: boolean): void
}

/** Builds a scene; async so it can make textures (fonts, canvases) before the first frame. */
export type ExhibitSceneFactory<S extends ExhibitScene = ExhibitScene> = (
  context: SceneContext,
) => Promise<S>
