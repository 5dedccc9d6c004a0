import { DisposableStore, toDisposable, type Disposable } from '../../src/lifecycle/disposable'
import type { ScenePointerInput, ScenePointerSample, ScenePointerSource } from './scenePointerInput'

const kindOfEvent = {
  pointerdown: 'down',
  pointermove: 'move',
  pointerup: 'up',
  pointercancel: 'cancel',
} as const satisfies Record<string, ScenePointerInput['kind']>

/** Where a canvas is on the page now (its client box), and its own layout size in CSS pixels. */
export interface CanvasBox {
  readonly rect: DOMRect
  readonly widthCssPx: number
  readonly heightCssPx: number
}

function sampleOf(event: PointerEvent, box: CanvasBox): ScenePointerSample {
  const { rect } = box
  // The client box is the canvas as drawn on the page, scaled by any CSS transform over it (an
  // exhibit frame's entrance): positions are brought back to the canvas's own CSS pixels, the
  // units of `sizeCssPx`, so a scene maps them to the picture without knowing of the transform.
  const scaleX = rect.width > 0 ? box.widthCssPx / rect.width : 1
  const scaleY = rect.height > 0 ? box.heightCssPx / rect.height : 1
  return {
    xCssPx: (event.clientX - rect.left) * scaleX,
    yCssPx: (event.clientY - rect.top) * scaleY,
    pressure: event.pressure,
    timeStampMs: event.timeStamp,
  }
}

function pointerTypeOf(event: PointerEvent): ScenePointerInput['pointerType'] {
  return event.pointerType === 'mouse' || event.pointerType === 'pen' ? event.pointerType : 'touch'
}

/** Reduces one DOM pointer event on a canvas in `box` to the plain record the scenes read. */
export function scenePointerInputOf(
  event: PointerEvent,
  kind: ScenePointerInput['kind'],
  box: CanvasBox,
): ScenePointerInput {
  const sample = sampleOf(event, box)
  const coalescedEvents = kind === 'move' ? (event.getCoalescedEvents?.() ?? []) : []
  return {
    ...sample,
    kind,
    pointerId: event.pointerId,
    pointerType: pointerTypeOf(event),
    button: event.pointerType === 'mouse' ? event.button : 0,
    coalesced:
      coalescedEvents.length > 0 ? coalescedEvents.map((each) => sampleOf(each, box)) : [sample],
  }
}

/**
 * A scene's pointer input read from the canvas's own DOM events, on the page's main thread. It
 * listens only while someone subscribes, so a scene that reads its canvas itself (the tea table,
 * until it moves) sees no capture or default prevented that it did not ask for. Each press takes
 * pointer capture, so a drag that leaves the canvas still reaches the scene, and has its default
 * prevented (no compatibility mouse events, no focus moved by a touch on the picture). A
 * worker-drawn scene gets the same records by message instead (docs/performance.md, "Drawing in
 * a worker").
 */
export class DomPointerSource implements ScenePointerSource, Disposable {
  readonly #canvas: HTMLCanvasElement
  readonly #listeners = new Set<(input: ScenePointerInput) => void>()
  /** The canvas listeners, while there are subscribers. */
  #listening: DisposableStore | undefined
  #isDisposed = false

  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas
  }

  get sizeCssPx(): { readonly width: number; readonly height: number } {
    return { width: this.#canvas.clientWidth, height: this.#canvas.clientHeight }
  }

  subscribe(listener: (input: ScenePointerInput) => void): Disposable {
    if (this.#isDisposed) return toDisposable(() => {})
    this.#listeners.add(listener)
    this.#listening ??= this.#listen()
    return toDisposable(() => {
      this.#listeners.delete(listener)
      if (this.#listeners.size === 0) this.#stopListening()
    })
  }

  dispose(): void {
    this.#isDisposed = true
    this.#listeners.clear()
    this.#stopListening()
  }

  #listen(): DisposableStore {
    const canvas = this.#canvas
    const store = new DisposableStore()
    for (const [type, kind] of Object.entries(kindOfEvent)) {
      const handler = (event: PointerEvent): void => {
        if (kind === 'down') {
          this.#capture(event.pointerId)
          event.preventDefault()
        }
        const input = scenePointerInputOf(event, kind, {
          rect: canvas.getBoundingClientRect(),
          widthCssPx: canvas.clientWidth,
          heightCssPx: canvas.clientHeight,
        })
        for (const listener of [...this.#listeners]) listener(input)
      }
      canvas.addEventListener(type as keyof typeof kindOfEvent, handler)
      store.add(
        toDisposable(() => canvas.removeEventListener(type as keyof typeof kindOfEvent, handler)),
      )
    }
    return store
  }

  #stopListening(): void {
    this.#listening?.dispose()
    this.#listening = undefined
  }

  #capture(pointerId: number): void {
    try {
      this.#canvas.setPointerCapture(pointerId)
    } catch {
      // A synthetic pointer may not be capturable; the gesture still works without capture.
    }
  }
}
