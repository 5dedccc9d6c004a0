import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { KioskServices } from '../../../../main/services/kioskServices'
import { analyticsCsvRow, spreadsheetSafeText } from '../../../../src/analytics/analyticsSummary'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'

vi.mock('electron')

const builtinPackDir = fileURLToPath(
  new URL('../../../../assets/packs/songyun.core', import.meta.url),
)
const visitor = { staffSessionToken: undefined }

describe('limits on what a page may record or log', () => {
  const makeDir = useTempDirs()

  it('refuses a 10 kB analytics string and a formula as an id; escapes newlines in renderer log lines', async () => {
    const root = await makeDir()
    const logger = recordingLogger()
    const services = await KioskServices.start({
      dataDir: path.join(root, 'data'),
      appVersion: '0.1.0',
      shell: 'browser',
      logger,
      clock: manualClock(),
      builtinPackDir,
    })
    try {
      const huge = await services.dispatch(
        'analytics:record',
        { type: 'exhibit-enter', exhibitId: 'x'.repeat(10_000) },
        visitor,
      )
      expect(huge).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      const hugeLanguage = await services.dispatch(
        'analytics:record',
        { type: 'visit-start', language: `en-${'a'.repeat(10_000)}` },
        visitor,
      )
      expect(hugeLanguage.ok).toBe(false)
      const formula = await services.dispatch(
        'analytics:record',
        { type: 'exhibit-enter', exhibitId: '=cmd|" /C calc"!A0' },
        visitor,
      )
      expect(formula.ok).toBe(false)
      const fine = await services.dispatch(
        'analytics:record',
        { type: 'exhibit-enter', exhibitId: 'woodblock-printing' },
        visitor,
      )
      expect(fine.ok).toBe(true)

      await services.dispatch(
        'app:log',
        { level: 'warn', message: 'lost\n2026-11-28 [error] forged' },
        visitor,
      )
      const line = logger.lines.find((entry) => entry.message.startsWith('renderer: lost'))
      expect(line?.message).toBe('renderer: lost\\n2026-11-28 [error] forged')
    } finally {
      services.dispose()
    }
  })

  it('escapes cells that a spreadsheet would run as a formula in the CSV', () => {
    const row = analyticsCsvRow(
      {
        type: 'exhibit-enter',
        exhibitId: '=cmd|" /C calc"!A0',
        at: '2026-11-28T03:00:00.000Z',
      } as never,
      'UTC',
    )
    expect(row.exhibitId).toBe(`'=cmd|" /C calc"!A0`)
    expect(['+1', '-1', '@SUM(A1)', 'plain'].map(spreadsheetSafeText)).toEqual([
      "'+1",
      "'-1",
      "'@SUM(A1)",
      'plain',
    ])
  })
})
