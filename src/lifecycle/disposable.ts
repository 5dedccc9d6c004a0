/** Something that holds resources and frees them exactly once in `dispose()`. */
export interface Disposable {
  dispose(): void
}

/** Wraps a cleanup function as a {@link Disposable} that runs it at most once. */
export function toDisposable(cleanup: () => void): Disposable {
  let isDisposed = false
  return {
    dispose() {
      if (isDisposed) return
      isDisposed = true
      cleanup()
    },
  }
}

/**
 * The single owner of a group of disposables (GPU resources, listeners, Howls).
 * `dispose()` frees them in reverse order of adding; anything added after that is freed at once,
 * so a load that resolves after its owner has gone cannot leak.
 */
export class DisposableStore implements Disposable {
  readonly #items: Disposable[] = []
  #isDisposed = false

  get isDisposed(): boolean {
    return this.#isDisposed
  }

  /** Number of items currently owned (for leak checks in tests and diagnostics). */
  get size(): number {
    return this.#items.length
  }

  add<T extends Disposable>(item: T): T {
    if (this.#isDisposed) {
      item.dispose()
      return item
    }
    this.#items.push(item)
    return item
  }

  dispose(): void {
    if (this.#isDisposed) return
    this.#isDisposed = true
    const errors: unknown[] = []
    while (this.#items.length > 0) {
      const item = this.#items.pop()!
      try {
        item.dispose()
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length === 1) throw errors[0]
    if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed')
  }
}
