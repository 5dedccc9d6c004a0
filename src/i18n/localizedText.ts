import type { LanguageTag } from './languages'

/** Text given once per language tag: `{ "zh-CN": "点茶", "en": "Whisked tea" }`. */
export type LocalizedText = Readonly<Record<LanguageTag, string>>

/**
 * Picks the text for `language`, else the first of `fallbacks` that exists, else any text.
 * Packs are validated to carry every declared language, so the fallbacks only guard content
 * that reached the renderer some other way.
 */
export function pickText(
  text: LocalizedText | undefined,
  language: LanguageTag,
  fallbacks: readonly LanguageTag[] = ['en', 'zh-CN'],
): string {
  if (!text) return ''
  const direct = text[language]
  if (direct !== undefined) return direct
  for (const tag of fallbacks) {
    const value = text[tag]
    if (value !== undefined) return value
  }
  return Object.values(text)[0] ?? ''
}
