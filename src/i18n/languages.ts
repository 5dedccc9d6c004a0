/** A BCP-47 language tag such as `zh-CN` or `en` (validated by `languageTagSchema`). */
export type LanguageTag = string

/** The languages every pack and the app itself must provide. */
export const requiredLanguages = ['zh-CN', 'en'] as const satisfies readonly LanguageTag[]

/** A language's own name in its own script, for the language switch. */
export const languageAutonyms: Readonly<Record<string, string>> = {
  'zh-CN': '中文',
  'zh-TW': '中文（繁體）',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
}

/** The autonym of a tag, falling back to the tag itself for a language we have no name for. */
export function autonymOf(tag: LanguageTag): string {
  return languageAutonyms[tag] ?? tag
}
