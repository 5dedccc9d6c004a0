import { describe, expect, it } from 'vitest'
import type { ModeState } from '../../../src/contract/areas/mode'
import { adminStatusLineOf, type AdminStatusSources } from '../../../src/staff/adminStatusLine'

// Wednesday 2026-12-02 18:30 in Shanghai (10:30 UTC).
const wednesdayEveningMs = Date.UTC(2026, 11, 2, 10, 30)
const openMode: ModeState = {
  mode: 'open',
  configuredMode: 'open',
  singleExhibit: undefined,
  isClosedByHours: false,
  volume: 0.8,
  nextScheduleChangeAtMs: undefined,
  timeZone: 'Asia/Shanghai',
}

function sources(overrides: Partial<AdminStatusSources> = {}): AdminStatusSources {
  return {
    mode: openMode,
    openingHours: undefined,
    nowMs: wednesdayEveningMs,
    packs: [
      { id: 'songyun-core', version: '1.2.0' },
      { id: 'hangzhou-venue', version: '2026.11.3' },
    ],
    uptimeMs: undefined,
    logLines: [],
    ...overrides,
  }
}

describe('the admin status line', () => {
  it('says open for every exhibit, and lists each pack with its version', () => {
    const line = adminStatusLineOf(sources())
    expect(line.availability).toEqual({ isOpen: true, reason: 'all-exhibits' })
    expect(line.packs).toEqual(['songyun-core 1.2.0', 'hangzhou-venue 2026.11.3'])
  })

  it('names the one exhibit in single-exhibit mode', () => {
    const line = adminStatusLineOf(
      sources({
        mode: {
          ...openMode,
          configuredMode: 'single-exhibit',
          mode: 'single-exhibit',
          singleExhibit: 'woodblockPrinting',
        },
      }),
    )
    expect(line.availability).toEqual({
      isOpen: true,
      reason: 'single-exhibit',
      exhibitId: 'woodblockPrinting',
    })
  })

  it("says closed outside the opening hours, with today's hours in the kiosk's zone", () => {
    const line = adminStatusLineOf(
      sources({
        mode: { ...openMode, mode: 'closed', isClosedByHours: true },
        openingHours: {
          wed: [
            { from: '09:00', to: '12:00' },
            { from: '13:00', to: '17:00' },
          ],
          thu: [{ from: '10:00', to: '16:00' }],
        },
      }),
    )
    expect(line.availability).toEqual({
      isOpen: false,
      reason: 'outside-hours',
      todaysHours: ['09:00–12:00', '13:00–17:00'],
    })
    // The same instant is still Wednesday morning in New York: the zone decides the day.
    const newYork = adminStatusLineOf(
      sources({
        mode: { ...openMode, mode: 'closed', isClosedByHours: true, timeZone: 'America/New_York' },
        openingHours: {
          tue: [{ from: '08:00', to: '09:00' }],
          wed: [{ from: '09:00', to: '17:00' }],
        },
        nowMs: Date.UTC(2026, 11, 2, 3, 0),
      }),
    )
    expect(newYork.availability).toMatchObject({ todaysHours: ['08:00–09:00'] })
  })

  it('puts staff closing the kiosk before the hours', () => {
    const line = adminStatusLineOf(
      sources({
        mode: { ...openMode, mode: 'closed', configuredMode: 'closed', isClosedByHours: true },
      }),
    )
    expect(line.availability).toEqual({ isOpen: false, reason: 'closed-by-staff' })
  })

  it('splits the uptime and finds the last error line of the log', () => {
    const line = adminStatusLineOf(
      sources({
        uptimeMs: ((2 * 24 + 3) * 60 + 7) * 60_000 + 59_000,
        logLines: [
          '2026-12-02T09:00:00.000Z ERROR packs: an old failure',
          '2026-12-02T10:00:00.000Z ERROR packs: /media/stick/bad.songyun-pack: signature does not match',
          '2026-12-02T10:05:00.000Z WARN staff: 5 wrong PINs',
          '2026-12-02T10:06:00.000Z INFO mode: open',
        ],
      }),
    )
    expect(line.uptime).toEqual({ days: 2, hours: 3, minutes: 7 })
    expect(line.lastError).toEqual({
      atMs: Date.UTC(2026, 11, 2, 10, 0),
      message: 'packs: /media/stick/bad.songyun-pack: signature does not match',
    })
    expect(adminStatusLineOf(sources()).lastError).toBeUndefined()
    expect(adminStatusLineOf(sources()).uptime).toBeUndefined()
  })

  it('shows the printer only when diagnostics report one', () => {
    expect(adminStatusLineOf(sources()).printer).toBeUndefined()
    const printer = { state: 'error', reason: 'out-of-paper', printerName: 'Desk_Printer' }
    expect(adminStatusLineOf(sources({ printer })).printer).toEqual(printer)
  })
})
