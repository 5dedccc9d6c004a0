import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskContent } from '../../../src/contract/areas/content'
import { i18n } from '../../../renderer/i18n/i18n'
import { useContentStore } from '../../../renderer/stores/useContentStore'
import { useLanguageStore } from '../../../renderer/stores/useLanguageStore'
import MenuView from '../../../renderer/views/MenuView.vue'
import { activateStoresForTest } from '../stores/storesForTest'

/** Content with `count` exhibits (kinds repeat; the menu shows each one). */
function contentWith(count: number): KioskContent {
  const kinds = ['woodblock-printing', 'tea-whisking', 'folk-music'] as const
  return {
    packs: [],
    languages: ['zh-CN', 'en'],
    exhibits: Array.from({ length: count }, (_, index) => ({
      packId: 'test.pack',
      exhibit: {
        kind: kinds[index % kinds.length]!,
        id: `exhibit-${index}`,
        title: { 'zh-CN': `展项${index}`, en: `Exhibit ${index}` },
        teaser: { 'zh-CN': '一句话', en: 'One line' },
      },
    })) as unknown as KioskContent['exhibits'],
  }
}

function menuLead(count: number): string {
  useContentStore().content = contentWith(count)
  const view = mount(MenuView, {
    global: {
      plugins: [i18n],
      stubs: { ExhibitEmblem: true, FishTailRule: true, LanguageButton: true },
    },
  })
  const text = view.get('.menu__lead').text()
  view.unmount()
  return text
}

describe('the menu lead counts the exhibits it shows', () => {
  beforeEach(() => {
    activateStoresForTest()
    // happy-dom has no idle callbacks; the menu's warm-up waits for one and is not under test.
    vi.stubGlobal('requestIdleCallback', () => 0)
    vi.stubGlobal('cancelIdleCallback', () => undefined)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('says four when four exhibits are shown, in both languages', () => {
    useLanguageStore().startIn('zh-CN')
    expect(menuLead(4)).toBe('四件宋人的日常功夫，每件约五分钟。')
    expect(menuLead(2)).toBe('两件宋人的日常功夫，每件约五分钟。')
    useLanguageStore().startIn('en')
    expect(menuLead(4)).toBe('Four everyday crafts of the Song, about five minutes each.')
    expect(menuLead(1)).toBe('One everyday craft of the Song, about five minutes.')
    expect(menuLead(12)).toBe('12 everyday crafts of the Song, about five minutes each.')
  })
})
