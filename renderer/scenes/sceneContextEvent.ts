/**
 * The scene host announces WebGL context loss and restoration as a window event, so the app can
 * log it without scenes importing the bridge (and without the attract bundle importing three).
 */
export const sceneContextEventName = 'songyun:scene-context'

/** What happened to the scene host's WebGL context. */
export interface SceneContextChange {
  readonly state: 'lost' | 'restored'
  /** How many times the context was lost since the page loaded. */
  readonly lossCount: number
}

/** Dispatches a {@link SceneContextChange} on `window`. */
export function announceSceneContextChange(change: SceneContextChange): void {
  window.dispatchEvent(
    new CustomEvent<SceneContextChange>(sceneContextEventName, { detail: change }),
  )
}
