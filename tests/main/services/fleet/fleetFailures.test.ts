import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { KioskServices } from '../../../../main/services/kioskServices'
import { readHeartbeatFiles } from '../../../../main/services/fleet/fleetFolder'
import { fleetStatusRows } from '../../../../src/fleet/fleetStatus'
import type { KioskHeartbeat } from '../../../../src/fleet/kioskHeartbeat'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'

vi.mock('electron')

const builtinPackDir = fileURLToPath(
  new URL('../../../../assets/packs/songyun.core', import.meta.url),
)
const visitor = { staffSessionToken: undefined }
const timing = { scanIntervalMs: 3_600_000, heartbeatIntervalMs: 3_600_000, settleMs: 1000 }

async function startKiosk(root: string, name: string, settings: Record<string, unknown>) {
  const dataDir = path.join(root, name)
  await mkdir(dataDir, { recursive: true })
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings))
  const logger = recordingLogger()
  const services = await KioskServices.start({
    dataDir,
    appVersion: '0.1.0',
    shell: 'browser',
    logger,
    clock: manualClock(Date.now()),
    builtinPackDir,
    removableMediaRoots: [path.join(root, 'media')],
    fleetTiming: timing,
  })
  return { services, logger, dataDir }
}

describe('a fleet folder that fails never stops the kiosk', () => {
  const makeDir = useTempDirs()

  it('warns once about a missing folder and keeps serving visitors', async () => {
    const root = await makeDir()
    const { services, logger } = await startKiosk(root, 'k', {
      fleetDir: path.join(root, 'not-mounted'),
      kioskId: 'hall-a',
    })
    try {
      await services.fleet!.beatNow()
      await services.fleet!.scanNow()
      const warnings = logger.lines.filter(
        (line) => line.level === 'warn' && /fleet folder/.test(line.message),
      )
      expect(warnings).toHaveLength(1)
      expect(warnings[0]!.message).toMatch(/not-mounted cannot be used .*mounted and writable/)
      const content = await services.handlers['content:get'](undefined, visitor)
      expect(content.exhibits.length).toBeGreaterThan(0)
    } finally {
      services.dispose()
    }
  })

  it.skipIf(process.getuid?.() === 0)('warns about a read-only folder', async () => {
    const root = await makeDir()
    const fleetDir = path.join(root, 'fleet')
    await mkdir(fleetDir)
    await chmod(fleetDir, 0o555)
    const { services, logger } = await startKiosk(root, 'k', { fleetDir, kioskId: 'hall-a' })
    try {
      await services.fleet!.beatNow()
      expect(logger.lines.some((l) => l.level === 'warn' && /cannot be used/.test(l.message))).toBe(
        true,
      )
    } finally {
      services.dispose()
      await chmod(fleetDir, 0o755)
    }
  })

  it('tells two kiosks given one id apart and says so in the log and the heartbeat', async () => {
    const root = await makeDir()
    const fleetDir = path.join(root, 'fleet')
    await mkdir(fleetDir)
    const first = await startKiosk(root, 'one', { fleetDir, kioskId: 'hall-a' })
    const second = await startKiosk(root, 'two', { fleetDir, kioskId: 'hall-a' })
    try {
      await first.services.fleet!.beatNow()
      await second.services.fleet!.beatNow()
      const status = JSON.parse(
        await readFile(path.join(fleetDir, 'kiosks', 'hall-a', 'status.json'), 'utf8'),
      ) as KioskHeartbeat
      expect(status.warnings.join()).toMatch(/another kiosk .* also uses the kiosk id "hall-a"/)
      expect(second.logger.lines.some((l) => /also uses the kiosk id/.test(l.message))).toBe(true)
      // The same kiosk beating again is not its own twin.
      await first.services.fleet!.beatNow()
      await first.services.fleet!.beatNow()
      expect(
        first.logger.lines.filter((l) => /also uses the kiosk id/.test(l.message)),
      ).toHaveLength(1)
    } finally {
      first.services.dispose()
      second.services.dispose()
    }
  })

  it('reads a corrupt heartbeat of another kiosk as an unreadable row, not an error', async () => {
    const root = await makeDir()
    const fleetDir = path.join(root, 'fleet')
    await mkdir(path.join(fleetDir, 'kiosks', 'hall-z'), { recursive: true })
    await writeFile(path.join(fleetDir, 'kiosks', 'hall-z', 'status.json'), '{"torn":')
    const { services, logger } = await startKiosk(root, 'k', { fleetDir, kioskId: 'hall-a' })
    try {
      await services.fleet!.beatNow()
      await services.fleet!.scanNow()
      expect(logger.lines.filter((l) => l.level !== 'info' && /^fleet:/.test(l.message))).toEqual(
        [],
      )
      const rows = fleetStatusRows(await readHeartbeatFiles(fleetDir), Date.now())
      expect(rows.map((r) => [r.folderName, r.isReadable])).toEqual([
        ['hall-a', true],
        ['hall-z', false],
      ])
    } finally {
      services.dispose()
    }
  })
})
