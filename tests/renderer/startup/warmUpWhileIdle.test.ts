import { describe, expect, it, vi } from 'vitest'
import {
  warmUpWhileIdle,
  type IdleScheduler,
  type IdleTimeLeft,
} from '../../../renderer/startup/warmUpWhileIdle'

/**
 * An idle scheduler the test runs by hand: `idle(leftMs)` runs what is waiting for idle time,
 * in a period with `leftMs` left after each warm-up (none by default).
 */
function manualIdle(): IdleScheduler & {
  idle(leftMs?: readonly number[]): Promise<void>
  readonly waiting: number
} {
  const callbacks = new Map<number, (idle?: IdleTimeLeft) => void>()
  let nextHandle = 1
  return {
    request(callback) {
      callbacks.set(nextHandle, callback)
      return nextHandle++
    },
    cancel(handle) {
      callbacks.delete(handle)
    },
    async idle(leftMs = []) {
      const due = [...callbacks.values()]
      callbacks.clear()
      let reading = 0
      const period = { timeRemaining: () => leftMs[reading++] ?? 0 }
      for (const callback of due) callback(period)
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
    get waiting() {
      return callbacks.size
    },
  }
}

describe('warmUpWhileIdle', () => {
  it('runs nothing until idle, then one warm-up per idle period, each once per page', async () => {
    const first = vi.fn()
    const second = vi.fn(async () => {})
    const warmUps = [first, second]
    const idle = manualIdle()
    warmUpWhileIdle(warmUps, idle)
    expect(first).not.toHaveBeenCalled()
    await idle.idle()
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).not.toHaveBeenCalled()
    await idle.idle()
    expect(second).toHaveBeenCalledTimes(1)
    // The menu shown again later asks again: nothing runs twice.
    warmUpWhileIdle(warmUps, idle)
    await idle.idle()
    expect(idle.waiting).toBe(0)
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(1)
  })

  it('runs the warm-ups a warm-up resolves to next, each in its own idle period', async () => {
    const order: string[] = []
    const idle = manualIdle()
    warmUpWhileIdle(
      [
        async () => [() => void order.push('first follow-up'), () => void order.push('second')],
        () => void order.push('last'),
      ],
      idle,
    )
    await idle.idle()
    expect(order).toEqual([])
    await idle.idle()
    expect(order).toEqual(['first follow-up'])
    await idle.idle()
    await idle.idle()
    expect(order).toEqual(['first follow-up', 'second', 'last'])
    expect(idle.waiting).toBe(0)
  })

  it('runs the next warm-up in the same idle period only while enough of it is left', async () => {
    const order: string[] = []
    const idle = manualIdle()
    warmUpWhileIdle(
      ['band 1', 'band 2', 'band 3', 'band 4'].map((band) => () => void order.push(band)),
      idle,
    )
    // 40 ms left after the first band: room for another; 10 ms after the second: not.
    await idle.idle([40, 10])
    expect(order).toEqual(['band 1', 'band 2'])
    expect(idle.waiting).toBe(1)
    await idle.idle()
    expect(order).toEqual(['band 1', 'band 2', 'band 3'])
  })

  it('stops mid-list when its screen goes, and the next screen resumes after what was done', async () => {
    const done = new Set<string>()
    const bands = ['band 1', 'band 2', 'band 3'].map((band) => () => void done.add(band))
    const idle = manualIdle()
    const warmingUp = warmUpWhileIdle(bands, idle)
    await idle.idle()
    warmingUp.dispose()
    expect(idle.waiting).toBe(0)
    await idle.idle()
    expect([...done]).toEqual(['band 1'])
    warmUpWhileIdle(bands, idle)
    await idle.idle([40, 40, 40])
    expect([...done]).toEqual(['band 1', 'band 2', 'band 3'])
  })

  it('stops when its screen goes before the warm-ups ran, and the next screen starts them again', async () => {
    const warmUp = vi.fn()
    const warmUps = [warmUp]
    const idle = manualIdle()
    warmUpWhileIdle(warmUps, idle).dispose()
    expect(idle.waiting).toBe(0)
    await idle.idle()
    expect(warmUp).not.toHaveBeenCalled()
    warmUpWhileIdle(warmUps, idle)
    await idle.idle()
    expect(warmUp).toHaveBeenCalledTimes(1)
  })

  it('a warm-up that fails is skipped with a warning and the rest still run', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const after = vi.fn()
    const idle = manualIdle()
    warmUpWhileIdle(
      [
        () => {
          throw new Error('no audio device')
        },
        after,
      ],
      idle,
    )
    await idle.idle()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no audio device'))
    await idle.idle()
    expect(after).toHaveBeenCalledTimes(1)
    warn.mockRestore()
  })
})
