import type { Disposable } from '../../src/lifecycle/disposable'

/**
 * One touch (or mouse) sample as a scene sees it: plain data, so the same scene code runs on the
 * page's main thread, reading DOM pointer events, and in a worker that draws on an OffscreenCanvas,
 * fed by messages (docs/performance.md, "Drawing in a worker").
 */
export interface ScenePointerSample {
  /** Canvas-relative position in CSS pixels (0,0 = the canvas's top left corner). */
  readonly xCssPx: number
  readonly yCssPx: number
  /** 0–1; 0.5 for a touch that reports no pressure (as the DOM does). */
  readonly pressure: number
  /** The event's `timeStamp`, in the page's clock (ms). */
  readonly timeStampMs: number
}

/** A pointer event reduced to what the scenes use. */
export interface ScenePointerInput extends ScenePointerSample {
  readonly kind: 'down' | 'move' | 'up' | 'cancel'
  readonly pointerId: number
  readonly pointerType: 'touch' | 'mouse' | 'pen'
  /** The pressed mouse button (0 = primary); 0 for touch and pen. */
  readonly button: number
  /**
   * For `move`: the samples the browser coalesced into this event, oldest first, ending with this
   * one (`getCoalescedEvents()`); a single sample where the browser gives none.
   */
  readonly coalesced: readonly ScenePointerSample[]
}

/** Where a scene's pointer input comes from: the canvas's DOM events, or a worker's messages. */
export interface ScenePointerSource {
  /** The canvas's current size in CSS pixels (for turning positions into normalised coordinates). */
  readonly sizeCssPx: { readonly width: number; readonly height: number }
  /** Calls `listener` for each input until the returned handle is disposed. */
  subscribe(listener: (input: ScenePointerInput) => void): Disposable
}
