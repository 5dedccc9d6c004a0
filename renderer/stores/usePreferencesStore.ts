import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** The two text sizes a visitor can choose. */
export type TextSize = 'normal' | 'larger'

/**
 * A visitor's own choices for this visit: text size, captions, reduced motion and the pinyin
 * reading aid. An idle reset puts them back to the defaults for the next visitor.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const textSize = ref<TextSize>('normal')
  const isCaptionsOn = ref(true)
  /** Reduced motion chosen on screen (the OS setting applies on top of it). */
  const isReducedMotionChosen = ref(false)
  /** What the operating system asks for (`prefers-reduced-motion: reduce`). */
  const isReducedMotionPreferredBySystem = ref(false)
  const isReadingAidOn = ref(false)

  const isReducedMotion = computed(
    () => isReducedMotionChosen.value || isReducedMotionPreferredBySystem.value,
  )

  function toggleTextSize(): void {
    textSize.value = textSize.value === 'normal' ? 'larger' : 'normal'
  }
  function toggleCaptions(): void {
    isCaptionsOn.value = !isCaptionsOn.value
  }
  function toggleReducedMotion(): void {
    isReducedMotionChosen.value = !isReducedMotionChosen.value
  }
  function toggleReadingAid(): void {
    isReadingAidOn.value = !isReadingAidOn.value
  }

  /** Follows the OS setting; returns the function that stops following. */
  function followSystemReducedMotion(): () => void {
    if (typeof window === 'undefined' || !window.matchMedia) return () => {}
    const query = window.matchMedia('(prefers-reduced-motion: reduce)')
    const update = () => (isReducedMotionPreferredBySystem.value = query.matches)
    update()
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }

  /** Back to the defaults for the next visitor (the OS setting is kept: it is not the visitor's). */
  function reset(): void {
    textSize.value = 'normal'
    isCaptionsOn.value = true
    isReducedMotionChosen.value = false
    isReadingAidOn.value = false
  }

  return {
    textSize,
    isCaptionsOn,
    isReducedMotionChosen,
    isReducedMotionPreferredBySystem,
    isReadingAidOn,
    isReducedMotion,
    toggleTextSize,
    toggleCaptions,
    toggleReducedMotion,
    toggleReadingAid,
    followSystemReducedMotion,
    reset,
  }
})
