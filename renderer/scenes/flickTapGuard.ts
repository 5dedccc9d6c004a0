import { toDisposable, type Disposable } from '../../src/lifecycle/disposable'

/**
 * Keeps a flick on the scene from swallowing the next tap elsewhere on the page.
 *
 * Why: Chromium turns a touch that lifts while still moving (a fast ink, rub or chisel sweep) into
 * a fling, even over `touch-action: none` where nothing scrolls, and a touch that stops a fling
 * is not a tap: the next-step seal then gets its touch and pointer events but no `click` (the
 * lost tap of docs/woodblock-stations.md; bench/probes/lostTap reproduces it: 9–11 of 12 taps
 * after a flick lost, 0 of 12 with this guard). Cancelling the canvas's `touchmove` marks its
 * touch sequences consumed, so the browser makes no gestures (and no fling) from them. The scene
 * hears pointer events, which a cancelled `touchmove` does not stop; `touchstart` is left alone
 * so the compatibility events of a tap on the canvas are kept.
 *
 * The listener is not passive (it must cancel); the canvas already takes every touch as its own
 * (`touch-action: none`), so no scroll or zoom is lost.
 */
export function guardTapsAfterFlicks(canvas: HTMLElement): Disposable {
  const cancelGesture = (event: Event) => {
    if (event.cancelable) event.preventDefault()
  }
  canvas.addEventListener('touchmove', cancelGesture, { passive: false })
  return toDisposable(() => canvas.removeEventListener('touchmove', cancelGesture))
}
