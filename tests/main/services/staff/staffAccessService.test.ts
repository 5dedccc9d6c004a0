import { readFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import { staffLockoutMs, staffSessionIdleMs } from '../../../../src/contract/areas/staff'
import { EventBus } from '../../../../main/services/eventBus'
import { StaffAccessService } from '../../../../main/services/staff/staffAccessService'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'

vi.mock('electron')

// Tests use cheap scrypt parameters; the shipped default is checked separately below.
const fastHash = { cost: 1024, blockSize: 8, parallelization: 1, keyLengthBytes: 32 }

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
    const created = await service.createPin('2468')
    expect(created.outcome).toBe('unlocked')
    const stored = await readFile(`${dir}/staff-access.json`, 'utf8')
    expect(stored).not.toContain('2468')
    expect(JSON.parse(stored).pinHash).toMatchObject({ algorithm: 'scrypt' })
    await expect(service.createPin('1357')).rejects.toMatchObject({ code: 'conflict' })
    expect((await service.unlock('2468')).outcome).toBe('unlocked')
  })

  it('locks after five wrong PINs for five minutes, across a restart, then counts afresh', async () => {
    const { dir, clock, service } = await makeService()
    await service.createPin('2468')
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
    expect((await restarted.unlock('2468')).outcome).toBe('locked')
    expect((await restarted.status()).lockedUntilMs).toBeDefined()

    clock.advance(1000)
    expect((await restarted.status()).lockedUntilMs).toBeUndefined()
    expect(await restarted.unlock('0000')).toMatchObject({
      outcome: 'wrong-pin',
      status: { remainingAttempts: 4 },
    })
    expect((await restarted.unlock('2468')).outcome).toBe('unlocked')
    expect((await restarted.status()).remainingAttempts).toBe(5)
  })

  it('counts parallel guesses one by one', async () => {
    const { service } = await makeService()
    await service.createPin('2468')
    const outcomes = await Promise.all(
      ['1111', '2222', '3333', '4444', '5555', '2468'].map((pin) => service.unlock(pin)),
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
    const created = await service.createPin('2468')
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
    const created = await service.createPin('2468')
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
    await service.createPin('2468')
    for (let attempt = 0; attempt < 5; attempt += 1) await service.unlock('0000')
    expect((await service.status()).lockedUntilMs).toBeDefined()
    await service.setPin('97531')
    expect((await service.unlock('97531')).outcome).toBe('unlocked')
  })

  it('refuses to treat a damaged state file as "no PIN"', async () => {
    const { dir, service } = await makeService()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${dir}/staff-access.json`, '{"pinHash": 3')
    await expect(service.createPin('2468')).rejects.toThrow(/damaged/)
  })
})
