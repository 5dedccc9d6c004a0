import type { Disposable } from '../../src/lifecycle/disposable'
import type { HostedSceneHandle, HostedSceneName, SceneEventListener } from './hostedScene'
import type { SceneSnapshot } from './sceneWorkerProtocol'

/** A scene shown by name: the handle to ask it things and its state when it was shown. */
export interface ShownHostedScene {
  readonly handle: HostedSceneHandle
  readonly state: unknown
}

/**
 * What an exhibit component needs of a host that shows scenes by name (`useHostedScene`): the
 * worker host (`WorkerSceneHost`) or, where a canvas cannot be drawn from a worker, the page's
 * own (`PageHostedScenes`). Scene events reach the listener given to `show`.
 */
export interface HostedSceneHostPort {
  /** Puts the canvas into `container` (the exhibit frame's scene area). */
  attach(container: HTMLElement): void
  /**
   * Builds and shows the scene `name` from `options` (plain data, `HostedSceneKind.factory`); a
   * newer call (or `clear`) wins: the older gets undefined.
   */
  show(
    name: HostedSceneName,
    options: unknown,
    isReducedMotion: boolean,
    listener: SceneEventListener,
  ): Promise<ShownHostedScene | undefined>
  /** Follows the visitor's reduced-motion preference in the shown scene. */
  setReducedMotion(isReducedMotion: boolean): void
  /** Disposes the shown scene and takes the canvas out of the page (leaving an exhibit). */
  clear(): void
  /** Called with the renderer's counts and the scene's state after every drawn frame. */
  onFrame(listener: (snapshot: SceneSnapshot) => void): Disposable
  /** Called with the new scene's state after a lost WebGL context forced a rebuild. */
  onSceneRebuilt(listener: (state: unknown) => void): Disposable
  /** Prepares `name` in the host's WebGL context before it is asked for (menu idle time). */
  prepare(name: HostedSceneName): Promise<void>
}
