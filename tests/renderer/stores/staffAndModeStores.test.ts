import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ModeState } from '../../../src/contract/areas/mode'
import type { StaffStatus, StaffUnlockResult } from '../../../src/contract/areas/staff'
import { RequestError } from '../../../src/contract/requestError'
import { setKioskApiForTesting } from '../../../renderer/bridge/kioskBridge'
import { useModeStore } from '../../../renderer/stores/useModeStore'
import { useStaffStore } from '../../../renderer/stores/useStaffStore'
import { useVisitStore } from '../../../renderer/stores/useVisitStore'
import { createFakeKioskApi } from './fakeKioskApi'
import { activateStoresForTest } from './storesForTest'

const openState: ModeState = {
  mode: 'open',
  configuredMode: 'open',
  singleExhibit: undefined,
  isClosedByHours: false,
  volume: 0.8,
  nextScheduleChangeAtMs: undefined,
  timeZone: 'Asia/Shanghai',
}

// What a mode means for the visitor screens is the visit machine's (tests/core/visit).
describe('useModeStore: follows what the services announce', () => {
  let fake: ReturnType<typeof createFakeKioskApi>

  beforeEach(() => {
    fake = createFakeKioskApi({}, { 'mode:get': () => openState })
    setKioskApiForTesting(fake.api)
    activateStoresForTest()
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('loads the mode, then follows mode:changed (the volume cap comes only from there)', async () => {
    const mode = useModeStore()
    expect(mode.volume).toBeUndefined()
    await mode.start()
    expect(mode.state?.mode).toBe('open')
    expect(mode.volume).toBe(0.8)
    fake.emit('mode:changed', { ...openState, volume: 0.3, mode: 'closed' })
    expect(mode.volume).toBe(0.3)
    expect(mode.state?.mode).toBe('closed')
  })

  it('creating the mode store touches no other store and sends nothing', () => {
    useModeStore()
    expect(fake.calls).toEqual([])
  })
})

describe('useStaffStore: the PIN pad flow', () => {
  let fake: ReturnType<typeof createFakeKioskApi>
  const noPin: StaffStatus = { hasPin: false, lockedUntilMs: undefined, remainingAttempts: 5 }
  const unlocked: StaffUnlockResult = {
    outcome: 'unlocked',
    sessionToken: 'token-1',
    idleTimeoutMs: 300_000,
  }

  beforeEach(() => {
    fake = createFakeKioskApi()
    setKioskApiForTesting(fake.api)
    activateStoresForTest()
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('asks for a new PIN twice on a fresh kiosk, starting over when they differ', async () => {
    fake.answer('staff:status', () => noPin)
    fake.answer('staff:create-pin', () => unlocked)
    const staff = useStaffStore()
    const kiosk = useVisitStore()
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
    fake.answer('mode:get', () => openState)
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
    fake.answer('staff:status', () => status)
    const staff = useStaffStore()
    const kiosk = useVisitStore()
    await staff.openPinPad()
    expect(staff.stage).toBe('enter')
    fake.answer('staff:unlock', () => ({
      outcome: 'wrong-pin',
      status: { ...status, remainingAttempts: 3 },
    }))
    await staff.submitPin('0000')
    expect(staff.notice).toBe('wrong')
    expect(staff.remainingAttempts).toBe(3)
    fake.answer('staff:unlock', () => ({
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
    fake.answer('staff:status', () => ({ ...noPin, hasPin: true }))
    fake.answer('staff:unlock', () => unlocked)
    const staff = useStaffStore()
    const kiosk = useVisitStore()
    await staff.openPinPad()
    await staff.submitPin('1234')
    expect(kiosk.screen).toBe('admin')
    fake.answer('diagnostics:get', () => {
      throw new RequestError('forbidden', 'needs a staff session')
    })
    await expect(staff.invoke('diagnostics:get')).rejects.toMatchObject({ code: 'forbidden' })
    expect(kiosk.screen).toBe('attract')
  })

  it("a timer's request goes only while staff are touching, so it never keeps an unattended session", async () => {
    vi.useFakeTimers({ now: 1_000_000 })
    try {
      fake.answer('staff:status', () => ({ ...noPin, hasPin: true }))
      fake.answer('staff:unlock', () => ({ ...unlocked, idleTimeoutMs: 30_000 }))
      fake.answer('diagnostics:get', () => ({}))
      const staff = useStaffStore()
      await staff.openPinPad()
      await staff.submitPin('1234')
      const diagnosticsCalls = () =>
        fake.calls.filter((call) => call.channel === 'diagnostics:get').length

      // Just unlocked: staff are at the screen.
      await staff.invokeWhileAttended('diagnostics:get')
      expect(diagnosticsCalls()).toBe(1)
      // No touch for a quarter of the limit: the poll is skipped and answers nothing.
      vi.setSystemTime(1_000_000 + 7_500)
      expect(await staff.invokeWhileAttended('diagnostics:get')).toBeUndefined()
      expect(diagnosticsCalls()).toBe(1)
      // A touch, and the next poll goes again.
      staff.noteActivity()
      vi.setSystemTime(1_000_000 + 9_000)
      await staff.invokeWhileAttended('diagnostics:get')
      expect(diagnosticsCalls()).toBe(2)
      // A request staff asked for by touch always goes.
      vi.setSystemTime(1_000_000 + 60_000)
      await staff.invoke('diagnostics:get')
      expect(diagnosticsCalls()).toBe(3)
    } finally {
      vi.useRealTimers()
    }
  })
})
