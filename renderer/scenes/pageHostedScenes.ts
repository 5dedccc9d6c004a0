import type { Disposable } from '../../src/lifecycle/disposable'
import type {
  HostedSceneHandle,
  HostedSceneKind,
  HostedSceneName,
  SceneEventListener,
} from './hostedScene'
import { deliverSceneEvent } from './hostedScene'
import { loadHostedSceneKind } from './hostedSceneKinds'
import type { HostedSceneHostPort, ShownHostedScene } from './hostedSceneHost'
import { HostedSceneSlot } from './hostedSceneSlot'
import type { SceneHost } from './sceneHost'
import type { SceneSnapshot } from './sceneWorkerProtocol'

/**
 * Scenes shown by name on the page's main thread, in the page's `SceneHost` (which it owns for
 * the life of the page): the fallback where a canvas cannot be drawn from a worker
 * (`canDrawInWorker`). Same port, same kinds, same bookkeeping ({@link HostedSceneSlot}) and same
 * events as the worker host, so an exhibit component cannot tell the two apart; calls are
 * answered at once.
 */
export class PageHostedScenes implements HostedSceneHostPort, Disposable {
  readonly #host: SceneHost
  readonly #slot: HostedSceneSlot

  constructor(
    host: SceneHost,
    fonts: FontFaceSet | undefined,
    loadKind: (name: HostedSceneName) => Promise<HostedSceneKind> = loadHostedSceneKind,
  ) {
    this.#host = host
    this.#slot = new HostedSceneSlot(host, { fonts }, loadKind)
  }

  attach(container: HTMLElement): void {
    this.#host.attach(container)
  }

  async show(
    name: HostedSceneName,
    options: unknown,
    isReducedMotion: boolean,
    listener: SceneEventListener,
  ): Promise<ShownHostedScene | undefined> {
    const shown = await this.#slot.show({ name, options, isReducedMotion }, (eventName, args) =>
      deliverSceneEvent(listener, eventName, args),
    )
    return shown && { handle: this.#handle, state: shown.state }
  }

  setReducedMotion(isReducedMotion: boolean): void {
    this.#slot.setReducedMotion(isReducedMotion)
  }

  clear(): void {
    // The host's clear also takes its canvas out of the page.
    this.#slot.clear()
  }

  async prepare(name: HostedSceneName): Promise<void> {
    await this.#host.prepare(name, await this.#slot.preparedFactory(name))
  }

  onFrame(listener: (snapshot: SceneSnapshot) => void): Disposable {
    return this.#host.onFrame(() =>
      listener({ counts: this.#host.counts(), state: this.#slot.state() }),
    )
  }

  onSceneRebuilt(listener: (state: unknown) => void): Disposable {
    return this.#slot.onRebuilt(listener)
  }

  dispose(): void {
    this.#slot.dispose()
    this.#host.dispose()
  }

  readonly #handle: HostedSceneHandle = {
    call: async (method, ...args) => this.#slot.call(method, args).value,
  }
}
