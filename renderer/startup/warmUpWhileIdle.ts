import { toDisposable, type Disposable } from '../../src/lifecycle/disposable'

/** One piece of one-time platform set-up; resolves when done. */
export type WarmUp = () => void | Promise<void>

/** How idle time is asked for (the browser's requestIdleCallback; injectable for tests). */
export interface IdleScheduler {
  request(callback: () => void, timeoutMs: number): number
  cancel(handle: number): void
}

const browserIdleScheduler: IdleScheduler = {
  request: (callback, timeoutMs) => requestIdleCallback(() => callback(), { timeout: timeoutMs }),
  cancel: (handle) => cancelIdleCallback(handle),
}

/** Run the warm-ups within this long of being asked even if the page never goes idle. */
const idleDeadlineMs = 3000

const started = new WeakSet<readonly WarmUp[]>()

/**
 * Runs `warmUps` once per page, each in its own idle period, so what they cost is paid while the
 * visitor is still choosing and not inside the tap that needs them. Disposing before they ran
 * cancels the rest (they are asked for again by the next call with the same list).
 */
export function warmUpWhileIdle(
  warmUps: readonly WarmUp[],
  scheduler: IdleScheduler = browserIdleScheduler,
): Disposable {
  if (started.has(warmUps)) return toDisposable(() => {})
  started.add(warmUps)
  let next = 0
  let handle: number | undefined
  let isRunning = true
  const runNext = () => {
    handle = undefined
    const warmUp = warmUps[next++]
    if (!warmUp) return
    void Promise.resolve()
      .then(warmUp)
      .catch((error: unknown) => console.warn(`warm-up skipped: ${(error as Error).message}`))
      .finally(() => {
        if (next < warmUps.length && isRunning) handle = scheduler.request(runNext, idleDeadlineMs)
      })
  }
  handle = scheduler.request(runNext, idleDeadlineMs)
  return toDisposable(() => {
    isRunning = false
    if (handle !== undefined) scheduler.cancel(handle)
    if (next < warmUps.length) started.delete(warmUps)
  })
}
