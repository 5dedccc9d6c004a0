import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { setKioskApiForTesting } from '../../../renderer/bridge/kioskBridge'
import { useLanguageStore } from '../../../renderer/stores/useLanguageStore'
import { usePreferencesStore } from '../../../renderer/stores/usePreferencesStore'
import { useSettingsStore } from '../../../renderer/stores/useSettingsStore'
import { useVisitStore } from '../../../renderer/stores/useVisitStore'
import { createFakeKioskApi } from './fakeKioskApi'
import { activateStoresForTest } from './storesForTest'

describe('useVisitStore: the idle rule and the full reset (fake clock)', () => {
  let fake: ReturnType<typeof createFakeKioskApi>

  beforeEach(async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 28, 10) })
    fake = createFakeKioskApi({
      idleTimeoutSeconds: 5,
      idleWarningSeconds: 3,
      defaultLanguage: 'zh-CN',
    })
    setKioskApiForTesting(fake.api)
    activateStoresForTest()
    const settings = useSettingsStore()
    await settings.start()
    // The app feeds the visit its idle timing from the settings (App.vue).
    useVisitStore().applyIdleTiming(
      settings.settings.idleTimeoutSeconds,
      settings.settings.idleWarningSeconds,
    )
  })

  afterEach(() => {
    vi.useRealTimers()
    setKioskApiForTesting(undefined)
  })

  function startVisitInExhibit() {
    const visit = useVisitStore()
    visit.begin()
    visit.openExhibit('tea-whisking')
    return { visit, kiosk: visit }
  }

  it('warns after the timeout and resets after the warning, back to the attract loop', async () => {
    const { visit, kiosk } = startVisitInExhibit()
    const language = useLanguageStore()
    const preferences = usePreferencesStore()
    language.cycle()
    preferences.toggleTextSize()
    preferences.toggleReadingAid()
    preferences.toggleReducedMotion()
    const serialBefore = visit.visitSerial

    vi.advanceTimersByTime(4_999)
    expect(visit.phase).toBe('active')
    vi.advanceTimersByTime(1)
    expect(visit.phase).toBe('warning')
    expect(visit.warningSecondsLeft).toBe(3)
    vi.advanceTimersByTime(1_000)
    expect(visit.warningSecondsLeft).toBe(2)
    expect(kiosk.screen).toBe('exhibit')

    vi.advanceTimersByTime(2_000)
    expect(visit.phase).toBe('dormant')
    expect(kiosk.screen).toBe('attract')
    expect(kiosk.exhibitId).toBeUndefined()
    expect(visit.visitSerial).toBe(serialBefore + 1)
    expect(language.language).toBe('zh-CN')
    expect(preferences.textSize).toBe('normal')
    expect(preferences.isReadingAidOn).toBe(false)
    expect(preferences.isReducedMotionChosen).toBe(false)
    expect(preferences.isCaptionsOn).toBe(true)
    await nextTick()

    expect(fake.recorded.map((e) => e.type)).toEqual([
      'visit-start',
      'exhibit-enter',
      'exhibit-leave',
      'visit-end',
    ])
    expect(fake.recorded[2]).toEqual({
      type: 'exhibit-leave',
      exhibitId: 'tea-whisking',
      dwellMs: 8_000,
    })
    expect(fake.recorded[3]).toEqual({ type: 'visit-end', durationMs: 8_000, reason: 'idle' })
  })

  it('a touch dismisses the warning and restarts the full timeout', () => {
    const { visit, kiosk } = startVisitInExhibit()
    vi.advanceTimersByTime(6_000)
    expect(visit.phase).toBe('warning')
    visit.noteTouch()
    expect(visit.phase).toBe('active')
    vi.advanceTimersByTime(4_900)
    expect(visit.phase).toBe('active')
    expect(kiosk.screen).toBe('exhibit')
  })

  it('touches during the visit keep it alive indefinitely', () => {
    const { visit, kiosk } = startVisitInExhibit()
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(4_000)
      visit.noteTouch()
    }
    expect(visit.phase).toBe('active')
    expect(kiosk.screen).toBe('exhibit')
  })

  it('does nothing while no visit is in progress on the attract loop', () => {
    const visit = useVisitStore()
    visit.noteTouch()
    vi.advanceTimersByTime(60_000)
    expect(visit.phase).toBe('dormant')
    expect(fake.recorded).toEqual([])
  })

  it('follows new idle timing in the middle of a visit', () => {
    const { visit } = startVisitInExhibit()
    visit.applyIdleTiming(30, 3)
    vi.advanceTimersByTime(10_000)
    expect(visit.phase).toBe('active')
    vi.advanceTimersByTime(20_000)
    expect(visit.phase).toBe('warning')
  })

  it('a staff screen ends the visit (reason "mode") and stops the countdown', () => {
    const { visit } = startVisitInExhibit()
    visit.showStaffScreen('admin')
    expect(visit.isVisitInProgress).toBe(false)
    vi.advanceTimersByTime(60_000)
    expect(visit.screen).toBe('admin')
    expect(fake.recorded.map((e) => e.type).slice(-2)).toEqual(['exhibit-leave', 'visit-end'])
    expect(fake.recorded.at(-1)).toMatchObject({ type: 'visit-end', reason: 'mode' })
  })

  it('tells the services whether the kiosk is busy, only when that changes', async () => {
    const visit = useVisitStore()
    visit.begin()
    visit.openExhibit('tea-whisking')
    visit.showStaffScreen('staff-pin')
    visit.leaveStaffScreens()
    await nextTick()
    expect(
      fake.calls.filter((call) => call.channel === 'mode:report-visit').map((call) => call.args),
    ).toEqual([
      { isVisitInProgress: false },
      { isVisitInProgress: true },
      { isVisitInProgress: false },
    ])
  })
})
