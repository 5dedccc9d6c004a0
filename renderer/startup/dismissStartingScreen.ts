import type { Pinia } from 'pinia'
import { watch } from 'vue'
import { useContentStore } from '../stores/useContentStore'

/** The static starting screen of index.html. */
export const startingScreenId = 'starting-screen'

/** How long the starting screen takes to fade (index.html's transition). */
const fadeOutMs = 400

/**
 * Fades out and removes index.html's starting screen once the app has mounted and its content
 * has loaded (or failed to: the app then shows its own message). Call after `app.mount()`.
 */
export function dismissStartingScreenWhenReady(pinia: Pinia, doc: Document = document): void {
  const content = useContentStore(pinia)
  const stop = watch(
    () => content.content !== undefined || content.loadError !== undefined,
    (isSettled) => {
      if (!isSettled) return
      queueMicrotask(() => stop())
      const screen = doc.getElementById(startingScreenId)
      if (!screen) return
      screen.classList.add('starting-screen--leaving')
      setTimeout(() => screen.remove(), fadeOutMs)
    },
    { immediate: true },
  )
}
