import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setKioskApiForTesting } from '../../../renderer/bridge/kioskBridge'
import IdleWarning from '../../../renderer/components/IdleWarning.vue'
import { useLanguageStore } from '../../../renderer/stores/useLanguageStore'
import { createFakeKioskApi } from '../stores/fakeKioskApi'
import { activateStoresForTest } from '../stores/storesForTest'

describe('IdleWarning', () => {
  beforeEach(() => {
    setKioskApiForTesting(createFakeKioskApi().api)
    activateStoresForTest()
  })
  afterEach(() => setKioskApiForTesting(undefined))

  function continueLabels(language: 'zh-CN' | 'en') {
    useLanguageStore().startIn(language)
    const wrapper = mount(IdleWarning)
    const labels = wrapper
      .find('[data-action="idle-continue"]')
      .findAll('[lang]')
      .map((span) => [span.attributes('lang'), span.text()])
    wrapper.unmount()
    return labels
  }

  it('labels the continue button in both languages, Chinese first when Chinese is chosen', () => {
    expect(continueLabels('zh-CN')).toEqual([
      ['zh-CN', '继续参观'],
      ['en', 'Carry on'],
    ])
  })

  it('puts English first when the visitor chose English, like the rest of the overlay', () => {
    expect(continueLabels('en')).toEqual([
      ['en', 'Carry on'],
      ['zh-CN', '继续参观'],
    ])
  })
})
