import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LanguageTag } from '../../src/i18n/languages'
import { autonymOf } from '../../src/i18n/languages'
import { pickText, type LocalizedText } from '../../src/i18n/localizedText'
import { i18n } from '../i18n/i18n'

/** The visit's language: one tap cycles through the offered languages, everywhere at once. */
export const useLanguageStore = defineStore('language', () => {
  const language = ref<LanguageTag>('zh-CN')
  const offered = ref<readonly LanguageTag[]>(['zh-CN', 'en'])

  function setLanguage(tag: LanguageTag): void {
    language.value = tag
    // Chrome strings exist for zh-CN and en; other pack languages fall back to en for chrome.
    i18n.global.locale.value = tag === 'zh-CN' ? 'zh-CN' : 'en'
    if (typeof document !== 'undefined') document.documentElement.lang = tag
  }

  /** The language after the current one in the offered list (zh-CN ⇄ en when there are two). */
  const nextLanguage = computed<LanguageTag>(() => {
    const list = offered.value
    const index = list.indexOf(language.value)
    return list[(index + 1) % list.length] ?? 'zh-CN'
  })

  function cycle(): { from: LanguageTag; to: LanguageTag } {
    const from = language.value
    const to = nextLanguage.value
    setLanguage(to)
    return { from, to }
  }

  /**
   * The language a visit starts in: the venue's default when a pack offers it, else the first
   * language offered.
   */
  function startIn(defaultTag: LanguageTag): void {
    setLanguage(offered.value.includes(defaultTag) ? defaultTag : offered.value[0]!)
  }

  function setOffered(tags: readonly LanguageTag[]): void {
    offered.value = tags.length > 0 ? tags : ['zh-CN', 'en']
    if (!offered.value.includes(language.value)) setLanguage(offered.value[0]!)
  }

  /** Pack text in the visit's language. */
  function text(value: LocalizedText | undefined): string {
    return pickText(value, language.value)
  }

  const nextLanguageName = computed(() => autonymOf(nextLanguage.value))

  return {
    language,
    offered,
    nextLanguage,
    nextLanguageName,
    setLanguage,
    startIn,
    cycle,
    setOffered,
    text,
  }
})
