import type { WarmUp } from './warmUpWhileIdle'

/**
 * What the exhibits need on their first frame and Chromium makes slowly, once per page: measured
 * on the kiosk's software-rendered test machine, the first `Intl.DateTimeFormat()` takes about
 * 11 ms (ICU's time-zone data) and `new AudioContext()` about 35 ms. Unwarmed, both fell inside
 * the tap that opens the folk-music stage and made it a 68–98 ms task (bench visitor-journey).
 * No exhibit's code is loaded here: the attract loop and the menu stay free of exhibit code and
 * three.js (visitorJourney.spec), so a kiosk at rest holds only what it shows. (Parsing the tea
 * table's code here was tried for a faster open; it broke that rule. Rehearsing its shaders off
 * screen was slower on a loaded software renderer.)
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
]
