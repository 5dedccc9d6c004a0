import type { HostedSceneHostPort } from './hostedSceneHost'
import { PageHostedScenes } from './pageHostedScenes'
import { pageSceneHost } from './pageSceneHost'
import { canDrawInWorker, isSoftwareRenderer } from './rendererCapability'
import { recordSceneStep } from './sceneSteps'
import { startSceneWorker, WorkerSceneHost } from './workerSceneHost'

let pageHost: HostedSceneHostPort | undefined

/**
 * The page's one host of scenes shown by name, made on first use (the menu's idle warm-up or the
 * first exhibit): the scene worker where the canvas can be drawn from a worker, else the page's
 * main-thread host (`canDrawInWorker`; docs/architecture.md, "How a scene is hosted").
 */
export function pageHostedSceneHost(): HostedSceneHostPort {
  if (!pageHost) {
    const startMs = performance.now()
    pageHost = canDrawInWorker()
      ? new WorkerSceneHost(startSceneWorker(), isSoftwareRenderer())
      : new PageHostedScenes(pageSceneHost())
    recordSceneStep('host', startMs)
  }
  return pageHost
}
