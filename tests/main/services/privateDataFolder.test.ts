import { chmod, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { KioskServices } from '../../../main/services/kioskServices'
import { manualClock, recordingLogger, useTempDirs } from '../support/tempDataDir'

vi.mock('electron')

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))
const modeOf = async (file: string) => (await stat(file)).mode & 0o777

describe.skipIf(process.platform === 'win32')(
  'the data folder is private to the kiosk user',
  () => {
    const makeDir = useTempDirs()

    it('is 0700, tightened if it was open, with the PIN hash, settings and analytics files 0600', async () => {
      const dataDir = path.join(await makeDir(), 'data')
      await mkdir(dataDir)
      await chmod(dataDir, 0o755)
      const services = await KioskServices.start({
        dataDir,
        appVersion: '0.1.0',
        shell: 'browser',
        logger: recordingLogger(),
        clock: manualClock(),
        builtinPackDir,
      })
      try {
        await services.staff.createPin('246813')
        await services.settings.update({ volume: 0.5 })
        await services.analytics.record({ type: 'visit-start', language: 'en' })
        expect(await modeOf(dataDir)).toBe(0o700)
        expect(await modeOf(path.join(dataDir, 'staff-access.json'))).toBe(0o600)
        expect(await modeOf(path.join(dataDir, 'settings.json'))).toBe(0o600)
        expect(await modeOf(path.join(dataDir, 'analytics'))).toBe(0o700)
        const dayFile = (await import('node:fs/promises')).readdir(path.join(dataDir, 'analytics'))
        expect(await modeOf(path.join(dataDir, 'analytics', (await dayFile)[0]!))).toBe(0o600)
      } finally {
        services.dispose()
      }
    })
  },
)
