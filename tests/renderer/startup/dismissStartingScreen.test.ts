import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  dismissStartingScreenWhenReady,
  startingScreenId,
} from '../../../renderer/startup/dismissStartingScreen'
import { useContentStore } from '../../../renderer/stores/useContentStore'

describe('starting screen', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    document.body.innerHTML = `<div id="app"></div><div id="${startingScreenId}" class="starting-screen">宋韵展台正在准备</div>`
  })
  afterEach(() => vi.useRealTimers())

  it('stays until the content has loaded, then fades and is removed', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    dismissStartingScreenWhenReady(pinia)
    await nextTick()
    vi.advanceTimersByTime(5_000)
    const screen = document.getElementById(startingScreenId)
    expect(screen).not.toBeNull()
    expect(screen!.classList.contains('starting-screen--leaving')).toBe(false)

    useContentStore(pinia).content = { exhibits: [], languages: ['zh-CN', 'en'] } as never
    await nextTick()
    expect(screen!.classList.contains('starting-screen--leaving')).toBe(true)
    vi.advanceTimersByTime(400)
    expect(document.getElementById(startingScreenId)).toBeNull()
  })

  it('also leaves when the content failed to load, so the app can show its own message', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    useContentStore(pinia).loadError = 'no active pack'
    dismissStartingScreenWhenReady(pinia)
    await nextTick()
    vi.advanceTimersByTime(400)
    expect(document.getElementById(startingScreenId)).toBeNull()
  })
})
