import { DisposableStore, toDisposable, type Disposable } from '../../src/lifecycle/disposable'
import type { ScenePointerInput, ScenePointerSample, ScenePointerSource } from './scenePointerInput'

const kindOfEvent = {
  pointerdown: 'down',
  pointermove: 'move',
  pointerup: 'up',
  pointercancel: 'cancel',
} as const satisfies Record<string, ScenePointerInput['kind']>

function sampleOf(event: PointerEvent, rect: DOMRect): ScenePointerSample {
  return {
    xCssPx: event.clientX - rect.left,
    yCssPx: event.clientY - rect.top,
    pressure: event.pressure,
    timeStampMs: event.timeStamp,
  }
}

function pointerTypeOf(event: PointerEvent): ScenePointerInput['pointerType'] {
  return event.pointerType === 'mouse' || event.pointerType === 'pen' ? event.pointerType : 'touch'
}

/** Reduces one DOM pointer event on `canvas` to the plain record the scenes read. */
export function scenePointerInputOf(
  event: PointerEvent,
  kind: ScenePointerInput['kind'],
  rect: DOMRect,
): ScenePointerInput {
  const sample = sampleOf(event, rect)
  const coalescedEvents = kind === 'move' ? (event.getCoalescedEvents?.() ?? []) : []
  return {
    ...sample,
    kind,
    pointerId: event.pointerId,
    pointerType: pointerTypeOf(event),
    button: event.pointerType === 'mouse' ? event.button : 0,
    coalesced:
      coalescedEvents.length > 0 ? coalescedEvents.map((each) => sampleOf(each, rect)) : [sample],
  }
}

/**
 * A scene's pointer input read from the canvas's own DOM events, on the page's main thread. Pointer
 * capture is taken on every press so a drag that leaves the canvas still reaches the scene.
 * A worker-drawn scene gets the same records by message instead (docs/performance.md, "Drawing in
 * a worker").
 */
export class DomPointerSource implements ScenePointerSource, Disposable {
  readonly #canvas: HTMLCanvasElement
  readonly #listeners = new Set<(input: ScenePointerInput) => void>()
  readonly #store = new DisposableStore()

  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas
    for (const [type, kind] of Object.entries(kindOfEvent)) {
      const handler = (event: PointerEvent): void => {
        if (kind === 'down') this.#capture(event.pointerId)
        const input = scenePointerInputOf(event, kind, canvas.getBoundingClientRect())
        for (const listener of [...this.#listeners]) listener(input)
      }
      canvas.addEventListener(type as keyof typeof kindOfEvent, handler)
      this.#store.add(
        toDisposable(() => canvas.removeEventListener(type as keyof typeof kindOfEvent, handler)),
      )
    }
  }

  get sizeCssPx(): { readonly width: number; readonly height: number } {
    return { width: this.#canvas.clientWidth, height: this.#canvas.clientHeight }
  }

  subscribe(listener: (input: ScenePointerInput) => void): Disposable {
    this.#listeners.add(listener)
    return toDisposable(() => this.#listeners.delete(listener))
  }

  dispose(): void {
    this.#listeners.clear()
    this.#store.dispose()
  }

  #capture(pointerId: number): void {
    try {
      this.#canvas.setPointerCapture(pointerId)
    } catch {
      // A synthetic pointer may not be capturable; the gesture still works without capture.
    }
  }
}
