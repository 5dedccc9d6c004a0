import { describe, expect, it, vi } from 'vitest'
import { DomPointerSource } from '../../../renderer/scenes/domPointerSource'
import type { ScenePointerInput } from '../../../renderer/scenes/scenePointerInput'

/**
 * A canvas laid out `widthCssPx` × `heightCssPx`, drawn on the page at `rect` (a CSS transform
 * over it makes the two differ).
 */
function canvasAt(
  rect: { left: number; top: number; width: number; height: number },
  widthCssPx = rect.width,
  heightCssPx = rect.height,
) {
  const canvas = document.createElement('canvas')
  Object.defineProperty(canvas, 'clientWidth', { value: widthCssPx })
  Object.defineProperty(canvas, 'clientHeight', { value: heightCssPx })
  canvas.getBoundingClientRect = () =>
    ({
      ...rect,
      x: rect.left,
      y: rect.top,
      right: rect.left + rect.width,
      bottom: rect.top + rect.height,
    }) as DOMRect
  const setPointerCapture = vi.fn()
  canvas.setPointerCapture = setPointerCapture
  return { canvas, setPointerCapture }
}

function recorded(source: DomPointerSource): ScenePointerInput[] {
  const inputs: ScenePointerInput[] = []
  source.subscribe((input) => inputs.push(input))
  return inputs
}

const touch = (type: string, clientX: number, clientY: number, init: PointerEventInit = {}) =>
  new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX, clientY, ...init })

describe('DomPointerSource', () => {
  it('gives each press, move, lift and cancel as a record in canvas-relative CSS pixels', () => {
    const { canvas } = canvasAt({ left: 100, top: 50, width: 800, height: 600 })
    const source = new DomPointerSource(canvas)
    const inputs = recorded(source)
    canvas.dispatchEvent(touch('pointerdown', 130, 70, { pressure: 0.5 }))
    canvas.dispatchEvent(touch('pointermove', 140, 90, { pressure: 0.8 }))
    canvas.dispatchEvent(touch('pointerup', 150, 95))
    canvas.dispatchEvent(touch('pointercancel', 160, 99))
    expect(inputs.map((input) => input.kind)).toEqual(['down', 'move', 'up', 'cancel'])
    expect(inputs[0]).toMatchObject({
      xCssPx: 30,
      yCssPx: 20,
      pressure: 0.5,
      pointerId: 7,
      pointerType: 'touch',
      button: 0,
    })
    expect(inputs[1]).toMatchObject({ xCssPx: 40, yCssPx: 40, pressure: 0.8 })
    expect(inputs[3]).toMatchObject({ xCssPx: 60, yCssPx: 49 })
    expect(source.sizeCssPx).toEqual({ width: 800, height: 600 })
  })

  it('hands on the samples the browser coalesced into a move, oldest first, in the same pixels', () => {
    const { canvas } = canvasAt({ left: 10, top: 20, width: 400, height: 300 })
    const inputs = recorded(new DomPointerSource(canvas))
    const end = touch('pointermove', 60, 80)
    canvas.dispatchEvent(
      touch('pointermove', 60, 80, {
        coalescedEvents: [touch('pointermove', 20, 30), touch('pointermove', 40, 50), end],
      }),
    )
    expect(inputs[0]!.coalesced.map(({ xCssPx, yCssPx }) => [xCssPx, yCssPx])).toEqual([
      [10, 10],
      [30, 30],
      [50, 60],
    ])
    // A move the browser coalesced nothing into is its own one sample.
    canvas.dispatchEvent(touch('pointermove', 70, 90))
    expect(inputs[1]!.coalesced).toEqual([
      {
        xCssPx: 60,
        yCssPx: 70,
        pressure: inputs[1]!.pressure,
        timeStampMs: inputs[1]!.timeStampMs,
      },
    ])
  })

  it('maps a canvas drawn scaled by a CSS transform back to its own pixels', () => {
    // Laid out 800 × 600, shown at half size (an entrance animation's scale).
    const { canvas } = canvasAt({ left: 200, top: 100, width: 400, height: 300 }, 800, 600)
    const source = new DomPointerSource(canvas)
    const inputs = recorded(source)
    canvas.dispatchEvent(touch('pointerdown', 400, 250))
    expect(inputs[0]).toMatchObject({ xCssPx: 400, yCssPx: 300 })
    expect(source.sizeCssPx).toEqual({ width: 800, height: 600 })
  })

  it('captures each pressed pointer so a drag that leaves the canvas still reaches the scene, and takes the press', () => {
    const { canvas, setPointerCapture } = canvasAt({ left: 0, top: 0, width: 100, height: 100 })
    recorded(new DomPointerSource(canvas))
    canvas.dispatchEvent(touch('pointermove', 5, 5, { cancelable: true }))
    expect(setPointerCapture).not.toHaveBeenCalled()
    const press = touch('pointerdown', 5, 5, { cancelable: true })
    canvas.dispatchEvent(press)
    expect(setPointerCapture).toHaveBeenCalledWith(7)
    expect(press.defaultPrevented).toBe(true)
  })

  it('listens to the canvas only while someone subscribes (a scene reading its canvas itself is left alone)', () => {
    const { canvas, setPointerCapture } = canvasAt({ left: 0, top: 0, width: 100, height: 100 })
    const source = new DomPointerSource(canvas)
    const unheard = touch('pointerdown', 5, 5, { cancelable: true })
    canvas.dispatchEvent(unheard)
    expect(setPointerCapture).not.toHaveBeenCalled()
    expect(unheard.defaultPrevented).toBe(false)
    const subscription = source.subscribe(() => {})
    canvas.dispatchEvent(touch('pointerdown', 5, 5))
    expect(setPointerCapture).toHaveBeenCalledOnce()
    subscription.dispose()
    canvas.dispatchEvent(touch('pointerdown', 5, 5))
    expect(setPointerCapture).toHaveBeenCalledOnce()
  })

  it('still hands on a press whose pointer cannot be captured', () => {
    const { canvas, setPointerCapture } = canvasAt({ left: 0, top: 0, width: 100, height: 100 })
    setPointerCapture.mockImplementation(() => {
      throw new DOMException('No active pointer', 'NotFoundError')
    })
    const inputs = recorded(new DomPointerSource(canvas))
    canvas.dispatchEvent(touch('pointerdown', 5, 5))
    expect(inputs).toHaveLength(1)
  })

  it('tells mouse buttons apart and reports touch and pen as pressed with the primary', () => {
    const { canvas } = canvasAt({ left: 0, top: 0, width: 100, height: 100 })
    const inputs = recorded(new DomPointerSource(canvas))
    canvas.dispatchEvent(touch('pointerdown', 5, 5, { pointerType: 'mouse', button: 2 }))
    canvas.dispatchEvent(touch('pointerdown', 5, 5, { pointerType: 'pen', button: 1 }))
    canvas.dispatchEvent(touch('pointerdown', 5, 5, { pointerType: '' }))
    expect(inputs.map(({ pointerType, button }) => [pointerType, button])).toEqual([
      ['mouse', 2],
      ['pen', 0],
      ['touch', 0],
    ])
  })

  it('stops handing on input to a dropped subscriber, and to all once disposed', () => {
    const { canvas, setPointerCapture } = canvasAt({ left: 0, top: 0, width: 100, height: 100 })
    const source = new DomPointerSource(canvas)
    const kept: ScenePointerInput[] = []
    const dropped: ScenePointerInput[] = []
    source.subscribe((input) => kept.push(input))
    source.subscribe((input) => dropped.push(input)).dispose()
    canvas.dispatchEvent(touch('pointerdown', 5, 5))
    expect([kept.length, dropped.length]).toEqual([1, 0])
    source.dispose()
    canvas.dispatchEvent(touch('pointerdown', 5, 5))
    expect(kept).toHaveLength(1)
    // Its listeners are off the canvas, not just muted: nothing is captured any more, nor after
    // a late subscriber.
    source.subscribe((input) => kept.push(input))
    canvas.dispatchEvent(touch('pointerdown', 5, 5))
    expect(kept).toHaveLength(1)
    expect(setPointerCapture).toHaveBeenCalledTimes(1)
  })
})
