import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  InkMistPainter,
  type InkMistPainterOptions,
} from '../../../renderer/attract/inkMistPainter'

/** happy-dom has no 2D canvas: a context that accepts every call and property and draws nothing. */
function fakeContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = { canvas }
  return new Proxy(state, {
    get: (target, property) => {
      if (property in target) return target[property]
      if (typeof property === 'string' && property.startsWith('create')) {
        return () => ({ addColorStop: () => undefined })
      }
      return () => undefined
    },
    set: (target, property, value) => {
      target[property] = value
      return true
    },
  }) as unknown as CanvasRenderingContext2D
}

describe('the attract painting on the first page load', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  function connectedPainter(
    readyState: DocumentReadyState,
    canvas = document.createElement('canvas'),
    options: InkMistPainterOptions = {},
  ): InkMistPainter {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue(readyState)
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
    ) {
      return fakeContext(this)
    })
    const painter = new InkMistPainter(options)
    painter.connect(canvas)
    painter.resize(320, 200)
    return painter
  }

  /** requestIdleCallback (happy-dom has none): the callbacks wait until the test runs them. */
  function stubIdleCallbacks(): { runIdle(): void; pending(): number } {
    const callbacks = new Map<number, () => void>()
    let next = 1
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
      callbacks.set(next, callback)
      return next++
    })
    vi.stubGlobal('cancelIdleCallback', (handle: number) => callbacks.delete(handle))
    return {
      runIdle: () => {
        const due = [...callbacks.values()]
        callbacks.clear()
        for (const callback of due) callback()
      },
      pending: () => callbacks.size,
    }
  }

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('waits for the page to finish loading, then for an idle moment, before it draws', async () => {
    const idle = stubIdleCallbacks()
    const canvas = document.createElement('canvas')
    const painter = connectedPainter('loading', canvas)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(painter.framesDrawn).toBe(0)
    // Not even sized for its still layers yet (a canvas's default is 300 × 150).
    expect([canvas.width, canvas.height]).toEqual([300, 150])

    // The load event itself does none of the set-up: it ends the page's start.
    window.dispatchEvent(new Event('load'))
    expect(painter.framesDrawn).toBe(0)
    expect([canvas.width, canvas.height]).toEqual([300, 150])
    expect(idle.pending()).toBe(1)

    idle.runIdle()
    await vi.waitFor(() => expect(painter.framesDrawn).toBeGreaterThan(0))
    expect([canvas.width, canvas.height]).toEqual([160, 100])
    painter.dispose()
  })

  it('gives up its idle request when disposed between the load and the idle moment', () => {
    const idle = stubIdleCallbacks()
    const canvas = document.createElement('canvas')
    const painter = connectedPainter('loading', canvas)
    window.dispatchEvent(new Event('load'))
    painter.dispose()
    expect(idle.pending()).toBe(0)
    expect(painter.framesDrawn).toBe(0)
  })

  it('draws at once when the page has loaded already (a return to the attract loop)', () => {
    const painter = connectedPainter('complete')
    expect(painter.framesDrawn).toBe(1)
    painter.dispose()
  })

  it('tells its owner once the still layers have washed in, and only once', async () => {
    const told: boolean[] = []
    const painter = connectedPainter('complete', document.createElement('canvas'), {
      onStillLayersPaintedChange: (isPainted) => told.push(isPainted),
    })
    await vi.waitFor(() => expect(told).toEqual([true]))
    // Later frames only compose the finished layers: nothing more to tell.
    const framesAtDone = painter.framesDrawn
    await vi.waitFor(() => expect(painter.framesDrawn).toBeGreaterThan(framesAtDone + 2))
    expect(told).toEqual([true])
    painter.dispose()
  })
})
