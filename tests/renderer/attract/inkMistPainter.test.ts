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

  it('waits for the page to finish loading before it draws', async () => {
    const canvas = document.createElement('canvas')
    const painter = connectedPainter('loading', canvas)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(painter.framesDrawn).toBe(0)
    // Not even sized for its still layers yet (a canvas's default is 300 × 150).
    expect([canvas.width, canvas.height]).toEqual([300, 150])

    window.dispatchEvent(new Event('load'))
    await vi.waitFor(() => expect(painter.framesDrawn).toBeGreaterThan(0))
    expect([canvas.width, canvas.height]).toEqual([160, 100])
    painter.dispose()
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
