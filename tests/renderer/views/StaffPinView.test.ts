import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
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
    expect(view.get('h2').text()).toBe('输入员工密码')
    expect(view.text()).not.toContain('Enter the staff PIN')

    await view.get('[data-action="language"]').trigger('click')
    expect(view.attributes('lang')).toBe('en')
    expect(view.get('h2').text()).toBe('Enter the staff PIN')
    expect(view.get('[data-action="pin-submit"]').text()).toBe('OK')
    expect(view.text()).not.toContain('输入员工密码')
    // "Staff only" and the way back stay in both languages: the visitor may not have chosen one.
    expect(view.get('h1').text()).toBe('Staff only')
    expect(view.get('[data-action="pin-back"]').text()).toContain('Back to the exhibits')
    expect(view.get('[data-action="pin-back"]').text()).toContain('返回展台')
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

  it('counts a lock down to its end in the words of the screen, then says to try again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    try {
      const nowMs = Date.UTC(2026, 11, 2, 2, 30, 0)
      vi.setSystemTime(nowMs)
      const lockedUntilMs = nowMs + 4 * 60_000 + 12_000
      fake = createFakeKioskApi(
        {},
        { 'staff:status': () => ({ hasPin: true, lockedUntilMs, remainingAttempts: 0 }) },
      )
      setKioskApiForTesting(fake.api)
      await useStaffStore().openPinPad()
      const view = mount(StaffPinView, { global: { plugins: [i18n] } })
      await flushPromises()
      const notice = () => view.get('[data-staff-notice]').text()
      const until = new Date(lockedUntilMs).toLocaleTimeString('zh-CN', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
      expect(notice()).toBe(`错误次数过多，已锁定。4 分 12 秒后可再试（${until} 解锁）`)
      expect(view.get('[data-action="pin-submit"]').attributes('disabled')).toBeDefined()

      await vi.advanceTimersByTimeAsync(3000)
      expect(notice()).toContain('4 分 09 秒')
      await view.get('[data-action="language"]').trigger('click')
      expect(notice()).toMatch(
        /^Too many wrong PINs: locked\. Try again in 4 min 09 s \(unlocks at \d\d:\d\d\)$/,
      )

      await vi.advanceTimersByTimeAsync(250_000)
      expect(notice()).toBe('The lock is over: try again')
      expect(view.get('[data-action="pin-submit"]').attributes('disabled')).toBeUndefined()
      view.unmount()
    } finally {
      vi.useRealTimers()
    }
  })
})
