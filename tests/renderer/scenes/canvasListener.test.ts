import { describe, expect, it, vi } from 'vitest'
import { DisposableStore } from '../../../src/lifecycle/disposable'
import { listenOnCanvas } from '../../../renderer/scenes/canvasListener'

describe('listenOnCanvas', () => {
  it('hears the event until its owner is disposed', () => {
    const canvas = document.createElement('canvas')
    const owner = new DisposableStore()
    const handler = vi.fn()
    listenOnCanvas(owner, canvas, 'pointerdown', handler)
    canvas.dispatchEvent(new Event('pointerdown'))
    owner.dispose()
    canvas.dispatchEvent(new Event('pointerdown'))
    expect(handler).toHaveBeenCalledTimes(1)
  })
})
