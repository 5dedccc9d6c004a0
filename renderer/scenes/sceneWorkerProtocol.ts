import type { HostedSceneName } from './hostedScene'
import type { SceneContextChange } from './sceneContextEvent'
import type { CssSize, DrawingCounts } from './sceneDrawing'
import type { ScenePointerInput } from './scenePointerInput'

// The messages between the page's WorkerSceneHost and the scene worker (SceneWorkerRuntime).
// Plain structured-cloneable records, one union each way; a request the page waits on carries a
// `requestId` its `reply` repeats (docs/architecture.md, "How a scene is hosted").

/** What the page tells the worker. */
export type PageToSceneWorker =
  | {
      readonly type: 'init'
      /** The page canvas's drawing surface (`transferControlToOffscreen`), transferred. */
      readonly canvas: OffscreenCanvas
      readonly isSoftwareRendered: boolean
      readonly sizeCssPx: CssSize
      readonly devicePixelRatio: number
      /** The page's `performance.timeOrigin`, to put the worker's measures on its timeline. */
      readonly pageTimeOriginMs: number
    }
  | { readonly type: 'resize'; readonly sizeCssPx: CssSize; readonly devicePixelRatio: number }
  | { readonly type: 'pointer'; readonly input: ScenePointerInput }
  | {
      readonly type: 'show'
      readonly requestId: number
      readonly name: HostedSceneName
      /** The kind's options (`HostedSceneKind.factory`), e.g. the woodblock to carve. */
      readonly options: unknown
      readonly isReducedMotion: boolean
    }
  | {
      readonly type: 'prepare'
      readonly requestId: number
      readonly name: HostedSceneName
      readonly sizeCssPx: CssSize
    }
  | {
      readonly type: 'call'
      readonly requestId: number
      readonly method: string
      readonly args: readonly unknown[]
    }
  | { readonly type: 'reduced-motion'; readonly isReducedMotion: boolean }
  /**
   * The page has drawn a frame with the canvas in it since it was attached. A frame the worker
   * commits before that can be lost (the canvas had no layer to show it on): the worker draws
   * again, and holds a shown scene's events until a frame drawn after this one.
   */
  | { readonly type: 'presented' }
  | { readonly type: 'clear' }
  | { readonly type: 'lose-context' }
  | { readonly type: 'restore-context' }
  | { readonly type: 'dispose' }

/** The renderer's counts and the shown scene's state (`HostedSceneKind.stateOf`), if any. */
export interface SceneSnapshot {
  readonly counts: DrawingCounts
  readonly state: unknown
}

/** What the worker tells the page. */
export type SceneWorkerToPage =
  /** After each drawn frame, and after a scene is cleared (the counts back at baseline). */
  | { readonly type: 'snapshot'; readonly snapshot: SceneSnapshot; readonly isFrame: boolean }
  /** The shown scene's listener was called. */
  | { readonly type: 'event'; readonly name: string; readonly args: readonly unknown[] }
  | {
      readonly type: 'reply'
      readonly requestId: number
      readonly value?: unknown
      /** Set when the request failed: its message. */
      readonly error?: string
      /** `show` only: false when a newer request or a `clear` overtook it. */
      readonly isShown?: boolean
    }
  | { readonly type: 'context'; readonly change: SceneContextChange }
  /** After a restored context the scene was built afresh (a new bowl): its first state. */
  | { readonly type: 'rebuilt'; readonly state: unknown }
  /** A step of opening a scene (`recordSceneStep`), in the page's clock. */
  | {
      readonly type: 'step'
      readonly name: string
      readonly startMs: number
      readonly endMs: number
    }
  /** An error outside any request (a frame that threw): the page logs it. */
  | { readonly type: 'error'; readonly message: string }
  /** The renderer is disposed; its last counts. The page may terminate the worker now. */
  | { readonly type: 'disposed'; readonly counts: DrawingCounts }
