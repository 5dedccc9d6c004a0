import { describe, expect, it } from 'vitest'
import {
  heartbeatPrinterState,
  initialPrinterStatus,
  nextPrinterStatus,
  type PrinterEvent,
  type PrinterStatus,
} from '../../../src/keepsake/printerState'

const run = (events: PrinterEvent[], from: PrinterStatus = initialPrinterStatus) =>
  events.reduce(nextPrinterStatus, from)
const failed = (reason: 'missing' | 'offline' | 'out-of-paper' | 'failed'): PrinterEvent => ({
  kind: 'job-failed',
  reason,
  message: `lp: ${reason}`,
  atMs: 5,
})

describe('the printer-state machine', () => {
  it('is not configured until a printer is chosen, then ready, printing, ready', () => {
    expect(initialPrinterStatus.state).toBe('not-configured')
    expect(run([{ kind: 'job-started' }]).state).toBe('not-configured')
    const ready = run([{ kind: 'configured', printerName: 'desk' }])
    expect(ready).toEqual({ state: 'ready', printerName: 'desk' })
    expect(run([{ kind: 'job-started' }], ready)).toEqual({
      state: 'printing',
      printerName: 'desk',
    })
    expect(run([{ kind: 'job-started' }, { kind: 'job-printed' }], ready).state).toBe('ready')
  })

  it('names each failure’s reason, keeps the last error after recovery, and clears on unconfigure', () => {
    const ready = run([{ kind: 'configured', printerName: 'desk' }])
    for (const reason of ['missing', 'offline', 'out-of-paper', 'failed'] as const) {
      const broken = run([{ kind: 'job-started' }, failed(reason)], ready)
      expect(broken).toMatchObject({ state: 'error', reason, printerName: 'desk' })
      expect(broken.lastError).toBe(`lp: ${reason}`)
      expect(broken.lastErrorReason).toBe(reason)
    }
    const recovered = run(
      [
        { kind: 'job-started' },
        failed('offline'),
        { kind: 'job-started' },
        { kind: 'job-printed' },
      ],
      ready,
    )
    expect(recovered).toEqual({
      state: 'ready',
      printerName: 'desk',
      lastError: 'lp: offline',
      lastErrorAtMs: 5,
      lastErrorReason: 'offline',
    })
    expect(recovered.reason).toBeUndefined()
    expect(run([{ kind: 'configured', printerName: undefined }], recovered).state).toBe(
      'not-configured',
    )
  })

  it('reports the heartbeat’s four states', () => {
    const ready = run([{ kind: 'configured', printerName: 'desk' }])
    expect(heartbeatPrinterState(initialPrinterStatus)).toBe('not-configured')
    expect(heartbeatPrinterState(run([{ kind: 'job-started' }], ready))).toBe('ready')
    expect(heartbeatPrinterState(run([failed('offline')], ready))).toBe('offline')
    expect(heartbeatPrinterState(run([failed('out-of-paper')], ready))).toBe('error')
  })
})
