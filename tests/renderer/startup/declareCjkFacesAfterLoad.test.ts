import { describe, expect, it, vi } from 'vitest'
import {
  declareCjkFacesAfterLoad,
  type PageLoadSignals,
} from '../../../renderer/startup/declareCjkFacesAfterLoad'

/** A page whose load event and idle periods the test fires itself. */
function fakePage(readyState: DocumentReadyState) {
  const loadListeners: (() => void)[] = []
  const idleCallbacks: { callback: () => void; timeoutMs: number }[] = []
  const page: PageLoadSignals = {
    document: { readyState },
    addEventListener: (_type, listener) => loadListeners.push(listener),
    requestIdleCallback: (callback, options) =>
      idleCallbacks.push({ callback, timeoutMs: options.timeout }),
  }
  return {
    page,
    fireLoad: () => loadListeners.splice(0).forEach((listener) => listener()),
    runIdle: () => idleCallbacks.splice(0).forEach(({ callback }) => callback()),
    idleCallbacks,
  }
}

describe('the CJK faces are declared after the first screen', () => {
  it('waits for the load event, then for an idle period (with a deadline), before loading them', () => {
    const importFaces = vi.fn(() => Promise.resolve())
    const fake = fakePage('loading')
    declareCjkFacesAfterLoad(fake.page, importFaces)
    expect(fake.idleCallbacks).toHaveLength(0)
    expect(importFaces).not.toHaveBeenCalled()

    fake.fireLoad()
    // Not inside the load event: the page's start ends with it.
    expect(importFaces).not.toHaveBeenCalled()
    expect(fake.idleCallbacks).toHaveLength(1)
    expect(fake.idleCallbacks[0]!.timeoutMs).toBeGreaterThan(0)
    expect(fake.idleCallbacks[0]!.timeoutMs).toBeLessThanOrEqual(1000)

    fake.runIdle()
    expect(importFaces).toHaveBeenCalledTimes(1)
  })

  it('on a page already loaded, waits only for the idle period', () => {
    const importFaces = vi.fn(() => Promise.resolve())
    const fake = fakePage('complete')
    declareCjkFacesAfterLoad(fake.page, importFaces)
    fake.runIdle()
    expect(importFaces).toHaveBeenCalledTimes(1)
  })

  it('warns, and leaves the fallback faces, when the style sheet cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const fake = fakePage('complete')
    declareCjkFacesAfterLoad(fake.page, () => Promise.reject(new Error('offline chunk missing')))
    fake.runIdle()
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('CJK font faces not declared: offline chunk missing'),
    )
    warn.mockRestore()
  })
})
