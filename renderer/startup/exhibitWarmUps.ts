import type { WarmUp } from './warmUpWhileIdle'

/**
 * What the exhibits need on their first frame and Chromium makes slowly, once per page: measured
 * on the kiosk's software-rendered test machine, the first `Intl.DateTimeFormat()` takes about
 * 11 ms (ICU's time-zone data) and `new AudioContext()` about 35 ms. Unwarmed, both fell inside
 * the tap that opens the folk-music stage and made it a 68–98 ms task (bench visitor-journey).
 * The tea table's code (its component, its scene and three) is parsed here too, not in the tap on
 * its tile. (Rehearsing its shaders off screen was tried: on a loaded software renderer the
 * rehearsal competed with the real opening when the tile was tapped during it, and opened slower.)
 */
export const exhibitWarmUps: readonly WarmUp[] = [
  () => {
    Intl.DateTimeFormat().resolvedOptions()
  },
  async () => {
    await import('../audio/howlerGraph')
  },
  async () => {
    // Only after a touch: a context made before one starts suspended and Chromium warns about it.
    if (!navigator.userActivation?.hasBeenActive) return
    const { howlerGraph } = await import('../audio/howlerGraph')
    howlerGraph() // Howler's one AudioContext and master gain, kept for the page's life
  },
  async () => {
    await import('../exhibits/teaWhisking/TeaExhibit.vue')
  },
]
