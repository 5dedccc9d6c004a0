import { toDisposable, type Disposable } from '../../src/lifecycle/disposable'

/**
 * One piece of one-time set-up; resolves when done. It may resolve to further warm-ups (known
 * only once its code has loaded), which run next, each in its own idle period.
 */
export type WarmUp = () => void | Promise<void | readonly WarmUp[]>

/** What is left of an idle period (the browser's IdleDeadline). */
export interface IdleTimeLeft {
  timeRemaining(): number
}

/** How idle time is asked for (the browser's requestIdleCallback; injectable for tests). */
export interface IdleScheduler {
  request(callback: (idle?: IdleTimeLeft) => void, timeoutMs: number): number
  cancel(handle: number): void
}

const browserIdleScheduler: IdleScheduler = {
  request: (callback, timeoutMs) =>
    requestIdleCallback((deadline) => callback(deadline), { timeout: timeoutMs }),
  cancel: (handle) => cancelIdleCallback(handle),
}

/** Run the warm-ups within this long of being asked even if the page never goes idle. */
const idleDeadlineMs = 3000
/**
 * Another warm-up starts in the same idle period only if this much of it is left: a warm-up is
 * at most a few tens of milliseconds (one picture, one band of rows), and one that overran the
 * period would delay a tap landing just then (bench visitor-journey counts tasks over 50 ms).
 */
const nextWarmUpHeadroomMs = 25

const started = new WeakSet<readonly WarmUp[]>()

/**
 * Runs `warmUps` once per page in idle time, one after another, so what they cost is paid while
 * the visitor is still choosing and not inside the tap that needs them. One runs per idle period,
 * and the next in the same period only while `nextWarmUpHeadroomMs` of it is left. Disposing
 * cancels the rest (they are asked for again by the next call with the same list, which resumes
 * where this one stopped: each warm-up skips what is already done).
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
  const runNext = (idle?: IdleTimeLeft) => {
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
        if (next >= queue.length || !isRunning) return
        // Still inside the same idle period (a warm-up that finished without waiting on a load)
        // with room for another: go on; otherwise wait for the next period.
        if (idle && idle.timeRemaining() >= nextWarmUpHeadroomMs) runNext(idle)
        else handle = scheduler.request(runNext, idleDeadlineMs)
      })
  }
  handle = scheduler.request(runNext, idleDeadlineMs)
  return toDisposable(() => {
    isRunning = false
    if (handle !== undefined) scheduler.cancel(handle)
    if (next < queue.length) started.delete(warmUps)
  })
}
