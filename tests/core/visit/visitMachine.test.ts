import { describe, expect, it } from 'vitest'
import type { Clock } from '../../../src/time/clock'
import {
  VisitMachine,
  visitorModeOf,
  type VisitInput,
  type VisitOutput,
} from '../../../src/visit/visitMachine'

/** A clock the test moves by hand. */
function handClock(startMs = Date.UTC(2026, 10, 28, 10)) {
  let nowMs = startMs
  const clock: Clock = { nowMs: () => nowMs }
  return { clock, advance: (ms: number) => (nowMs += ms) }
}

const timing = { timeoutMs: 5_000, warningMs: 3_000 }
const open = { mode: 'open', singleExhibit: undefined } as const
const closed = { mode: 'closed', singleExhibit: undefined } as const
const singleTea = { mode: 'single-exhibit', singleExhibit: 'tea' } as const

/** A machine, its hand clock, and every output it has produced. */
function machineUnderTest() {
  const time = handClock()
  const machine = new VisitMachine(time.clock, timing)
  const outputs: VisitOutput[] = []
  const send = (input: VisitInput) => {
    const produced = machine.handle(input)
    outputs.push(...produced)
    return produced
  }
  /** Runs the clock to each deadline the machine names, ticking, until nothing counts down. */
  const runOutTheClock = () => {
    for (let due = machine.msUntilDeadline(); due !== undefined; due = machine.msUntilDeadline()) {
      time.advance(due)
      send({ type: 'tick' })
    }
  }
  const recorded = () =>
    outputs.flatMap((output) => (output.type === 'record' ? [output.event] : []))
  const busyReports = () =>
    outputs.flatMap((output) => (output.type === 'report-busy' ? [output.isBusy] : []))
  return { machine, time, send, runOutTheClock, recorded, busyReports, outputs }
}

describe('VisitMachine: a visit from the first touch to walking away', () => {
  it('begins at the attract loop’s tap, times the exhibit, and ends by idleness through the warning', () => {
    const { machine, time, send, recorded } = machineUnderTest()
    send({ type: 'mode-changed', mode: open })
    send({ type: 'begin', language: 'en' })
    expect(machine.state).toMatchObject({ screen: 'menu', isVisitInProgress: true })
    send({ type: 'open-exhibit', exhibitId: 'tea' })
    time.advance(4_999)
    send({ type: 'tick' })
    expect(machine.state.idlePhase).toBe('active')
    time.advance(1)
    send({ type: 'tick' })
    expect(machine.state.idlePhase).toBe('warning')
    expect(machine.warningSecondsLeft()).toBe(3)
    time.advance(3_000)
    const atReset = send({ type: 'tick' })

    expect(machine.state).toMatchObject({
      screen: 'attract',
      exhibitId: undefined,
      isVisitInProgress: false,
      idlePhase: 'dormant',
      visitSerial: 1,
    })
    expect(atReset).toContainEqual({ type: 'restore-visitor-defaults' })
    expect(recorded()).toEqual([
      { type: 'visit-start', language: 'en' },
      { type: 'exhibit-enter', exhibitId: 'tea' },
      { type: 'exhibit-leave', exhibitId: 'tea', dwellMs: 8_000 },
      { type: 'visit-end', durationMs: 8_000, reason: 'idle' },
    ])
    expect(machine.msUntilDeadline()).toBeUndefined()
  })

  it('a touch dismisses the warning and the full timeout starts again', () => {
    const { machine, time, send } = machineUnderTest()
    send({ type: 'begin', language: 'zh-CN' })
    time.advance(6_000)
    send({ type: 'tick' })
    expect(machine.state.idlePhase).toBe('warning')
    send({ type: 'touch', language: 'zh-CN' })
    expect(machine.state.idlePhase).toBe('active')
    expect(machine.msUntilDeadline()).toBe(5_000)
  })

  it('a touch on the attract loop starts nothing; on a single exhibit it starts the visit there', () => {
    const { machine, send, recorded } = machineUnderTest()
    send({ type: 'touch', language: 'zh-CN' })
    expect(machine.state.isVisitInProgress).toBe(false)
    expect(recorded()).toEqual([])

    send({ type: 'mode-changed', mode: singleTea })
    expect(machine.state).toMatchObject({ screen: 'exhibit', exhibitId: 'tea' })
    send({ type: 'touch', language: 'zh-CN' })
    expect(recorded()).toEqual([
      { type: 'visit-start', language: 'zh-CN' },
      { type: 'exhibit-enter', exhibitId: 'tea' },
    ])
  })

  it('home in single-exhibit mode holds the exhibit and starts it afresh for the next visitor', () => {
    const { machine, send, recorded } = machineUnderTest()
    send({ type: 'mode-changed', mode: singleTea })
    send({ type: 'touch', language: 'en' })
    const serialBefore = machine.state.visitSerial
    send({ type: 'home' })
    expect(machine.state).toMatchObject({
      screen: 'exhibit',
      exhibitId: 'tea',
      isVisitInProgress: false,
    })
    expect(machine.state.visitSerial).toBeGreaterThan(serialBefore)
    expect(recorded().at(-1)).toMatchObject({ type: 'visit-end', reason: 'mode' })
  })

  it('closing ends the visit in progress by the same one path, and opening again shows the attract loop', () => {
    const { machine, send, recorded, outputs } = machineUnderTest()
    send({ type: 'mode-changed', mode: open })
    send({ type: 'begin', language: 'en' })
    send({ type: 'open-exhibit', exhibitId: 'woodblock' })
    send({ type: 'mode-changed', mode: closed })
    expect(machine.state).toMatchObject({ screen: 'closed', isVisitInProgress: false })
    expect(recorded().slice(-2)).toEqual([
      { type: 'exhibit-leave', exhibitId: 'woodblock', dwellMs: 0 },
      { type: 'visit-end', durationMs: 0, reason: 'mode' },
    ])
    expect(outputs.filter((output) => output.type === 'restore-visitor-defaults')).toHaveLength(1)
    send({ type: 'mode-changed', mode: open })
    expect(machine.state.screen).toBe('attract')
  })

  it('a volume-only announcement (the same mode) leaves a visit alone', () => {
    const { machine, send } = machineUnderTest()
    send({ type: 'mode-changed', mode: open })
    send({ type: 'begin', language: 'en' })
    send({ type: 'mode-changed', mode: { ...open } })
    expect(machine.state).toMatchObject({ screen: 'menu', isVisitInProgress: true })
  })

  it('a staff screen ends the visit; a mode change waits on it; leaving lands on the mode’s start', () => {
    const { machine, send, recorded, runOutTheClock } = machineUnderTest()
    send({ type: 'mode-changed', mode: open })
    send({ type: 'begin', language: 'en' })
    send({ type: 'staff-enter', screen: 'staff-pin' })
    expect(machine.state).toMatchObject({
      screen: 'staff-pin',
      isStaffScreen: true,
      isVisitInProgress: false,
    })
    expect(recorded().at(-1)).toMatchObject({ type: 'visit-end', reason: 'mode' })
    send({ type: 'staff-enter', screen: 'admin' })
    send({ type: 'mode-changed', mode: closed })
    expect(machine.state.screen).toBe('admin')
    runOutTheClock()
    expect(machine.state.screen).toBe('admin')
    const leaving = send({ type: 'staff-leave' })
    expect(machine.state.screen).toBe('closed')
    expect(leaving).toContainEqual({ type: 'restore-visitor-defaults' })
  })

  it('reports busy only when it changes: a visit or a screen other than attract and closed', () => {
    const { send, busyReports } = machineUnderTest()
    send({ type: 'start' })
    send({ type: 'mode-changed', mode: open })
    send({ type: 'begin', language: 'en' })
    send({ type: 'open-exhibit', exhibitId: 'tea' })
    send({ type: 'touch', language: 'en' })
    send({ type: 'mode-changed', mode: closed })
    send({ type: 'staff-enter', screen: 'staff-pin' })
    send({ type: 'staff-leave' })
    expect(busyReports()).toEqual([false, true, false, true, false])
  })

  it('follows new idle timing in the middle of a visit', () => {
    const { machine, time, send } = machineUnderTest()
    send({ type: 'begin', language: 'en' })
    send({ type: 'timing-changed', timing: { timeoutMs: 30_000, warningMs: 3_000 } })
    time.advance(10_000)
    send({ type: 'tick' })
    expect(machine.state.idlePhase).toBe('active')
    expect(machine.msUntilDeadline()).toBe(20_000)
  })

  it('before the services answer no mode rule applies', () => {
    const { machine, send } = machineUnderTest()
    send({ type: 'begin', language: 'en' })
    send({ type: 'open-exhibit', exhibitId: 'tea' })
    expect(machine.state).toMatchObject({ screen: 'exhibit', mode: undefined })
  })
})

describe('visitorModeOf', () => {
  it('keeps single-exhibit while content has the exhibit (or has not loaded), else falls back to open', () => {
    const announced = { mode: 'single-exhibit', singleExhibit: 'tea' } as const
    expect(visitorModeOf(announced, undefined)).toEqual(announced)
    expect(visitorModeOf(announced, (id) => id === 'tea')).toEqual(announced)
    expect(visitorModeOf(announced, () => false)).toEqual({
      mode: 'open',
      singleExhibit: undefined,
    })
    expect(visitorModeOf({ mode: 'closed', singleExhibit: 'tea' }, undefined)).toEqual(closed)
  })
})
