import type { ExhibitScene, ExhibitSceneFactory } from './exhibitScene'

/** The scenes a host can show by name, in a worker or on the page (`hostedSceneKinds.ts`). */
export type HostedSceneName = 'tea-whisking'

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

/**
 * How a scene is shown by name, wherever it is drawn: built with its listener turned into
 * {@link SceneEventSink} calls, read after each drawn frame as plain data, and asked things by
 * name. The same kind serves the worker host and the page's fallback (docs/architecture.md,
 * "How a scene is hosted").
 */
export interface HostedSceneKind<S extends ExhibitScene = ExhibitScene> {
  /** The scene's factory, whose listener forwards every event to `emit`. */
  factory(emit: SceneEventSink): ExhibitSceneFactory<S>
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
