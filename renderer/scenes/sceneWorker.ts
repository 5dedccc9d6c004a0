// The scene worker's entry (bundled by Vite as a module worker, `WorkerSceneHost`): three draws
// the exhibit scene here, on the canvas the page transferred, off the page's main thread
// (docs/performance.md, "Drawing in a worker").
import { SceneWorkerRuntime } from './sceneWorkerRuntime'
import type { PageToSceneWorker, SceneWorkerToPage } from './sceneWorkerProtocol'

/** The worker's global scope, as much of it as is used (the renderer's lib is the DOM's). */
interface SceneWorkerScope {
  /** The worker's own font set: scenes load the faces their canvases draw with into it. */
  readonly fonts?: FontFaceSet
  postMessage(message: SceneWorkerToPage, transfer: Transferable[]): void
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<PageToSceneWorker>) => void,
  ): void
}

const workerScope = self as unknown as SceneWorkerScope
const runtime = new SceneWorkerRuntime(
  (message, transfer = []) => workerScope.postMessage(message, [...transfer]),
  undefined,
  workerScope.fonts,
)
workerScope.addEventListener('message', (event: MessageEvent<PageToSceneWorker>) => {
  try {
    runtime.receive(event.data)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    workerScope.postMessage({ type: 'error', message }, [])
  }
})
