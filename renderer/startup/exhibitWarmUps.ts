import type { ExhibitKind } from '../../src/pack/manifestSchema'
import { exhibitComponents, exhibitPreparations } from '../exhibits/exhibitRegistry'
import { exhibitCodePrefetchMark } from './exhibitCodePrefetchMark'
import type { WarmUp } from './warmUpWhileIdle'

/**
 * What the exhibits need on their first frame and Chromium makes slowly, once per page: measured
 * on the kiosk's software-rendered test machine, the first `Intl.DateTimeFormat()` takes about
 * 11 ms (ICU's time-zone data) and `new AudioContext()` about 35 ms. Unwarmed, both fell inside
 * the tap that opens the folk-music stage and made it a 68–98 ms task (bench visitor-journey).
 * No exhibit's code is loaded by these: see {@link exhibitCodeWarmUps} for that.
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

/**
 * The menu's warm-ups for the exhibits it offers (`kinds`): the exhibit frame's code, each kind's
 * component code (three.js with the 3D ones), then what each kind prepares on the CPU
 * (`exhibitPreparations`, e.g. the tea table's painted pictures), in slices of idle time.
 * Opening the tea table from the menu took 1.5 s on a software renderer, much of it loading
 * code and painting pictures (docs/performance.md). The attract screen runs none of these: a
 * kiosk at rest holds only what it shows (visitorJourney.spec).
 */
export function exhibitCodeWarmUps(kinds: readonly ExhibitKind[]): WarmUp[] {
  const distinctKinds = [...new Set(kinds)]
  return [
    async () => {
      // Marked once a page: what the menu fetched before this is its own (bench visitor-journey).
      if (performance.getEntriesByName(exhibitCodePrefetchMark).length === 0)
        performance.mark(exhibitCodePrefetchMark)
      await import('../views/ExhibitView.vue')
    },
    ...distinctKinds.map((kind) => async () => {
      await exhibitComponents[kind]()
    }),
    ...distinctKinds.flatMap((kind) => {
      const prepare = exhibitPreparations[kind]
      return prepare ? [prepare] : []
    }),
  ]
}
