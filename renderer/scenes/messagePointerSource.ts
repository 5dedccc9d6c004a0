import { toDisposable, type Disposable } from '../../src/lifecycle/disposable'
import type { CssSize } from './sceneDrawing'
import type { ScenePointerInput, ScenePointerSource } from './scenePointerInput'

/**
 * A scene's pointer input in the scene worker: the records the page forwards from the canvas's
 * DOM events (`WorkerSceneHost`, reading them with `DomPointerSource`), and the canvas size it
 * last posted.
 */
export class MessagePointerSource implements ScenePointerSource {
  sizeCssPx: CssSize = { width: 0, height: 0 }
  readonly #listeners = new Set<(input: ScenePointerInput) => void>()

  subscribe(listener: (input: ScenePointerInput) => void): Disposable {
    this.#listeners.add(listener)
    return toDisposable(() => this.#listeners.delete(listener))
  }

  /** Hands a forwarded record to every subscriber. */
  deliver(input: ScenePointerInput): void {
    for (const listener of [...this.#listeners]) listener(input)
  }
}
