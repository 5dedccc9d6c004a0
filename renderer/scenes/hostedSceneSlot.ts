import type { Disposable } from '../../src/lifecycle/disposable'
import type { ExhibitScene, ExhibitSceneFactory } from './exhibitScene'
import type {
  HostedSceneAnswer,
  HostedSceneEnvironment,
  HostedSceneKind,
  HostedSceneName,
  SceneEventSink,
} from './hostedScene'
import { loadHostedSceneKind } from './hostedSceneKinds'

/** What a slot shows scenes in: the worker's `SceneDrawing`, or the page's `SceneHost`. */
export interface SceneShowTarget {
  /** The scene drawn now (undefined while one loads and after `clear`). */
  readonly current: ExhibitScene | undefined
  /** Builds and shows a scene; a newer call (or `clear`) wins: the older resolves to undefined. */
  show<S extends ExhibitScene>(
    factory: ExhibitSceneFactory<S>,
    isReducedMotion: boolean,
  ): Promise<S | undefined>
  /** Disposes the shown scene and stops drawing. */
  clear(): void
  /** Called with the scene rebuilt from the last factory after a lost context was restored. */
  onSceneRebuilt(listener: (scene: ExhibitScene) => void): Disposable
}

/** What the page asked to be shown: the scene's name, its options and the motion preference. */
export interface HostedSceneRequest {
  readonly name: HostedSceneName
  /** The kind's options (plain data; `HostedSceneKind.factory`). */
  readonly options: unknown
  readonly isReducedMotion: boolean
}

/**
 * The one bookkeeping of the scene shown by name, used by both sides of hosting (the scene
 * worker's `SceneWorkerRuntime` and the page's `PageHostedScenes`): which request is the newest
 * (an older one that resolves later is overtaken, and its scene's events go nowhere), which kind
 * and scene are shown, the reduced-motion preference a rebuilt scene is given again, and the
 * page's calls answered by name (docs/architecture.md, "How a scene is hosted").
 */
export class HostedSceneSlot implements Disposable {
  readonly #target: SceneShowTarget
  readonly #environment: HostedSceneEnvironment
  readonly #loadKind: (name: HostedSceneName) => Promise<HostedSceneKind>
  /** Bumped by every `show` and `clear`: a request whose number is not the latest is overtaken. */
  #latestRequest = 0
  #shown: { kind: HostedSceneKind; scene: ExhibitScene } | undefined
  #isReducedMotion = false
  readonly #rebuildListeners = new Set<(state: unknown) => void>()
  readonly #rebuildSubscription: Disposable

  constructor(
    target: SceneShowTarget,
    environment: HostedSceneEnvironment,
    loadKind: (name: HostedSceneName) => Promise<HostedSceneKind> = loadHostedSceneKind,
  ) {
    this.#target = target
    this.#environment = environment
    this.#loadKind = loadKind
    this.#rebuildSubscription = target.onSceneRebuilt((scene) => {
      const shown = this.#shown
      if (!shown) return
      this.#shown = { kind: shown.kind, scene }
      scene.setReducedMotion?.(this.#isReducedMotion)
      const state = shown.kind.stateOf(scene)
      for (const listener of [...this.#rebuildListeners]) listener(state)
    })
  }

  /**
   * Builds and shows the scene asked for; its events reach `emit` for as long as it is the
   * newest request. Resolves to its first state, or undefined when a newer `show` or a `clear`
   * overtook it; rejects when the scene could not be built.
   */
  async show(
    request: HostedSceneRequest,
    emit: SceneEventSink,
  ): Promise<{ state: unknown } | undefined> {
    const requestNumber = ++this.#latestRequest
    const isLatest = () => requestNumber === this.#latestRequest
    this.#shown = undefined
    this.#isReducedMotion = request.isReducedMotion
    const kind = await this.#loadKind(request.name)
    if (!isLatest()) return undefined
    const emitWhileLatest: SceneEventSink = (name, args) => {
      if (isLatest()) emit(name, args)
    }
    const scene = await this.#target.show(
      kind.factory(emitWhileLatest, request.options, this.#environment),
      request.isReducedMotion,
    )
    if (!scene || !isLatest()) return undefined
    this.#shown = { kind, scene }
    return { state: kind.stateOf(scene) }
  }

  /** Follows the visitor's reduced-motion preference in the shown scene (and a rebuilt one). */
  setReducedMotion(isReducedMotion: boolean): void {
    this.#isReducedMotion = isReducedMotion
    this.#shown?.scene.setReducedMotion?.(isReducedMotion)
  }

  /** Disposes the shown scene; a show still loading is overtaken. */
  clear(): void {
    this.#latestRequest++
    this.#shown = undefined
    this.#target.clear()
  }

  /** Whether a scene was shown and not cleared since (it may be rebuilding after a lost context). */
  get isShown(): boolean {
    return this.#shown !== undefined
  }

  /** The shown scene's state now, or undefined while none is drawn (loading, cleared). */
  state(): unknown {
    const shown = this.#shown
    return shown && this.#target.current === shown.scene
      ? shown.kind.stateOf(shown.scene)
      : undefined
  }

  /** Answers the page's call `method` on the shown scene; throws when none can answer it. */
  call(method: string, args: readonly unknown[]): HostedSceneAnswer {
    const shown = this.#shown
    if (!shown) throw new Error('no scene is shown')
    const call = shown.kind.calls[method]
    if (!call) throw new Error(`the scene has no call "${method}"`)
    return call(shown.scene, args)
  }

  /** The factory of `name` as prepared in idle time: no options, and its events go nowhere. */
  async preparedFactory(name: HostedSceneName): Promise<ExhibitSceneFactory> {
    const kind = await this.#loadKind(name)
    return kind.factory(() => {}, undefined, this.#environment)
  }

  /** Called with the rebuilt scene's first state after a lost context forced a rebuild. */
  onRebuilt(listener: (state: unknown) => void): Disposable {
    this.#rebuildListeners.add(listener)
    return { dispose: () => this.#rebuildListeners.delete(listener) }
  }

  dispose(): void {
    this.#rebuildSubscription.dispose()
    this.#rebuildListeners.clear()
    this.#shown = undefined
  }
}
