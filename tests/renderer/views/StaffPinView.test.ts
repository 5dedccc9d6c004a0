import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StaffStatus } from '../../../src/contract/areas/staff'
import { setKioskApiForTesting } from '../../../renderer/bridge/kioskBridge'
import { i18n } from '../../../renderer/i18n/i18n'
import { messages } from '../../../renderer/i18n/messages'
import { useLanguageStore } from '../../../renderer/stores/useLanguageStore'
import { useStaffStore } from '../../../renderer/stores/useStaffStore'
import { useVisitStore } from '../../../renderer/stores/useVisitStore'
import StaffPinView from '../../../renderer/views/StaffPinView.vue'
import { createFakeKioskApi } from '../stores/fakeKioskApi'
import { activateStoresForTest } from '../stores/storesForTest'

const withPin: StaffStatus = { hasPin: true, lockedUntilMs: undefined, remainingAttempts: 5 }

/** Every key path of a nested message object, e.g. `staff.pin.cancel`. */
function keyPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null
      ? keyPaths(child as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

describe('the staff screens follow the language button', () => {
  let fake: ReturnType<typeof createFakeKioskApi>
  const channels = () => fake.calls.map((call) => call.channel)

  beforeEach(() => {
    fake = createFakeKioskApi({}, { 'staff:status': () => withPin })
    setKioskApiForTesting(fake.api)
    activateStoresForTest()
    useLanguageStore().startIn('zh-CN')
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('has every staff string in both zh-CN and en', () => {
    const zh = keyPaths(messages['zh-CN'].staff)
    expect(zh.length).toBeGreaterThan(50)
    expect(keyPaths(messages.en.staff)).toEqual(zh)
  })

  it('shows the PIN pad in one language, switched by one tap and not counted as a visit', async () => {
    await useStaffStore().openPinPad()
    const view = mount(StaffPinView, { global: { plugins: [i18n] } })
    await flushPromises()
    expect(view.attributes('data-screen')).toBe('staff-pin')
    expect(view.attributes('lang')).toBe('zh-CN')
    expect(view.get('h1').text()).toBe('输入员工密码')
    expect(view.text()).not.toContain('Enter the staff PIN')

    await view.get('[data-action="language"]').trigger('click')
    expect(view.attributes('lang')).toBe('en')
    expect(view.get('h1').text()).toBe('Enter the staff PIN')
    expect(view.get('[data-action="pin-submit"]').text()).toBe('OK')
    expect(view.text()).not.toContain('输入员工密码')
    expect(channels()).not.toContain('analytics:record')
    view.unmount()
  })

  it('sends the next visitor back to the default language when staff leave', async () => {
    const staff = useStaffStore()
    const language = useLanguageStore()
    await staff.openPinPad()
    language.cycle()
    expect(language.language).toBe('en')
    staff.leave()
    expect(useVisitStore().screen).not.toBe('staff-pin')
    expect(language.language).toBe('zh-CN')
  })
})
