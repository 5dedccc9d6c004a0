import { describe, expect, it } from 'vitest'
import { IdleMachine, idleTimingFromSeconds } from '../../../src/visit/idleMachine'

function fakeClock(startMs = 1_000_000) {
  let now = startMs
  return {
    nowMs: () => now,
    advance(ms: number) {
      now += ms
    },
  }
}

describe('IdleMachine', () => {
  const timing = idleTimingFromSeconds(90, 15)

  it('stays dormant with no visit, whatever time passes', () => {
    const clock = fakeClock()
    const machine = new IdleMachine(clock, timing)
    machine.touch()
    clock.advance(10 * 60_000)
    expect(machine.advance()).toBeUndefined()
    expect(machine.phase).toBe('dormant')
    expect(machine.msUntilDeadline()).toBeUndefined()
  })

  it('warns after the timeout, then resets after the warning', () => {
    const clock = fakeClock()
    const machine = new IdleMachine(clock, timing)
    machine.beginVisit()
    expect(machine.msUntilDeadline()).toBe(90_000)

    clock.advance(89_999)
    expect(machine.advance()).toBeUndefined()
    expect(machine.phase).toBe('active')

    clock.advance(1)
    expect(machine.advance()).toBe('warn')
    expect(machine.phase).toBe('warning')
    expect(machine.warningSecondsLeft()).toBe(15)
    expect(machine.msUntilDeadline()).toBe(15_000)
    expect(machine.advance()).toBeUndefined()

    clock.advance(10_500)
    expect(machine.warningSecondsLeft()).toBe(5)
    clock.advance(4_500)
    expect(machine.advance()).toBe('reset')
    expect(machine.phase).toBe('dormant')
    expect(machine.warningSecondsLeft()).toBe(0)
  })

  it('restarts the countdown on every touch', () => {
    const clock = fakeClock()
    const machine = new IdleMachine(clock, timing)
    machine.beginVisit()
    clock.advance(80_000)
    machine.touch()
    clock.advance(80_000)
    expect(machine.advance()).toBeUndefined()
    expect(machine.msUntilDeadline()).toBe(10_000)
  })

  it('a touch during the warning dismisses it and starts a full timeout again', () => {
    const clock = fakeClock()
    const machine = new IdleMachine(clock, timing)
    machine.beginVisit()
    clock.advance(95_000)
    expect(machine.advance()).toBe('warn')
    machine.touch()
    expect(machine.phase).toBe('active')
    clock.advance(89_000)
    expect(machine.advance()).toBeUndefined()
    clock.advance(1_000)
    expect(machine.advance()).toBe('warn')
  })

  it('never resets unannounced: a late check first shows the full warning', () => {
    const clock = fakeClock()
    const machine = new IdleMachine(clock, timing)
    machine.beginVisit()
    clock.advance(200_000)
    expect(machine.advance()).toBe('warn')
    expect(machine.warningSecondsLeft()).toBe(15)
    clock.advance(14_999)
    expect(machine.advance()).toBeUndefined()
    clock.advance(1)
    expect(machine.advance()).toBe('reset')
  })

  it('judges an ongoing visit by new timing from settings', () => {
    const clock = fakeClock()
    const machine = new IdleMachine(clock, timing)
    machine.beginVisit()
    clock.advance(10_000)
    machine.setTiming(idleTimingFromSeconds(5, 3))
    expect(machine.advance()).toBe('warn')
    clock.advance(3_000)
    expect(machine.advance()).toBe('reset')
  })

  it('ending the visit stops the countdown', () => {
    const clock = fakeClock()
    const machine = new IdleMachine(clock, timing)
    machine.beginVisit()
    machine.endVisit()
    clock.advance(500_000)
    expect(machine.advance()).toBeUndefined()
  })

  it('rejects timing that is not positive, naming the settings', () => {
    expect(() => idleTimingFromSeconds(0, 15)).toThrow(/idleTimeoutSeconds=0/)
    expect(() => idleTimingFromSeconds(90, Number.NaN)).toThrow(/idleWarningSeconds=NaN/)
  })
})
