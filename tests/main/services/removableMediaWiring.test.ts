import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import type { CommandRunner } from '../../../main/services/commandRunner'
import { KioskServices } from '../../../main/services/kioskServices'
import { manualClock, recordingLogger, useTempDirs } from '../support/tempDataDir'

vi.mock('electron')

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))
const staff = { staffSessionToken: undefined }

describe('USB sticks on a Windows kiosk, through the services', () => {
  const makeDir = useTempDirs()

  it('offers the removable drives for the analytics export and looks for packs on them', async () => {
    const root = await makeDir()
    let listings = 0
    const runCommand: CommandRunner = async () => {
      listings++
      return '{"DeviceID":"E:","VolumeName":"展台 USB","Size":8004304896}'
    }
    const services = await KioskServices.start({
      dataDir: path.join(root, 'data'),
      appVersion: '0.1.0',
      shell: 'browser',
      logger: recordingLogger(),
      clock: manualClock(),
      builtinPackDir,
      removableMediaSystem: { platform: 'win32', runCommand },
    })
    try {
      expect(await services.handlers['analytics:export-targets'](undefined, staff)).toEqual([
        { path: 'E:\\', label: '展台 USB' },
      ])
      expect(listings).toBe(1)
      // E:\ does not exist here, so no pack is found, but the same listing was asked.
      await services.handlers['packs:sources'](undefined, staff)
      expect(listings).toBe(2)
      await expect(
        services.handlers['analytics:export'](
          { fromDay: '2026-11-01', toDay: '2026-11-30', volumePath: 'D:\\' },
          staff,
        ),
      ).rejects.toThrow('"D:\\" is not a mounted USB stick')
    } finally {
      services.dispose()
    }
  })
})
