import { inject, onBeforeUnmount, onMounted, watch, type InjectionKey, type Ref } from 'vue'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { HostedSceneCalls, HostedSceneHandle, HostedSceneName } from './hostedScene'
import type { HostedSceneHostPort } from './hostedSceneHost'
import type { SceneSnapshot } from './sceneWorkerProtocol'
import { pageHostedSceneHost } from './pageHostedSceneHost'

// The one file of renderer/scenes that imports Vue (lint allows it by name): the seam between an
// exhibit component and the host of its scene, the one way an exhibit hosts a scene.

/** The draw calls and triangles of the last drawn frame (for the budget checks of tests). */
export interface RenderCost {
  readonly calls: number
  readonly triangles: number
}

/**
 * Where a component finds the host of scenes shown by name. Nothing provides it in the app, so
 * every exhibit shares the page's one (`pageHostedSceneHost`); a test provides a fake.
 */
export const hostedSceneHostKey: InjectionKey<HostedSceneHostPort> = Symbol('hostedSceneHost')

export interface HostedSceneOptions<State, Listener extends object> {
  /** The element the canvas goes into; it must be mounted when the component is. */
  readonly container: Readonly<Ref<HTMLElement | undefined>>
  /** The visitor's reduced-motion preference, read for the scene shown and watched after. */
  readonly isReducedMotion: () => boolean
  /** The scene to show. */
  readonly name: HostedSceneName
  /** Hears the scene's events (its listener's methods, called from the page's thread). */
  readonly listener: Listener
  /** Called with the scene's state and the frame's cost after every drawn frame. */
  readonly onFrame?: (state: State, cost: RenderCost) => void
  /**
   * Called with the new scene's state when a lost WebGL context forced the host to build it
   * afresh: the component resets what it showed of the old one.
   */
  readonly onRebuilt?: (state: State) => void
}

/** The scene a component shows by name. */
export interface HostedScene<State, Calls extends HostedSceneCalls> {
  /** The scene on screen, or undefined while it loads and after the component is gone. */
  current(): HostedSceneHandle<Calls> | undefined
  /**
   * Builds and shows the scene from `options` (plain data: they may cross to the scene worker;
   * `HostedSceneKind.factory`); resolves to its first state (undefined if overtaken).
   */
  show(options?: unknown): Promise<State | undefined>
}

/**
 * Hosts an exhibit's scene by name for the life of the calling component, wherever the page
 * draws it (a worker, or the main thread): the canvas is attached to `container` on mount, the
 * scene's events reach `listener`, its state comes after each drawn frame, and on unmount the
 * scene is disposed and the canvas detached (docs/architecture.md, "How a scene is hosted").
 */
export function useHostedScene<State, Calls extends HostedSceneCalls, Listener extends object>(
  options: HostedSceneOptions<State, Listener>,
): HostedScene<State, Calls> {
  const host = inject<HostedSceneHostPort>(hostedSceneHostKey, pageHostedSceneHost, true)
  let current: HostedSceneHandle<Calls> | undefined
  let isMounted = false
  const subscriptions: Disposable[] = []
  /**
   * The last drawn frame's snapshot. The scene worker answers a show after its first frame, whose
   * snapshot so arrives first; a scene at rest draws no more (render on demand), so that frame is
   * handed on once the show is answered, or the component would never hear where things are.
   */
  let lastFrame: SceneSnapshot | undefined
  const deliverFrame = (snapshot: SceneSnapshot) => {
    if (!current || snapshot.state === undefined) return
    const { calls, triangles } = snapshot.counts
    options.onFrame?.(snapshot.state as State, { calls, triangles })
  }

  onMounted(() => {
    isMounted = true
    const container = options.container.value
    if (!container) throw new Error('useHostedScene: the container element is not mounted')
    host.attach(container)
    subscriptions.push(
      host.onFrame((snapshot) => {
        lastFrame = snapshot
        deliverFrame(snapshot)
      }),
      host.onSceneRebuilt((state) => options.onRebuilt?.(state as State)),
    )
  })

  watch(options.isReducedMotion, (isReducedMotion) => host.setReducedMotion(isReducedMotion))

  onBeforeUnmount(() => {
    isMounted = false
    for (const subscription of subscriptions.splice(0)) subscription.dispose()
    current = undefined
    host.clear()
  })

  return {
    current: () => current,
    async show(sceneOptions) {
      if (!isMounted) throw new Error('useHostedScene: show() before the component is mounted')
      current = undefined
      lastFrame = undefined
      const shown = await host.show(
        options.name,
        sceneOptions,
        options.isReducedMotion(),
        options.listener,
      )
      if (!shown || !isMounted) return undefined
      current = shown.handle
      if (lastFrame) deliverFrame(lastFrame)
      return shown.state as State
    },
  }
}
