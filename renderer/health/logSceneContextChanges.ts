import { kioskApi } from '../bridge/kioskBridge'
import { sceneContextEventName, type SceneContextChange } from '../scenes/sceneContextEvent'

/** Writes the scene host's WebGL context losses and recoveries to the services' log. */
export function logSceneContextChanges(target: Window = window): () => void {
  const onChange = (event: Event) => {
    const { state, lossCount } = (event as CustomEvent<SceneContextChange>).detail
    const message =
      state === 'lost'
        ? `WebGL context lost (${lossCount} since load); the scene will be rebuilt when it returns`
        : 'WebGL context restored; scene rebuilt'
    void kioskApi()
      .invoke('app:log', { level: state === 'lost' ? 'warn' : 'info', message })
      .catch(() => undefined)
  }
  target.addEventListener(sceneContextEventName, onChange)
  return () => target.removeEventListener(sceneContextEventName, onChange)
}
