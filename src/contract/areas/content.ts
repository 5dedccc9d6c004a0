import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'
import type { LocalizedText } from '../../i18n/localizedText'
import type { LanguageTag } from '../../i18n/languages'
import type { Exhibit, FileLoudness } from '../../pack/manifestSchema'

/** An active pack as the renderer sees it. */
export interface ActivePackSummary {
  readonly id: string
  readonly version: string
  readonly title: LocalizedText
  readonly languages: readonly LanguageTag[]
}

/** An exhibit of an active pack; its media paths are relative to that pack's root. */
export interface ContentExhibit {
  readonly packId: string
  readonly exhibit: Exhibit
  /**
   * The measured loudness of the pack's audio files by path (`files[path].loudness`), from which
   * the player sets each recording's gain (docs/loudness.md). Absent for a pack never built.
   */
  readonly audioLoudness?: Readonly<Record<string, FileLoudness>>
}

/** Everything visitors can see: the exhibits of all active packs, in pack order. */
export interface KioskContent {
  readonly packs: readonly ActivePackSummary[]
  readonly exhibits: readonly ContentExhibit[]
  /** Every language offered, `zh-CN` and `en` first, then others in pack order. */
  readonly languages: readonly LanguageTag[]
}

export interface ContentRequests {
  'content:get': { args: undefined; result: KioskContent }
}

export const contentChannels = {
  'content:get': { args: z.undefined(), access: 'visitor' },
} as const satisfies ChannelSpecs<ContentRequests>

export interface ContentEvents {
  /** The active packs changed (install, rollback): reload content. */
  'packs:changed': { readonly packs: readonly ActivePackSummary[] }
}
export const contentEvents = { 'packs:changed': true } as const satisfies EventSpecs<ContentEvents>
