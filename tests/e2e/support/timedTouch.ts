// One scripted finger whose events carry the time they belong to, shared by end-to-end tests and
// benches. A touchscreen stamps its samples; on a slow software renderer the events reach the page
// late, but with timestamps the speeds a scene measures are those of the scripted hand.
import type { CDPSession } from '@playwright/test'

export interface TouchPoint {
  readonly x: number
  readonly y: number
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Touches down at the first point, moves through the rest `stepMs` apart (timestamped on that
 * schedule, sent no earlier than it) and lifts. `stepMs` 0 sends every move at once with the same
 * timestamp spacing of 0, as a quick flick the browser coalesces.
 */
export async function timedTouchPath(
  cdp: CDPSession,
  points: readonly TouchPoint[],
  stepMs: number,
  id = 1,
): Promise<void> {
  const [first, ...rest] = points
  if (!first) return
  let atSeconds = Date.now() / 1000
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: first.x, y: first.y, id }],
    timestamp: atSeconds,
  })
  for (const point of rest) {
    atSeconds += stepMs / 1000
    await pause(Math.max(0, atSeconds * 1000 - Date.now()))
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: point.x, y: point.y, id }],
      timestamp: atSeconds,
    })
  }
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchEnd',
    touchPoints: [],
    timestamp: atSeconds + 0.01,
  })
}

/**
 * Puts a finger down at the first point and moves it through the rest (`stepDelayMs` apart, sent
 * as fast as the page takes them when 0) without lifting it, so whatever is read or captured next
 * shows the gesture in progress; lift with a `touchEnd` (or `touchCancel`) afterwards.
 */
export async function pressAlong(
  cdp: CDPSession,
  points: readonly TouchPoint[],
  stepDelayMs = 0,
): Promise<void> {
  const [first, ...rest] = points
  if (!first) return
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: first.x, y: first.y, id: 1 }],
  })
  for (const point of rest) {
    if (stepDelayMs > 0) await pause(stepDelayMs)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: point.x, y: point.y, id: 1 }],
    })
  }
}
