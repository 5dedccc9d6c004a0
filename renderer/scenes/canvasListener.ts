import { toDisposable, type DisposableStore } from '../../src/lifecycle/disposable'

/**
 * Listens for `type` on `canvas` and hands the removal to `owner`, so the scene that owns the
 * store removes every listener it added in its one dispose.
 */
export function listenOnCanvas<K extends keyof HTMLElementEventMap>(
  owner: DisposableStore,
  canvas: HTMLCanvasElement,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): void {
  canvas.addEventListener(type, handler)
  owner.add(toDisposable(() => canvas.removeEventListener(type, handler)))
}
