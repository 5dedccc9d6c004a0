import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n } from '../../../renderer/i18n/i18n'
import { useLanguageStore } from '../../../renderer/stores/useLanguageStore'

describe('useLanguageStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('one tap cycles zh-CN ⇄ en, switching the app strings and the page language too', () => {
    const language = useLanguageStore()
    expect(language.language).toBe('zh-CN')
    expect(language.nextLanguageName).toBe('English')

    expect(language.cycle()).toEqual({ from: 'zh-CN', to: 'en' })
    expect(language.language).toBe('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(language.nextLanguageName).toBe('中文')

    expect(language.cycle()).toEqual({ from: 'en', to: 'zh-CN' })
    expect(i18n.global.locale.value).toBe('zh-CN')
  })

  it('cycles through every language a pack brings, naming each in its own script', () => {
    const language = useLanguageStore()
    language.setOffered(['zh-CN', 'en', 'ja'])
    language.cycle()
    expect(language.nextLanguage).toBe('ja')
    expect(language.nextLanguageName).toBe('日本語')
    language.cycle()
    expect(language.language).toBe('ja')
    // The app's own strings fall back to English for a language they do not have.
    expect(i18n.global.locale.value).toBe('en')
    expect(language.cycle()).toEqual({ from: 'ja', to: 'zh-CN' })
  })

  it('picks pack text in the visit language, with a fallback', () => {
    const language = useLanguageStore()
    const title = { 'zh-CN': '点茶', en: 'Whisked tea' }
    expect(language.text(title)).toBe('点茶')
    language.setLanguage('en')
    expect(language.text(title)).toBe('Whisked tea')
    language.setOffered(['zh-CN', 'en', 'fr'])
    language.setLanguage('fr')
    expect(language.text(title)).toBe('Whisked tea')
    expect(language.text(undefined)).toBe('')
  })

  it('starts a visit in the default language when offered, else in the first one', () => {
    const language = useLanguageStore()
    language.startIn('en')
    expect(language.language).toBe('en')
    language.startIn('de')
    expect(language.language).toBe('zh-CN')
  })

  it('leaves a language that is no longer offered', () => {
    const language = useLanguageStore()
    language.setOffered(['zh-CN', 'en', 'ja'])
    language.setLanguage('ja')
    language.setOffered(['zh-CN', 'en'])
    expect(language.language).toBe('zh-CN')
  })
})
