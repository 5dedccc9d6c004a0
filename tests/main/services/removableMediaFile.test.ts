import { lstat, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { KioskServices } from '../../../main/services/kioskServices'
import { writeFileOntoRemovableMedia } from '../../../main/services/removableMediaFile'
import { manualClock, recordingLogger, useTempDirs } from '../support/tempDataDir'

vi.mock('electron')

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))
const staff = { staffSessionToken: undefined }

describe('files written onto a USB stick', () => {
  const makeDir = useTempDirs()

  it('refuses a symlinked export target on a fake stick and leaves the linked file unchanged', async () => {
    const root = await makeDir()
    const stick = path.join(root, 'media', 'HOSTILE')
    await mkdir(stick, { recursive: true })
    const victim = path.join(root, 'victim.json')
    await writeFile(victim, '{"precious":true}\n')
    await symlink(victim, path.join(stick, 'songyun-analytics-2026-11-01-2026-11-30.csv'))
    const services = await KioskServices.start({
      dataDir: path.join(root, 'data'),
      appVersion: '0.1.0',
      shell: 'browser',
      logger: recordingLogger(),
      clock: manualClock(),
      builtinPackDir,
      removableMediaRoots: [path.join(root, 'media')],
    })
    try {
      await expect(
        services.handlers['analytics:export'](
          { fromDay: '2026-11-01', toDay: '2026-11-30', volumePath: stick },
          staff,
        ),
      ).rejects.toThrow('is not a plain file')
    } finally {
      services.dispose()
    }
    expect(await readFile(victim, 'utf8')).toBe('{"precious":true}\n')
    expect(
      (
        await lstat(path.join(stick, 'songyun-analytics-2026-11-01-2026-11-30.csv'))
      ).isSymbolicLink(),
    ).toBe(true)
    // No temp file is left on the stick.
    expect(await readdir(stick)).toEqual(['songyun-analytics-2026-11-01-2026-11-30.csv'])
  })

  it('replaces an earlier regular export and refuses a folder of the same name', async () => {
    const stick = await makeDir()
    const target = path.join(stick, 'export.csv')
    await writeFile(target, 'old')
    await writeFileOntoRemovableMedia(target, 'new')
    expect(await readFile(target, 'utf8')).toBe('new')
    await mkdir(path.join(stick, 'folder.csv'))
    await expect(writeFileOntoRemovableMedia(path.join(stick, 'folder.csv'), 'x')).rejects.toThrow(
      'not a plain file',
    )
  })
})
