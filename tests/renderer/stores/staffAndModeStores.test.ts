import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { KioskApi } from '../../../src/contract/contract'
import type { ModeState } from '../../../src/contract/areas/mode'
import type { StaffStatus, StaffUnlockResult } from '../../../src/contract/areas/staff'
import { RequestError } from '../../../src/contract/requestError'
import { setKioskApiForTesting } from '../../../renderer/bridge/kioskBridge'
import { useKioskStore } from '../../../renderer/stores/useKioskStore'
import { useModeStore } from '../../../renderer/stores/useModeStore'
import { useStaffStore } from '../../../renderer/stores/useStaffStore'
import { useVisitStore } from '../../../renderer/stores/useVisitStore'

const openState: ModeState = {
  mode: 'open',
  configuredMode: 'open',
  singleExhibit: undefined,
  isClosedByHours: false,
  volume: 0.8,
  nextScheduleChangeAtMs: undefined,
  timeZone: 'Asia/Shanghai',
}

/** A fake contract: answers what the test sets, records every call. */
function fakeApi() {
  const calls: { channel: string; args: unknown; token?: string }[] = []
  const answers = new Map<string, (args: unknown) => unknown>()
  const api = {
    invoke: async (channel: string, args?: unknown) => {
      calls.push({ channel, args })
      return answers.get(channel)?.(args)
    },
    invokeAsStaff: async (token: string, channel: string, args?: unknown) => {
      calls.push({ channel, args, token })
      return answers.get(channel)?.(args)
    },
    on: () => () => undefined,
  } as unknown as KioskApi
  return { api, calls, answers }
}

describe('useModeStore: the mode rules on the visitor screens', () => {
  let fake: ReturnType<typeof fakeApi>

  beforeEach(() => {
    fake = fakeApi()
    setKioskApiForTesting(fake.api)
    setActivePinia(createPinia())
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('shows the closed screen in closed mode and the attract loop when open again', async () => {
    const mode = useModeStore()
    const kiosk = useKioskStore()
    mode.apply({ ...openState, mode: 'closed', configuredMode: 'closed' })
    expect(kiosk.screen).toBe('closed')
    mode.apply(openState)
    expect(kiosk.screen).toBe('attract')
  })

  it('ends a visit in progress when the kiosk closes', async () => {
    const mode = useModeStore()
    const kiosk = useKioskStore()
    const visit = useVisitStore()
    visit.beginVisit()
    kiosk.showMenu()
    mode.apply({ ...openState, mode: 'closed', isClosedByHours: true })
    expect(kiosk.screen).toBe('closed')
    expect(visit.isVisitInProgress).toBe(false)
  })

  it('keeps single-exhibit mode on its exhibit, also after "home"', async () => {
    const mode = useModeStore()
    const kiosk = useKioskStore()
    mode.apply({
      ...openState,
      mode: 'single-exhibit',
      configuredMode: 'single-exhibit',
      singleExhibit: 'tea',
    })
    expect(kiosk.screen).toBe('exhibit')
    expect(kiosk.exhibitId).toBe('tea')
    kiosk.showMenu()
    await nextTick()
    expect(kiosk.screen).toBe('exhibit')
    expect(kiosk.exhibitId).toBe('tea')
    kiosk.returnToStart()
    expect(kiosk.exhibitId).toBe('tea')
  })

  it('leaves a visit alone when only the volume cap changes', async () => {
    const mode = useModeStore()
    const kiosk = useKioskStore()
    const visit = useVisitStore()
    mode.apply(openState)
    visit.beginVisit()
    kiosk.showMenu()
    await nextTick()
    mode.apply({ ...openState, volume: 0.3 })
    await nextTick()
    expect(kiosk.screen).toBe('menu')
    expect(visit.isVisitInProgress).toBe(true)
  })

  it('leaves the staff screens alone; leaving them lands on the mode start', async () => {
    const mode = useModeStore()
    const kiosk = useKioskStore()
    kiosk.showOnly('admin')
    mode.apply({ ...openState, mode: 'closed', configuredMode: 'closed' })
    expect(kiosk.screen).toBe('admin')
    kiosk.returnToStart()
    expect(kiosk.screen).toBe('closed')
  })

  it('tells the services whether the kiosk is busy, only when that changes', async () => {
    useModeStore()
    const kiosk = useKioskStore()
    const reports = () =>
      fake.calls.filter((call) => call.channel === 'mode:report-visit').map((call) => call.args)
    expect(reports()).toEqual([{ isVisitInProgress: false }])
    kiosk.showMenu()
    await nextTick()
    kiosk.openExhibit('tea')
    await nextTick()
    kiosk.showAttract()
    await nextTick()
    expect(reports()).toEqual([
      { isVisitInProgress: false },
      { isVisitInProgress: true },
      { isVisitInProgress: false },
    ])
  })
})

describe('useStaffStore: the PIN pad flow', () => {
  let fake: ReturnType<typeof fakeApi>
  const noPin: StaffStatus = { hasPin: false, lockedUntilMs: undefined, remainingAttempts: 5 }
  const unlocked: StaffUnlockResult = {
    outcome: 'unlocked',
    sessionToken: 'token-1',
    idleTimeoutMs: 300_000,
  }

  beforeEach(() => {
    fake = fakeApi()
    setKioskApiForTesting(fake.api)
    setActivePinia(createPinia())
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('asks for a new PIN twice on a fresh kiosk, starting over when they differ', async () => {
    fake.answers.set('staff:status', () => noPin)
    fake.answers.set('staff:create-pin', () => unlocked)
    const staff = useStaffStore()
    const kiosk = useKioskStore()
    await staff.openPinPad()
    expect(kiosk.screen).toBe('staff-pin')
    expect(staff.stage).toBe('new')
    await staff.submitPin('1234')
    expect(staff.notice).toBe('too-short')
    expect(staff.stage).toBe('new')
    await staff.submitPin('123456')
    expect(staff.stage).toBe('confirm')
    await staff.submitPin('654321')
    expect(staff.stage).toBe('new')
    expect(staff.notice).toBe('mismatch')
    expect(fake.calls.some((call) => call.channel === 'staff:create-pin')).toBe(false)
    await staff.submitPin('123456')
    await staff.submitPin('123456')
    expect(fake.calls.find((call) => call.channel === 'staff:create-pin')?.args).toEqual({
      pin: '123456',
    })
    expect(kiosk.screen).toBe('admin')

    // Staff requests carry the session token; ending the session returns to the start.
    fake.answers.set('mode:get', () => openState)
    await staff.invoke('mode:get')
    expect(fake.calls.at(-1)).toMatchObject({ channel: 'mode:get', token: 'token-1' })
    await staff.exit()
    expect(fake.calls.find((call) => call.channel === 'staff:lock')).toMatchObject({
      token: 'token-1',
    })
    expect(kiosk.screen).toBe('attract')
  })

  it('shows wrong and locked answers and stays on the pad', async () => {
    const status: StaffStatus = { hasPin: true, lockedUntilMs: undefined, remainingAttempts: 5 }
    fake.answers.set('staff:status', () => status)
    const staff = useStaffStore()
    const kiosk = useKioskStore()
    await staff.openPinPad()
    expect(staff.stage).toBe('enter')
    fake.answers.set('staff:unlock', () => ({
      outcome: 'wrong-pin',
      status: { ...status, remainingAttempts: 3 },
    }))
    await staff.submitPin('0000')
    expect(staff.notice).toBe('wrong')
    expect(staff.remainingAttempts).toBe(3)
    fake.answers.set('staff:unlock', () => ({
      outcome: 'locked',
      status: { ...status, lockedUntilMs: Date.now() + 300_000, remainingAttempts: 0 },
    }))
    await staff.submitPin('0000')
    expect(staff.notice).toBe('locked')
    expect(kiosk.screen).toBe('staff-pin')
    await staff.submitPin('12')
    expect(staff.notice).toBe('too-short')
  })

  it('leaves the admin screen when the services refuse the session', async () => {
    fake.answers.set('staff:status', () => ({ ...noPin, hasPin: true }))
    fake.answers.set('staff:unlock', () => unlocked)
    const staff = useStaffStore()
    const kiosk = useKioskStore()
    await staff.openPinPad()
    await staff.submitPin('1234')
    expect(kiosk.screen).toBe('admin')
    fake.answers.set('diagnostics:get', () => {
      throw new RequestError('forbidden', 'needs a staff session')
    })
    await expect(staff.invoke('diagnostics:get')).rejects.toMatchObject({ code: 'forbidden' })
    expect(kiosk.screen).toBe('attract')
  })
})

describe('useModeStore: single-exhibit mode without its exhibit', () => {
  beforeEach(() => {
    const fake = fakeApi()
    fake.answers.set('content:get', () => ({
      packs: [],
      exhibits: [{ packId: 'songyun.core', exhibit: { id: 'folk-music' } }],
      languages: ['zh-CN', 'en'],
    }))
    setKioskApiForTesting(fake.api)
    setActivePinia(createPinia())
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('falls back to open once content shows the exhibit is gone', async () => {
    const { useContentStore } = await import('../../../renderer/stores/useContentStore')
    const mode = useModeStore()
    const kiosk = useKioskStore()
    mode.apply({
      ...openState,
      mode: 'single-exhibit',
      configuredMode: 'single-exhibit',
      singleExhibit: 'tea',
    })
    expect(kiosk.exhibitId).toBe('tea')
    await useContentStore().load()
    await nextTick()
    expect(mode.mode).toBe('open')
    expect(kiosk.screen).toBe('attract')
    kiosk.showMenu()
    await nextTick()
    expect(kiosk.screen).toBe('menu')
  })
})
