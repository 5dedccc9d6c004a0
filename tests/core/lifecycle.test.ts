import { describe, expect, it, vi } from 'vitest'
import { DisposableStore, toDisposable } from '../../src/lifecycle/disposable'

describe('DisposableStore', () => {
  it('disposes everything once, in reverse order', () => {
    const order: number[] = []
    const store = new DisposableStore()
    store.add(toDisposable(() => order.push(1)))
    store.add(toDisposable(() => order.push(2)))
    store.dispose()
    store.dispose()
    expect(order).toEqual([2, 1])
    expect(store.size).toBe(0)
  })

  it('disposes at once what is added after it was disposed (a late load cannot leak)', () => {
    const store = new DisposableStore()
    store.dispose()
    const late = vi.fn()
    store.add(toDisposable(late))
    expect(late).toHaveBeenCalledOnce()
  })

  it('disposes the rest even when one throws, then reports it', () => {
    const store = new DisposableStore()
    const after = vi.fn()
    store.add(toDisposable(after))
    store.add(
      toDisposable(() => {
        throw new Error('boom')
      }),
    )
    expect(() => store.dispose()).toThrow('boom')
    expect(after).toHaveBeenCalledOnce()
  })
})
