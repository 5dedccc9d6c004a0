import type { HostedSceneHostPort } from './hostedSceneHost'
import { PageHostedScenes } from './pageHostedScenes'
import { canDrawInWorker, isSoftwareRenderer } from './rendererCapability'
import { SceneHost } from './sceneHost'
import { recordSceneStep } from './sceneSteps'
import { startSceneWorker, WorkerSceneHost } from './workerSceneHost'

let pageHost: HostedSceneHostPort | undefined

/**
 * Whether the page's scenes are drawn in the scene worker. Asked through this module, not by a
 * second dynamic import of `rendererCapability`: a module both imported lazily and shared by lazy
 * chunks made the bundler split its runtime helpers into a fourth first-screen script
 * (firstScreen.spec).
 */
export function isDrawnInWorker(): boolean {
  return canDrawInWorker()
}

/**
 * The page's one host of scenes shown by name (Chromium caps live WebGL contexts), made on first
 * use (the menu's idle warm-up or the first exhibit; never on the attract screen): the scene
 * worker where the canvas can be drawn from a worker, else the page's main-thread host
 * (`canDrawInWorker`; docs/architecture.md, "How a scene is hosted").
 */
export function pageHostedSceneHost(): HostedSceneHostPort {
  if (!pageHost) {
    const startMs = performance.now()
    pageHost = canDrawInWorker()
      ? new WorkerSceneHost(startSceneWorker(), isSoftwareRenderer())
      : new PageHostedScenes(new SceneHost(), document.fonts)
    recordSceneStep('host', startMs)
  }
  return pageHost
}
