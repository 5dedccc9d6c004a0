import { describe, expect, it } from 'vitest'
import { guardTapsAfterFlicks } from '../../../renderer/scenes/flickTapGuard'

const touchMove = () => new Event('touchmove', { cancelable: true, bubbles: true })

describe('guardTapsAfterFlicks', () => {
  it('cancels a touch moving on the canvas, so the browser makes no fling that swallows the next tap', () => {
    const canvas = document.createElement('canvas')
    guardTapsAfterFlicks(canvas)
    const move = touchMove()
    canvas.dispatchEvent(move)
    expect(move.defaultPrevented).toBe(true)
  })

  it('leaves touches that start elsewhere (the seal, the page) alone', () => {
    const canvas = document.createElement('canvas')
    const seal = document.createElement('button')
    document.body.append(canvas, seal)
    guardTapsAfterFlicks(canvas)
    const move = touchMove()
    seal.dispatchEvent(move)
    expect(move.defaultPrevented).toBe(false)
    canvas.remove()
    seal.remove()
  })

  it('stops cancelling once disposed', () => {
    const canvas = document.createElement('canvas')
    guardTapsAfterFlicks(canvas).dispose()
    const move = touchMove()
    canvas.dispatchEvent(move)
    expect(move.defaultPrevented).toBe(false)
  })
})
