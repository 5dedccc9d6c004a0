import { toDisposable, type Disposable } from '../../src/lifecycle/disposable'

/**
 * One piece of one-time set-up; resolves when done. It may resolve to further warm-ups (known
 * only once its code has loaded), which run next, each in its own idle period.
 */
export type WarmUp = () => void | Promise<void | readonly WarmUp[]>

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
  const queue = [...warmUps]
  let next = 0
  let handle: number | undefined
  let isRunning = true
  const runNext = () => {
    handle = undefined
    const warmUp = queue[next++]
    if (!warmUp) return
    void Promise.resolve()
      .then(warmUp)
      .then((followUps) => {
        if (followUps) queue.splice(next, 0, ...followUps)
      })
      .catch((error: unknown) => console.warn(`warm-up skipped: ${(error as Error).message}`))
      .finally(() => {
        if (next < queue.length && isRunning) handle = scheduler.request(runNext, idleDeadlineMs)
      })
  }
  handle = scheduler.request(runNext, idleDeadlineMs)
  return toDisposable(() => {
    isRunning = false
    if (handle !== undefined) scheduler.cancel(handle)
    if (next < queue.length) started.delete(warmUps)
  })
}
