import { inject, onBeforeUnmount, onMounted, watch, type InjectionKey, type Ref } from 'vue'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { ExhibitScene, ExhibitSceneFactory } from './exhibitScene'
import { pageSceneHost } from './pageSceneHost'

// The one file in renderer/scenes that imports Vue (lint allows it by name): it is the seam
// between an exhibit component and the Three.js-only scene host.

/** The draw calls and triangles of the last rendered frame (for the budget checks of tests). */
export interface RenderCost {
  readonly calls: number
  readonly triangles: number
}

/** What an exhibit component needs of the scene host; `SceneHost` is the real one. */
export interface SceneHostPort {
  attach(container: HTMLElement): void
  show<S extends ExhibitScene>(
    factory: ExhibitSceneFactory<S>,
    isReducedMotion: boolean,
  ): Promise<S | undefined>
  clear(): void
  onFrame(listener: (deltaSeconds: number) => void): Disposable
  onSceneRebuilt(listener: (scene: ExhibitScene) => void): Disposable
  readonly renderer: { readonly info: { readonly render: RenderCost } }
}

/**
 * Where a component finds the scene host. Nothing provides it in the app, so every exhibit shares
 * the page's one host (Chromium caps live WebGL contexts); a test provides a fake.
 */
export const sceneHostKey: InjectionKey<SceneHostPort> = Symbol('sceneHost')

export interface SceneHostOptions<S extends ExhibitScene> {
  /** The element the canvas goes into; it must be mounted when the component is. */
  readonly container: Readonly<Ref<HTMLElement | undefined>>
  /** The visitor's reduced-motion preference, read for every scene shown and watched after. */
  readonly isReducedMotion: () => boolean
  /** Called after every rendered frame while a scene of this component is on screen. */
  readonly onFrame?: (scene: S) => void
  /**
   * Called when a lost WebGL context forced the host to build the scene afresh from its factory:
   * the component resets what it showed of the old scene (the new one starts from its beginning).
   */
  readonly onRebuilt?: (scene: S) => void
}

/** The scene a component shows through the host. */
export interface HostedScene<S extends ExhibitScene> {
  /**
   * The scene on screen now: after a context loss the rebuilt one, never the disposed one;
   * undefined while a scene loads and after the component is gone. Never put it in Vue state.
   */
  current(): S | undefined
  /** Builds and shows a scene; a newer call wins (the older resolves to undefined). */
  show(factory: ExhibitSceneFactory<S>): Promise<S | undefined>
  /** The draw calls and triangles of the last frame the host rendered. */
  renderCost(): RenderCost
}

/**
 * Hosts an exhibit's Three.js scene for the life of the calling component, the one way every 3D
 * exhibit does it: the canvas is attached to `container` on mount, the scene follows a rebuild
 * after the WebGL context is restored, the host keeps it sized to the container, and on unmount
 * the scene is disposed, the canvas detached and every listener removed.
 */
export function useSceneHost<S extends ExhibitScene>(options: SceneHostOptions<S>): HostedScene<S> {
  const host = inject<SceneHostPort>(sceneHostKey, pageSceneHost, true)
  let current: S | undefined
  let isMounted = false
  const subscriptions: Disposable[] = []

  onMounted(() => {
    isMounted = true
    const container = options.container.value
    if (!container) throw new Error('useSceneHost: the container element is not mounted')
    host.attach(container)
    subscriptions.push(
      host.onFrame(() => {
        if (current) options.onFrame?.(current)
      }),
      host.onSceneRebuilt((rebuilt) => {
        // The host only rebuilds what `show` was last asked for: this component's scene.
        current = rebuilt as S
        current.setReducedMotion?.(options.isReducedMotion())
        options.onRebuilt?.(current)
      }),
    )
  })

  watch(options.isReducedMotion, (isReducedMotion) => current?.setReducedMotion?.(isReducedMotion))

  onBeforeUnmount(() => {
    isMounted = false
    for (const subscription of subscriptions.splice(0)) subscription.dispose()
    current = undefined
    host.clear()
  })

  return {
    current: () => current,
    async show(factory) {
      if (!isMounted) throw new Error('useSceneHost: show() before the component is mounted')
      current = undefined
      const shown = await host.show(factory, options.isReducedMotion())
      if (shown && isMounted) current = shown
      return isMounted ? shown : undefined
    },
    renderCost: () => {
      const { calls, triangles } = host.renderer.info.render
      return { calls, triangles }
    },
  }
}
