import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { KioskServices } from '../../../../main/services/kioskServices'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'
import {
  defaultPackFiles,
  manifestFor,
  packEntries,
  testKeyPair,
  writeYazlPack,
} from '../../packs/support/packFixtures'

vi.mock('electron')

const builtinPackDir = fileURLToPath(
  new URL('../../../../assets/packs/songyun.core', import.meta.url),
)
const venueKey = testKeyPair()
const visitor = { staffSessionToken: undefined }

describe('the inbox wired to the real pack store', () => {
  const makeDir = useTempDirs()

  it('installs a signed pack after a visit ends and rejects an unsigned one with its problems', async () => {
    const root = await makeDir()
    const dataDir = path.join(root, 'data')
    const clock = manualClock()
    const services = await KioskServices.start({
      dataDir,
      appVersion: '0.1.0',
      shell: 'browser',
      logger: recordingLogger(),
      clock,
      builtinPackDir,
      removableMediaRoots: [path.join(root, 'media')],
    })
    await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true })
    await writeFile(path.join(dataDir, 'trusted-keys', 'venue.pub'), venueKey.publicKeyPem)
    const files = defaultPackFiles('inbox')
    await writeYazlPack(
      path.join(dataDir, 'inbox', 'season.songpack'),
      packEntries(
        manifestFor(files, { id: 'season.pack', version: '2.0.0' }),
        files,
        venueKey.privateKey,
      ),
    )
    await writeYazlPack(
      path.join(dataDir, 'inbox', 'unsigned.songpack'),
      packEntries(manifestFor(files, { id: 'unsigned.pack', version: '1.0.0' }), files),
    )

    // A visitor is at the kiosk: the files settle, but nothing is installed.
    await services.handlers['mode:report-visit']({ isVisitInProgress: true }, visitor)
    await services.inbox.scanNow()
    clock.advance(5000)
    await services.inbox.scanNow()
    expect(services.inbox.phase).toBe('waiting-for-visit-end')
    expect((await services.packs.list()).packs.map((pack) => pack.id)).toEqual(['songyun.core'])

    await services.handlers['mode:report-visit']({ isVisitInProgress: false }, visitor)
    await services.inbox.scanNow()
    expect((await services.packs.list()).packs.map((pack) => pack.id)).toEqual([
      'songyun.core',
      'season.pack',
    ])
    const done = await readFile(
      path.join(dataDir, 'inbox', 'done', 'season.songpack.report.txt'),
      'utf8',
    )
    expect(done).toContain('installed: season.pack 2.0.0')
    const rejected = await readFile(
      path.join(dataDir, 'inbox', 'rejected', 'unsigned.songpack.report.txt'),
      'utf8',
    )
    expect(rejected).toMatch(/rejected: /)
    expect(rejected).toMatch(/problem: .*sig/i)
    expect((await readdir(path.join(dataDir, 'inbox'))).sort()).toEqual(['done', 'rejected'])
    services.dispose()
  })
})
