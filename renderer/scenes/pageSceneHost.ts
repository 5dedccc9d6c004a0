import { SceneHost } from './sceneHost'
import { recordSceneStep } from './sceneSteps'

let pageHost: SceneHost | undefined

/**
 * The page's one scene host (Chromium caps live WebGL contexts), made on first use: by the first
 * exhibit shown, or earlier by the menu's idle warm-up that prepares a scene's first frame in its
 * context (`prepareScene`). Never on the attract screen.
 */
export function pageSceneHost(): SceneHost {
  if (!pageHost) {
    const startMs = performance.now()
    pageHost = new SceneHost()
    recordSceneStep('host', startMs)
  }
  return pageHost
}
