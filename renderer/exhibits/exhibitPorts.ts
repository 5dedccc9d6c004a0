import { inject, type InjectionKey, type Ref } from 'vue'
import type { AnalyticsEvent } from '../../src/contract/areas/analytics'
import type { KeepsakePaper } from '../../src/keepsake/keepsakePaper'

/**
 * What an exhibit component may ask of the rest of the kiosk. The exhibit frame
 * (renderer/views/ExhibitView.vue) provides it from the stores, so no exhibit imports a store of
 * the visit or the bridge, and a component test provides a fake.
 */
export interface ExhibitPorts {
  /** Records a visitor event (a track played, …) in the analytics log; never throws. */
  record(event: AnalyticsEvent): void
  /**
   * The master volume allowed now (settings.volume capped by the quiet hours), as the mode
   * service broadcasts it (`mode:changed`): the one place it is decided. Undefined until the
   * services have answered.
   */
  readonly volumeCap: Readonly<Ref<number | undefined>>
  /** The URL of a file inside an active pack. */
  mediaUrl(packId: string, relativePath: string): string
  /** The keepsake card a visitor can take home from this exhibit. */
  readonly keepsake: KeepsakePort
}

/** The take-home button's side of the keepsake printer (docs/operators.md "Keepsake printer"). */
export interface KeepsakePort {
  /** Whether visitors are offered a card now: a printer is chosen and the limits allow any. */
  readonly isOffered: Readonly<Ref<boolean>>
  /** The paper the card is laid out for: the picture's pixels follow from it. */
  readonly paper: Readonly<Ref<KeepsakePaper>>
  /**
   * Sends the visitor's result (at print resolution) as a card of this exhibit; resolves with
   * what to tell the visitor and never rejects.
   */
  takeHome(picture: HTMLCanvasElement): Promise<'printed' | 'ask-at-desk'>
}

export const exhibitPortsKey: InjectionKey<ExhibitPorts> = Symbol('exhibitPorts')

/** The ports the exhibit frame provides; an exhibit mounted without a frame is a mistake. */
export function useExhibitPorts(): ExhibitPorts {
  const ports = inject(exhibitPortsKey, undefined)
  if (!ports) {
    throw new Error(
      'useExhibitPorts: mount the exhibit inside ExhibitView, or provide exhibitPortsKey in a test',
    )
  }
  return ports
}
