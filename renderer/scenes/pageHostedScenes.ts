import { toDisposable, type Disposable } from '../../src/lifecycle/disposable'
import type {
  HostedSceneHandle,
  HostedSceneKind,
  HostedSceneName,
  SceneEventListener,
} from './hostedScene'
import { deliverSceneEvent } from './hostedScene'
import { loadHostedSceneKind } from './hostedSceneKinds'
import type { HostedSceneHostPort, ShownHostedScene } from './hostedSceneHost'
import type { ExhibitScene } from './exhibitScene'
import type { SceneHost } from './sceneHost'
import type { SceneSnapshot } from './sceneWorkerProtocol'

/**
 * Scenes shown by name on the page's main thread, through the page's `SceneHost`: the fallback
 * where a canvas cannot be drawn from a worker (`canDrawInWorker`). Same port, same kinds and
 * same events as the worker host, so an exhibit component cannot tell the two apart; calls are
 * answered at once.
 */
export class PageHostedScenes implements HostedSceneHostPort {
  readonly #host: SceneHost
  readonly #loadKind: (name: HostedSceneName) => Promise<HostedSceneKind>
  #shown: { kind: HostedSceneKind; scene: ExhibitScene } | undefined
  #listener: SceneEventListener | undefined
  #isReducedMotion = false

  constructor(
    host: SceneHost,
    loadKind: (name: HostedSceneName) => Promise<HostedSceneKind> = loadHostedSceneKind,
  ) {
    this.#host = host
    this.#loadKind = loadKind
  }

  attach(container: HTMLElement): void {
    this.#host.attach(container)
  }

  async show(
    name: HostedSceneName,
    isReducedMotion: boolean,
    listener: SceneEventListener,
  ): Promise<ShownHostedScene | undefined> {
    this.#listener = listener
    this.#isReducedMotion = isReducedMotion
    this.#shown = undefined
    const kind = await this.#loadKind(name)
    if (this.#listener !== listener) return undefined
    const emit = (eventName: string, args: readonly unknown[]) => {
      if (this.#listener === listener) deliverSceneEvent(listener, eventName, args)
    }
    const scene = await this.#host.show(kind.factory(emit), isReducedMotion)
    if (!scene || this.#listener !== listener) return undefined
    this.#shown = { kind, scene }
    return { handle: this.#handle, state: kind.stateOf(scene) }
  }

  setReducedMotion(isReducedMotion: boolean): void {
    this.#isReducedMotion = isReducedMotion
    this.#shown?.scene.setReducedMotion?.(isReducedMotion)
  }

  clear(): void {
    this.#listener = undefined
    this.#shown = undefined
    this.#host.clear()
  }

  prepare(name: HostedSceneName): Promise<void> {
    return this.#loadKind(name).then((kind) =>
      this.#host.prepare(
        name,
        kind.factory(() => {}),
      ),
    )
  }

  onFrame(listener: (snapshot: SceneSnapshot) => void): Disposable {
    return this.#host.onFrame(() => {
      const shown = this.#shown
      listener({
        counts: this.#host.counts(),
        state: shown ? shown.kind.stateOf(shown.scene) : undefined,
      })
    })
  }

  onSceneRebuilt(listener: (state: unknown) => void): Disposable {
    const subscription = this.#host.onSceneRebuilt((scene) => {
      if (!this.#shown) return
      this.#shown = { kind: this.#shown.kind, scene }
      scene.setReducedMotion?.(this.#isReducedMotion)
      listener(this.#shown.kind.stateOf(scene))
    })
    return toDisposable(() => subscription.dispose())
  }

  readonly #handle: HostedSceneHandle = {
    call: async (method, ...args) => {
      const shown = this.#shown
      const call = shown?.kind.calls[method]
      if (!shown || !call) throw new Error(`no shown scene answers "${method}"`)
      return call(shown.scene, args).value
    },
  }
}
