import { readFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import { staffLockoutStepsMs, staffSessionIdleMs } from '../../../../src/contract/areas/staff'
import { EventBus } from '../../../../main/services/eventBus'
import { StaffAccessService } from '../../../../main/services/staff/staffAccessService'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'

vi.mock('electron')

// Tests use cheap scrypt parameters; the shipped default is checked separately below.
const fastHash = { cost: 1024, blockSize: 8, parallelization: 1, keyLengthBytes: 32 }

const staffLockoutMs = staffLockoutStepsMs[0]!

describe('StaffAccessService', () => {
  const tempDir = useTempDirs()

  async function makeService(dataDir?: string, clock = manualClock()) {
    const dir = dataDir ?? (await tempDir())
    const events = new EventBus()
    const ended: string[] = []
    events.on('staff:session-ended', ({ reason }) => ended.push(reason))
    const service = new StaffAccessService(dir, clock, events, recordingLogger(), {
      hashParameters: fastHash,
    })
    return { dir, clock, service, ended }
  }

  it('lets a fresh data folder create a PIN once, storing only a salted hash', async () => {
    const { dir, service } = await makeService()
    expect(await service.status()).toMatchObject({ hasPin: false })
    const created = await service.createPin('246813')
    expect(created.outcome).toBe('unlocked')
    const stored = await readFile(`${dir}/staff-access.json`, 'utf8')
    expect(stored).not.toContain('246813')
    expect(JSON.parse(stored).pinHash).toMatchObject({ algorithm: 'scrypt' })
    await expect(service.createPin('135790')).rejects.toMatchObject({ code: 'conflict' })
    expect((await service.unlock('246813')).outcome).toBe('unlocked')
  })

  it('locks after five wrong PINs for five minutes, across a restart, then counts afresh', async () => {
    const { dir, clock, service } = await makeService()
    await service.createPin('246813')
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const result = await service.unlock('0000')
      expect(result).toMatchObject({
        outcome: 'wrong-pin',
        status: { remainingAttempts: 5 - attempt },
      })
    }
    const fifth = await service.unlock('0000')
    expect(fifth).toMatchObject({
      outcome: 'locked',
      status: { lockedUntilMs: clock.nowMs() + staffLockoutMs },
    })

    // A new service on the same folder (a restart) still refuses, even the right PIN.
    const restarted = (await makeService(dir, clock)).service
    clock.advance(staffLockoutMs - 1000)
    expect((await restarted.unlock('246813')).outcome).toBe('locked')
    expect((await restarted.status()).lockedUntilMs).toBeDefined()

    clock.advance(1000)
    expect((await restarted.status()).lockedUntilMs).toBeUndefined()
    expect(await restarted.unlock('0000')).toMatchObject({
      outcome: 'wrong-pin',
      status: { remainingAttempts: 4 },
    })
    expect((await restarted.unlock('246813')).outcome).toBe('unlocked')
    expect((await restarted.status()).remainingAttempts).toBe(5)
  })

  it('counts parallel guesses one by one', async () => {
    const { service } = await makeService()
    await service.createPin('246813')
    const outcomes = await Promise.all(
      ['1111', '2222', '3333', '4444', '5555', '246813'].map((pin) => service.unlock(pin)),
    )
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'wrong-pin',
      'wrong-pin',
      'wrong-pin',
      'wrong-pin',
      'locked',
      'locked',
    ])
  })

  it('ends a session after five idle minutes, while use keeps it alive', async () => {
    const { clock, service, ended } = await makeService()
    const created = await service.createPin('246813')
    if (created.outcome !== 'unlocked') throw new Error('expected a session')
    const token = created.sessionToken
    clock.advance(staffSessionIdleMs - 1000)
    expect(service.isSessionValid(token)).toBe(true)
    clock.advance(staffSessionIdleMs - 1000)
    expect(service.isSessionValid(token)).toBe(true)
    clock.advance(staffSessionIdleMs)
    service.expireIdleSessions()
    expect(ended).toEqual(['idle'])
    expect(service.isSessionValid(token)).toBe(false)
    expect(service.isSessionValid(undefined)).toBe(false)
    expect(service.isSessionValid('made-up')).toBe(false)
    service.dispose()
  })

  it('asks for the idle limit each time, so a changed staffSessionIdleSeconds counts at once', async () => {
    const dir = await tempDir()
    const clock = manualClock()
    const events = new EventBus()
    const ended: string[] = []
    events.on('staff:session-ended', ({ reason }) => ended.push(reason))
    let idleLimitMs = 60_000
    const service = new StaffAccessService(dir, clock, events, recordingLogger(), {
      hashParameters: fastHash,
      sessionIdleMs: () => idleLimitMs,
    })
    const created = await service.createPin('246813')
    if (created.outcome !== 'unlocked') throw new Error('expected a session')
    expect(created.idleTimeoutMs).toBe(60_000)
    clock.advance(59_000)
    expect(service.isSessionValid(created.sessionToken)).toBe(true)
    idleLimitMs = 30_000
    clock.advance(30_000)
    service.expireIdleSessions()
    expect(ended).toEqual(['idle'])
    expect(service.isSessionValid(created.sessionToken)).toBe(false)
    service.dispose()
  })

  it('lifts a lockout when the PIN is set from the terminal', async () => {
    const { service } = await makeService()
    await service.createPin('246813')
    for (let attempt = 0; attempt < 5; attempt += 1) await service.unlock('0000')
    expect((await service.status()).lockedUntilMs).toBeDefined()
    await service.setPin('975310')
    expect((await service.unlock('975310')).outcome).toBe('unlocked')
  })

  it('refuses to treat a damaged state file as "no PIN"', async () => {
    const { dir, service } = await makeService()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${dir}/staff-access.json`, '{"pinHash": 3')
    await expect(service.createPin('246813')).rejects.toThrow(/damaged/)
  })

  it('locks longer after a second and a third round of wrong PINs, logs and reports each lock', async () => {
    const clock = manualClock()
    const dir = await tempDir()
    const logger = recordingLogger()
    const service = new StaffAccessService(dir, clock, undefined, logger, {
      hashParameters: fastHash,
    })
    await service.createPin('246813')
    const round = async () => {
      let last
      for (let attempt = 0; attempt < 5; attempt += 1) last = await service.unlock('0000')
      return last
    }
    const first = await round()
    expect(first).toMatchObject({
      outcome: 'locked',
      status: { lockedUntilMs: clock.nowMs() + 5 * 60_000 },
    })
    clock.advance(5 * 60_000)
    const second = await round()
    expect(second).toMatchObject({
      outcome: 'locked',
      status: { lockedUntilMs: clock.nowMs() + 60 * 60_000 },
    })
    clock.advance(60 * 60_000)
    const third = await round()
    expect(third).toMatchObject({
      outcome: 'locked',
      status: { lockedUntilMs: clock.nowMs() + 24 * 60 * 60_000 },
    })
    expect(await service.lockoutReport()).toEqual({
      locksSinceLastUnlock: 3,
      lastLockedAtMs: clock.nowMs(),
      lockedUntilMs: clock.nowMs() + 24 * 60 * 60_000,
    })
    expect(
      logger.lines.filter((line) => line.level === 'warn').map((line) => line.message),
    ).toEqual([
      expect.stringContaining('locked for 5 minutes'),
      expect.stringContaining('locked for 1 h'),
      expect.stringContaining('locked for 24 h'),
    ])
    // The right PIN after the lock ends the escalation.
    clock.advance(24 * 60 * 60_000)
    expect((await service.unlock('246813')).outcome).toBe('unlocked')
    expect(await round()).toMatchObject({ status: { lockedUntilMs: clock.nowMs() + 5 * 60_000 } })
  })

  it('refuses a 4-digit new PIN on every surface, while an old 4-digit PIN still unlocks', async () => {
    const { dir, service } = await makeService()
    await expect(service.createPin('2468')).rejects.toThrow('a new staff PIN is 6 to 12 digits')
    await expect(service.setPin('2468')).rejects.toThrow('6 to 12 digits')
    const { newStaffPinArgsSchema } = await import('../../../../src/contract/areas/staff')
    expect(newStaffPinArgsSchema.safeParse({ pin: '2468' }).success).toBe(false)
    // A PIN set before the rule keeps working: write one the old way.
    const { hashPin } = await import('../../../../main/services/staff/pinHash')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(
      `${dir}/staff-access.json`,
      JSON.stringify({ pinHash: await hashPin('2468', fastHash), failedAttempts: 0 }),
    )
    expect((await service.unlock('2468')).outcome).toBe('unlocked')
  })

  it('changes the PIN only with the current one, and ends every other staff session', async () => {
    const { service, ended } = await makeService()
    const mine = await service.createPin('246813')
    const other = await service.unlock('246813')
    if (mine.outcome !== 'unlocked' || other.outcome !== 'unlocked') throw new Error('not unlocked')
    await expect(service.changePin('000000', '135790', mine.sessionToken)).rejects.toMatchObject({
      code: 'rejected',
    })
    expect((await service.status()).remainingAttempts).toBe(4)
    await service.changePin('246813', '135790', mine.sessionToken)
    expect(service.isSessionValid(mine.sessionToken)).toBe(true)
    expect(service.isSessionValid(other.sessionToken)).toBe(false)
    expect(ended).toEqual(['locked'])
    expect((await service.unlock('135790')).outcome).toBe('unlocked')
    await expect(service.changePin('135790', '1234', mine.sessionToken)).rejects.toThrow(
      '6 to 12 digits',
    )
    service.dispose()
  })
})
