import type { Component } from 'vue'
import type { ContentExhibit } from '../../src/contract/areas/content'
import type { LocalizedText } from '../../src/i18n/localizedText'
import type { ExhibitKind } from '../../src/pack/manifestSchema'

/**
 * The props every exhibit's own component receives from the exhibit frame. The frame owns the
 * chrome (title, steps, cards drawer, home, language, text size, captions); the exhibit owns
 * the scene area and reports its progress through {@link ExhibitEmits}.
 */
export interface ExhibitProps {
  readonly entry: ContentExhibit
  /** The visit's language tag (pack text via `pickText(text, language)`). */
  readonly language: string
  readonly isReducedMotion: boolean
  /** Captions on (for anything with sound). */
  readonly isCaptionsOn: boolean
}

/** What an exhibit component tells the frame. */
export interface ExhibitEmits {
  /** A station (by its manifest id) became the active one. */
  (event: 'station-active', stationId: string): void
  /** A station was completed (recorded as an analytics event by the frame). */
  (event: 'station-complete', stationId: string): void
  /** The visitor asked for a knowledge card. */
  (event: 'open-card', cardId: string): void
  /**
   * The exhibit's outcome, for the frame's header in place of the last station's instruction
   * once there is nothing left to do (the woodblock's print and its verdict); undefined when the
   * visitor starts again.
   */
  (event: 'outcome', text: LocalizedText | undefined): void
}

/** Each kind's component, loaded lazily so the attract screen and menu carry no exhibit code. */
export type ExhibitComponentRegistry = Record<ExhibitKind, () => Promise<Component>>
