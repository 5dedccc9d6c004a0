import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import type { EventMap } from '../../../src/contract/contract'
import { KioskServices } from '../../../main/services/kioskServices'
import { buildPackArchive } from '../../../main/services/packs/packBuilder'
import { PackStore } from '../../../main/services/packs/packStore'
import type { BuiltinPackLocation } from '../../../main/services/packs/builtinPack'
import { manualClock, recordingLogger, useTempDirs } from '../support/tempDataDir'
import {
  defaultPackFiles,
  manifestFor,
  packEntries,
  testKeyPair,
  writePackFolder,
  writeYazlPack,
} from './support/packFixtures'

vi.mock('electron')

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))
const venueKey = testKeyPair()
const appKey = testKeyPair()
const noStaff = { staffSessionToken: undefined }

describe('KioskServices and the pack store', () => {
  const makeDir = useTempDirs()

  async function startServices(root: string, builtinPack?: BuiltinPackLocation) {
    return KioskServices.start({
      dataDir: path.join(root, 'data'),
      appVersion: '0.1.0',
      shell: 'browser',
      logger: recordingLogger(),
      clock: manualClock(),
      builtinPackDir,
      builtinPack,
      removableMediaRoots: [path.join(root, 'media')],
    })
  }

  /** A built-in pack archive signed with the app's own key, as `npm run build` makes it. */
  async function shippedBuiltin(root: string, version: string): Promise<BuiltinPackLocation> {
    const files = defaultPackFiles(`builtin-${version}`)
    const source = await writePackFolder(
      path.join(root, `builtin-src-${version}`),
      packEntries(manifestFor(files, { id: 'songyun.core', version }), files),
    )
    const archivePath = path.join(root, 'out', `songyun.core-${version}.songpack`)
    await mkdir(path.dirname(archivePath), { recursive: true })
    await buildPackArchive(source, archivePath, {
      appVersion: '0.1.0',
      privateKey: appKey.privateKey,
    })
    const publicKeyPath = path.join(root, 'out', 'builtin-pack.pub')
    await writeFile(publicKeyPath, appKey.publicKeyPem)
    return { archivePath, publicKeyPath, sourceDir: source }
  }

  it('installs the built-in pack from its sources into an empty data folder', async () => {
    const services = await startServices(await makeDir())
    const content = await services.content.getContent()
    expect(content.packs.map((p) => p.id)).toEqual(['songyun.core'])
    expect(content.exhibits.length).toBeGreaterThan(0)
    const listing = await services.handlers['packs:list'](undefined, noStaff)
    expect(listing.packs[0]!.versions[0]).toMatchObject({ isBuiltin: true, isActive: true })
    services.dispose()
  })

  it('installs the signed built-in archive trusting the app key only for it, once, and again when newer', async () => {
    const root = await makeDir()
    const first = await startServices(root, await shippedBuiltin(root, '1.0.0'))
    const listed = (await first.packs.list()).packs[0]!
    expect(listed).toMatchObject({ id: 'songyun.core', activeVersion: '1.0.0' })
    expect(listed.versions[0]).toMatchObject({ isBuiltin: true, isSigned: true })
    const installedAtMs = listed.versions[0]!.installedAtMs
    first.dispose()

    const again = await startServices(root, await shippedBuiltin(root, '1.0.0'))
    expect((await again.packs.list()).packs[0]!.versions[0]!.installedAtMs).toBe(installedAtMs)
    again.dispose()

    const upgraded = await startServices(root, await shippedBuiltin(root, '1.1.0'))
    expect((await upgraded.packs.list()).packs[0]).toMatchObject({
      activeVersion: '1.1.0',
      rollbackVersion: '1.0.0',
    })
    // Rolled back by staff: the same built-in version is not forced back at the next start.
    await upgraded.handlers['packs:rollback']({ packId: 'songyun.core' }, noStaff)
    upgraded.dispose()
    const afterRollback = await startServices(root, await shippedBuiltin(root, '1.1.0'))
    expect((await afterRollback.packs.list()).packs[0]!.activeVersion).toBe('1.0.0')
    afterRollback.dispose()
  })

  it('packs:install reports progress, reloads content and announces packs:changed', async () => {
    const root = await makeDir()
    const services = await startServices(root)
    await mkdir(path.join(root, 'data', 'trusted-keys'), { recursive: true })
    await writeFile(path.join(root, 'data', 'trusted-keys', 'venue.pub'), venueKey.publicKeyPem)
    const files = defaultPackFiles('season')
    const archive = await writeYazlPack(
      path.join(root, 'media', 'USB', 'season.songpack'),
      packEntries(
        manifestFor(files, { id: 'season.pack', version: '3.0.0' }),
        files,
        venueKey.privateKey,
      ),
    )
    const progress: EventMap['packs:progress'][] = []
    const changed: EventMap['packs:changed'][] = []
    services.events.on('packs:progress', (event) => progress.push(event))
    services.events.on('packs:changed', (event) => changed.push(event))

    const result = await services.handlers['packs:install'](
      { path: archive, installId: 'admin-1' },
      noStaff,
    )

    expect(result).toMatchObject({
      installId: 'admin-1',
      packId: 'season.pack',
      version: '3.0.0',
      isSigned: true,
    })
    expect(progress.every((p) => p.installId === 'admin-1')).toBe(true)
    expect(progress.map((p) => p.phase).filter((p, i, all) => all.indexOf(p) === i)).toEqual([
      'reading',
      'verifying',
      'activating',
      'done',
    ])
    const total = Object.values(files).reduce((sum, bytes) => sum + bytes.length, 0)
    expect(progress.at(-1)).toMatchObject({ bytesDone: total, bytesTotal: total })
    expect(changed.at(-1)!.packs.map((p) => p.id)).toEqual(['songyun.core', 'season.pack'])
    const content = await services.handlers['content:get'](undefined, noStaff)
    expect(content.exhibits.map((e) => e.packId)).toContain('season.pack')
    services.dispose()
  })

  it('follows an install made by a songyun pack command beside the running kiosk', async () => {
    const root = await makeDir()
    const services = await startServices(root)
    const changed: EventMap['packs:changed'][] = []
    services.events.on('packs:changed', (event) => changed.push(event))
    const files = defaultPackFiles('beside')
    const archive = await writeYazlPack(
      path.join(root, 'beside.songpack'),
      packEntries(manifestFor(files, { id: 'beside.pack' }), files),
    )
    // Another store on the same data folder stands for the CLI process.
    const cliStore = new PackStore({
      dataDir: path.join(root, 'data'),
      appVersion: '0.1.0',
      clock: manualClock(),
      logger: recordingLogger(),
    })
    await cliStore.install(archive, { requireSigned: false })
    await vi.waitFor(
      () => expect(changed.at(-1)?.packs.map((p) => p.id)).toContain('beside.pack'),
      { timeout: 8000, interval: 200 },
    )
    expect((await services.content.getContent()).packs.map((p) => p.id)).toEqual([
      'songyun.core',
      'beside.pack',
    ])
    services.dispose()
  })

  it('a rejected packs:install lists every problem, ends with "failed" and announces nothing', async () => {
    const root = await makeDir()
    const services = await startServices(root)
    const files = defaultPackFiles('unsigned')
    const archive = await writeYazlPack(
      path.join(root, 'unsigned.songpack'),
      packEntries(manifestFor(files, { id: 'season.pack', image: 'images/missing.png' }), files),
    )
    const phases: string[] = []
    const changed: unknown[] = []
    services.events.on('packs:progress', (event) => phases.push(event.phase))
    services.events.on('packs:changed', (event) => changed.push(event))
    await expect(
      services.handlers['packs:install']({ path: archive }, noStaff),
    ).rejects.toMatchObject({
      code: 'rejected',
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'manifest.sig' }),
        expect.objectContaining({ path: 'manifest.json#/exhibits/0/image' }),
      ]),
    })
    expect(phases.at(-1)).toBe('failed')
    expect(changed).toEqual([])
    services.dispose()
  })

  it('packs:sources finds archives and pack folders on removable media and in the inbox', async () => {
    const root = await makeDir()
    const services = await startServices(root)
    await mkdir(path.join(root, 'data', 'inbox'), { recursive: true })
    await writeFile(path.join(root, 'data', 'inbox', 'spring.songpack'), 'x')
    await mkdir(path.join(root, 'media', 'USB STICK', 'packs'), { recursive: true })
    await writeFile(path.join(root, 'media', 'USB STICK', 'autumn.zip'), 'x')
    await writeFile(path.join(root, 'media', 'USB STICK', 'photo.jpg'), 'x')
    await writePackFolder(path.join(root, 'media', 'USB STICK', 'packs', 'winter'), [
      { name: 'manifest.json', data: Buffer.from('{}') },
    ])
    const { sources } = await services.handlers['packs:sources'](undefined, noStaff)
    expect(sources.map((s) => [s.fileName, s.location, s.isFolder]).sort()).toEqual([
      ['autumn.zip', 'removable', false],
      ['spring.songpack', 'inbox', false],
      ['winter', 'removable', true],
    ])
    services.dispose()
  })

  it('every packs channel needs a staff session', async () => {
    const services = await startServices(await makeDir())
    for (const channel of ['packs:list', 'packs:sources'] as const) {
      expect(await services.dispatch(channel, undefined, noStaff)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
    }
    expect(
      await services.dispatch('packs:install', { path: '/tmp/x.songpack' }, noStaff),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(
      await services.dispatch('packs:rollback', { packId: 'songyun.core' }, noStaff),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    services.dispose()
  })
})
