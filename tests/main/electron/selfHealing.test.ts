import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The real module downloads a binary: only what the self-healing modules touch is faked.
const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const app = Object.assign(new EventEmitter(), {
    getAppMetrics: vi.fn((): { pid: number; memory: { workingSetSize: number } }[] => []),
  })
  return { app }
})
vi.mock('electron', () => electron)

import type { BrowserWindow } from 'electron'
import { relaunchCrashedRenderer } from '../../../main/electron/relaunchCrashedRenderer'
import {
  recycleRendererInAttract,
  type RendererRecyclePolicy,
} from '../../../main/electron/recycleRendererInAttract'
import { recoverLostChildProcess } from '../../../main/electron/recoverLostChildProcess'
import { idleTimingFromSeconds } from '../../../src/visit/idleMachine'
import { restingScreens, VisitMachine, type VisitInput } from '../../../src/visit/visitMachine'
import { manualClock, recordingLogger } from '../support/tempDataDir'

const rendererPid = 4242

/** A BrowserWindow and its webContents as far as the modules use them. */
function fakeWindow() {
  const contents = Object.assign(new EventEmitter(), {
    reload: vi.fn(),
    forcefullyCrashRenderer: vi.fn(),
    getOSProcessId: vi.fn(() => rendererPid),
  })
  const window = Object.assign(new EventEmitter(), {
    webContents: contents,
    isDestroyed: vi.fn(() => false),
  })
  return { window: window as unknown as BrowserWindow & EventEmitter, contents }
}

function rendererUsesMegabytes(megabytes: number) {
  electron.app.getAppMetrics.mockReturnValue([
    { pid: 1, memory: { workingSetSize: 10 * 1024 } },
    { pid: rendererPid, memory: { workingSetSize: megabytes * 1024 } },
  ])
}

beforeEach(() => {
  vi.useFakeTimers()
  electron.app.removeAllListeners()
  electron.app.getAppMetrics.mockReset().mockReturnValue([])
})
afterEach(() => {
  vi.useRealTimers()
})

describe('relaunchCrashedRenderer (electron mocked)', () => {
  it('reloads a crashed renderer at once, and leaves a clean exit alone', () => {
    const { window, contents } = fakeWindow()
    const logger = recordingLogger()
    relaunchCrashedRenderer(window, logger)
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    vi.advanceTimersByTime(0)
    expect(contents.reload).toHaveBeenCalledTimes(1)
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'renderer gone (crashed, exit 139); reloading',
    })

    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    vi.advanceTimersByTime(60_000)
    expect(contents.reload).toHaveBeenCalledTimes(1)
  })

  it('backs off when the renderer keeps crashing, so a bad page cannot spin', () => {
    const { window, contents } = fakeWindow()
    const clock = manualClock()
    relaunchCrashedRenderer(window, recordingLogger(), undefined, clock.nowMs)
    const crash = () => contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 })
    crash()
    vi.advanceTimersByTime(0)
    crash()
    vi.advanceTimersByTime(0)
    expect(contents.reload).toHaveBeenCalledTimes(2)
    crash() // the third inside a minute: a loop
    vi.advanceTimersByTime(999)
    expect(contents.reload).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(1)
    expect(contents.reload).toHaveBeenCalledTimes(3)
    crash()
    vi.advanceTimersByTime(1999)
    expect(contents.reload).toHaveBeenCalledTimes(3)
    vi.advanceTimersByTime(1)
    expect(contents.reload).toHaveBeenCalledTimes(4)

    clock.advance(5 * 60_000) // calm for five minutes: the next crash reloads at once again
    crash()
    vi.advanceTimersByTime(0)
    expect(contents.reload).toHaveBeenCalledTimes(5)
  })

  it('kills and reloads a renderer that stays unresponsive, once, and not one that recovers', () => {
    const { window, contents } = fakeWindow()
    relaunchCrashedRenderer(window, recordingLogger())
    window.emit('unresponsive')
    vi.advanceTimersByTime(5_000)
    window.emit('responsive')
    vi.advanceTimersByTime(60_000)
    expect(contents.reload).not.toHaveBeenCalled()

    window.emit('unresponsive')
    vi.advanceTimersByTime(10_000)
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1)
    expect(contents.reload).toHaveBeenCalledTimes(1)
    // The kill it caused is reported as a gone renderer; that must not reload a second time.
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 })
    vi.advanceTimersByTime(60_000)
    expect(contents.reload).toHaveBeenCalledTimes(1)
  })
})

describe('recycleRendererInAttract (electron mocked)', () => {
  const policy: RendererRecyclePolicy = {
    memoryWatermarkBytes: 800 * 1024 * 1024,
    maxPageUptimeMs: 60 * 60_000,
    checkIntervalMs: 10_000,
    minRecycleIntervalMs: 10 * 60_000,
  }

  it('reloads past the memory watermark only while the kiosk rests', () => {
    let isAtRest = false
    const { window, contents } = fakeWindow()
    const logger = recordingLogger()
    const recycler = recycleRendererInAttract(
      window,
      logger,
      () => isAtRest,
      policy,
      manualClock().nowMs,
    )
    rendererUsesMegabytes(500)
    recycler.checkNow()
    expect(contents.reload).not.toHaveBeenCalled()

    rendererUsesMegabytes(900)
    recycler.checkNow()
    expect(contents.reload).not.toHaveBeenCalled() // a visitor is in an exhibit

    isAtRest = true
    recycler.checkNow()
    expect(contents.reload).toHaveBeenCalledTimes(1)
    expect(logger.lines.at(-1)?.message).toMatch(
      /while the kiosk rests: renderer memory 900 MB is over the 800 MB watermark/,
    )
    recycler.dispose()
  })

  it('reloads after the set uptime, on the timer, and not again too soon', () => {
    const clock = manualClock()
    const { window, contents } = fakeWindow()
    const recycler = recycleRendererInAttract(
      window,
      recordingLogger(),
      () => true,
      policy,
      clock.nowMs,
    )
    rendererUsesMegabytes(200)
    clock.advance(59 * 60_000)
    vi.advanceTimersByTime(policy.checkIntervalMs)
    expect(contents.reload).not.toHaveBeenCalled()
    clock.advance(2 * 60_000)
    vi.advanceTimersByTime(policy.checkIntervalMs)
    expect(contents.reload).toHaveBeenCalledTimes(1)

    rendererUsesMegabytes(900) // a reload that did not bring memory down must not loop
    clock.advance(60_000)
    vi.advanceTimersByTime(policy.checkIntervalMs)
    expect(contents.reload).toHaveBeenCalledTimes(1)
    clock.advance(policy.minRecycleIntervalMs)
    vi.advanceTimersByTime(policy.checkIntervalMs)
    expect(contents.reload).toHaveBeenCalledTimes(2)
    recycler.dispose()
  })

  it('rests exactly where the visit machine reports the kiosk idle: restingScreens of src/visit', () => {
    // The wiring of electronMain.ts: the recycler reads what the renderer last reported
    // (mode:report-visit), and the renderer reports what the visit machine says.
    const clock = manualClock()
    const machine = new VisitMachine(clock, idleTimingFromSeconds(90, 15))
    let isBusy = true
    const apply = (input: VisitInput) => {
      for (const output of machine.handle(input)) {
        if (output.type === 'report-busy') isBusy = output.isBusy
      }
    }
    const { window, contents } = fakeWindow()
    const recycler = recycleRendererInAttract(
      window,
      recordingLogger(),
      () => !isBusy,
      policy,
      clock.nowMs,
    )
    const reloadsAfterRequest = () => {
      const before = contents.reload.mock.calls.length
      recycler.requestRecycle('test')
      recycler.checkNow()
      return contents.reload.mock.calls.length - before
    }
    apply({ type: 'start' })
    expect(restingScreens).toContain(machine.state.screen)
    expect(reloadsAfterRequest()).toBe(1)
    apply({ type: 'begin', language: 'zh-CN' })
    expect(reloadsAfterRequest()).toBe(0) // the menu, mid-visit
    apply({ type: 'staff-enter', screen: 'staff-pin' })
    expect(reloadsAfterRequest()).toBe(0) // staff at the PIN pad
    recycler.dispose()
  })
})

describe('recoverLostChildProcess (electron mocked)', () => {
  it('logs a lost GPU or utility process and asks for a recycle at the next attract screen', () => {
    let isAtRest = false
    const { window, contents } = fakeWindow()
    const logger = recordingLogger()
    const recycler = recycleRendererInAttract(
      window,
      logger,
      () => isAtRest,
      undefined,
      manualClock().nowMs,
    )
    recoverLostChildProcess(logger, recycler)

    electron.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 11 })
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'GPU process GPU gone (crashed, exit 11); recovering',
    })
    recycler.checkNow()
    expect(contents.reload).not.toHaveBeenCalled() // mid-visit: wait
    isAtRest = true
    recycler.checkNow()
    expect(contents.reload).toHaveBeenCalledTimes(1)

    electron.app.emit(
      'child-process-gone',
      {},
      {
        type: 'Utility',
        serviceName: 'audio.mojom.AudioService',
        name: 'Audio Service',
        reason: 'clean-exit',
        exitCode: 0,
      },
    )
    recycler.checkNow()
    expect(contents.reload).toHaveBeenCalledTimes(1)
    expect(logger.lines.at(-1)?.message).toBe('Utility process Audio Service exited cleanly')

    electron.app.emit(
      'child-process-gone',
      {},
      { type: 'Utility', name: 'Audio Service', reason: 'crashed', exitCode: 5 },
    )
    recycler.checkNow()
    expect(contents.reload).toHaveBeenCalledTimes(2)
    recycler.dispose()
  })
})
