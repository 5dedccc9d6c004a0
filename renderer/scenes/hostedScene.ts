import type { ExhibitScene, ExhibitSceneFactory } from './exhibitScene'

/** The scenes a host can show by name, in a worker or on the page (`hostedSceneKinds.ts`). */
export type HostedSceneName = 'tea-whisking' | 'woodblock-printing'

/**
 * Hears a scene's events: each call of its listener, by method name and arguments (plain data,
 * so it can be posted from a worker to the page).
 */
export type SceneEventSink = (name: string, args: readonly unknown[]) => void

/** What a scene call answers, with what to transfer rather than copy across to the page. */
export interface HostedSceneAnswer {
  readonly value: unknown
  readonly transfer?: readonly Transferable[]
}

/** The calls a page may make on a hosted scene: method name → its arguments and answer. */
export type HostedSceneCalls = Record<string, (...args: never[]) => unknown>

/** What the host gives every scene it builds, from where it runs. */
export interface HostedSceneEnvironment {
  /**
   * The font set the scene's canvases draw with: `document.fonts` on the page, `self.fonts` in
   * the scene worker (a worker does not see the document's fonts).
   */
  readonly fonts: FontFaceSet | undefined
}

/**
 * How a scene is shown by name, wherever it is drawn: built from plain options with its listener
 * turned into {@link SceneEventSink} calls, read after each drawn frame as plain data, and asked
 * things by name. The same kind serves the worker host and the page's fallback
 * (docs/architecture.md, "How a scene is hosted").
 */
export interface HostedSceneKind<S extends ExhibitScene = ExhibitScene, Options = unknown> {
  /**
   * The scene's factory, whose listener forwards every event to `emit`. `options` are what the
   * page asked the scene for (plain data: they may cross to the worker); a scene prepared in the
   * menu's idle time is built with none.
   */
  factory(
    emit: SceneEventSink,
    options: Options | undefined,
    environment: HostedSceneEnvironment,
  ): ExhibitSceneFactory<S>
  /** What the page shows of the scene each frame (plain data, e.g. the pour's phase). */
  stateOf(scene: S): unknown
  /** What the page may ask of the scene, by method name. */
  readonly calls: Readonly<
    Record<string, (scene: S, args: readonly unknown[]) => HostedSceneAnswer>
  >
}

/** The page's handle on a hosted scene: asks it things by name (answers cross as messages). */
export interface HostedSceneHandle<Calls extends HostedSceneCalls = HostedSceneCalls> {
  call<K extends keyof Calls & string>(
    method: K,
    ...args: Parameters<Calls[K]>
  ): Promise<Awaited<ReturnType<Calls[K]>>>
}

/** A listener object whose methods the scene's events call (the exhibit component's). */
export type SceneEventListener = object

/** Calls `listener`'s method `name` with `args`, if it has one (an event from the scene). */
export function deliverSceneEvent(
  listener: SceneEventListener,
  name: string,
  args: readonly unknown[],
): void {
  const method = (listener as Record<string, unknown>)[name]
  if (typeof method === 'function') method.apply(listener, args)
}
