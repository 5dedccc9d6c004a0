import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ContentService } from '../../../main/services/contentService'
import { silentLogger } from '../../../main/services/logger'
import { PackStore } from '../../../main/services/packs/packStore'
import { defaultPackLimits } from '../../../main/services/packs/packLimits'
import { manualClock, recordingLogger, useTempDirs } from '../support/tempDataDir'
import {
  defaultPackFiles,
  manifestFor,
  packEntries,
  testKeyPair,
  writeYazlPack,
} from './support/packFixtures'

vi.mock('electron')

const key = testKeyPair()

describe('PackStore', () => {
  const makeDir = useTempDirs()

  async function setUp(keepPreviousVersions?: number) {
    const root = await makeDir()
    const dataDir = path.join(root, 'data')
    await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true })
    await writeFile(path.join(dataDir, 'trusted-keys', 'venue.pub'), key.publicKeyPem)
    const clock = manualClock()
    const store = new PackStore({
      dataDir,
      appVersion: '0.1.0',
      clock,
      logger: silentLogger,
      keepPreviousVersions,
    })
    const archive = (id: string, version: string) => {
      const files = defaultPackFiles(`${id}-${version}`)
      return writeYazlPack(
        path.join(root, `${id}-${version}.songpack`),
        packEntries(manifestFor(files, { id, version }), files, key.privateKey),
      )
    }
    const install = async (id: string, version: string) => {
      clock.advance(1000)
      return store.install(await archive(id, version), { requireSigned: true })
    }
    const versionFolders = async (id: string) =>
      (await readdir(path.join(dataDir, 'packs', 'versions', id)))
        .map((f) => f.split('~')[0])
        .sort()
    return { root, dataDir, store, install, versionFolders }
  }

  it('keeps the previous versions (2 by default) and removes older ones from disk', async () => {
    const { store, install, versionFolders } = await setUp()
    for (const version of ['1.0.0', '1.1.0', '1.2.0', '1.3.0']) await install('a.pack', version)
    const [pack] = (await store.list()).packs
    expect(pack!.versions.map((v) => [v.version, v.isActive])).toEqual([
      ['1.3.0', true],
      ['1.2.0', false],
      ['1.1.0', false],
    ])
    expect(pack!.rollbackVersion).toBe('1.2.0')
    expect(await versionFolders('a.pack')).toEqual(['1.1.0', '1.2.0', '1.3.0'])
  })

  it('skips one active pack whose folder is gone, with a warning, and lists the others', async () => {
    const { dataDir, install } = await setUp()
    await install('a.pack', '1.0.0')
    await install('b.pack', '1.0.0')
    await rm(path.join(dataDir, 'packs', 'versions', 'a.pack'), { recursive: true })
    const logger = recordingLogger()
    const store = new PackStore({ dataDir, appVersion: '0.1.0', clock: manualClock(), logger })
    const active = await store.listActivePacks()
    expect(active.map((pack) => pack.manifest.id)).toEqual(['b.pack'])
    expect(logger.lines).toEqual([
      { level: 'warn', message: expect.stringContaining('packs: a.pack 1.0.0 is skipped') },
    ])
  })

  it('refuses an older version unless the downgrade is allowed, before extracting anything', async () => {
    const { root, store, install } = await setUp()
    await install('a.pack', '1.2.0')
    const files = defaultPackFiles('old')
    const older = await writeYazlPack(
      path.join(root, 'a.pack-1.1.0.songpack'),
      packEntries(manifestFor(files, { id: 'a.pack', version: '1.1.0' }), files, key.privateKey),
    )
    await expect(store.install(older, { requireSigned: true })).rejects.toMatchObject({
      problems: [{ path: 'manifest.json', message: expect.stringContaining('--allow-downgrade') }],
    })
    expect((await store.list()).packs[0]!.activeVersion).toBe('1.2.0')
    await store.install(older, { requireSigned: true, allowDowngrade: true })
    expect((await store.list()).packs[0]!.activeVersion).toBe('1.1.0')
  })

  it('a key bound to id prefixes in trusted-keys/<name>.ids may sign only those ids', async () => {
    const { dataDir, store, install } = await setUp()
    await writeFile(
      path.join(dataDir, 'trusted-keys', 'venue.ids'),
      '# this venue signs its own packs\nmuseum.\n',
    )
    await expect(install('songyun.core', '9.0.0')).rejects.toMatchObject({
      problems: [
        {
          path: 'manifest.sig',
          message: expect.stringContaining('may sign only ids starting with "museum."'),
        },
      ],
    })
    await install('museum.tea', '1.0.0')
    expect((await store.list()).packs.map((pack) => pack.id)).toEqual(['museum.tea'])
  })

  it('honours another number of kept versions', async () => {
    const { install, versionFolders } = await setUp(1)
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) await install('a.pack', version)
    expect(await versionFolders('a.pack')).toEqual(['1.1.0', '1.2.0'])
  })

  it('rolls back one step at a time, discarding the version replaced, until none is left', async () => {
    const { store, install, versionFolders } = await setUp()
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) await install('a.pack', version)
    expect(await store.rollback('a.pack')).toEqual({
      packId: 'a.pack',
      version: '1.1.0',
      replacedVersion: '1.2.0',
    })
    expect((await store.listActivePacks())[0]!.manifest.version).toBe('1.1.0')
    expect(await versionFolders('a.pack')).toEqual(['1.0.0', '1.1.0'])
    await store.rollback('a.pack')
    expect((await store.list()).packs[0]!.activeVersion).toBe('1.0.0')
    await expect(store.rollback('a.pack')).rejects.toMatchObject({ code: 'rejected' })
    await expect(store.rollback('no.such')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('does not roll back to a previous version that was damaged on disk', async () => {
    const { store, install, dataDir } = await setUp()
    await install('a.pack', '1.0.0')
    await install('a.pack', '1.1.0')
    const state = await store.readState()
    const old = state.packs[0]!.previous[0]!
    await writeFile(
      path.join(dataDir, 'packs', 'versions', 'a.pack', old.folder, 'images', 'bowl.png'),
      'damaged',
    )
    await expect(store.rollback('a.pack')).rejects.toMatchObject({
      code: 'rejected',
      problems: [expect.objectContaining({ path: expect.stringContaining('bowl.png') })],
    })
    expect((await store.list()).packs[0]!.activeVersion).toBe('1.1.0')
  })

  it('reinstalling the active version keeps one entry per version', async () => {
    const { store, install } = await setUp()
    await install('a.pack', '1.0.0')
    await install('a.pack', '1.1.0')
    await install('a.pack', '1.1.0')
    expect((await store.list()).packs[0]!.versions.map((v) => v.version)).toEqual([
      '1.1.0',
      '1.0.0',
    ])
  })

  it('keeps several packs side by side, each with its own active version, all shown', async () => {
    const { store, install } = await setUp()
    await install('core.pack', '1.0.0')
    await install('season.pack', '2.0.0')
    await install('core.pack', '1.1.0')
    const content = await new ContentService(store).getContent()
    expect(content.packs.map((p) => `${p.id} ${p.version}`)).toEqual([
      'core.pack 1.1.0',
      'season.pack 2.0.0',
    ])
    expect(content.exhibits.map((e) => e.packId)).toEqual(['core.pack', 'season.pack'])
    const media = await new ContentService(store).resolveMediaFile('season.pack', 'images/bowl.png')
    expect(await readFile(media!, 'utf8')).toContain('season.pack-2.0.0')
  })

  it('cleans what a killed install left: staging, unreferenced versions, a temp state file', async () => {
    const { store, install, dataDir } = await setUp()
    await install('a.pack', '1.0.0')
    const packsDir = path.join(dataDir, 'packs')
    const active = (await store.readState()).packs[0]!.active
    await mkdir(path.join(packsDir, 'staging', 'killed-1234', 'images'), { recursive: true })
    await writeFile(path.join(packsDir, 'staging', 'killed-1234', 'images', 'half.png'), 'half')
    await mkdir(path.join(packsDir, 'versions', 'a.pack', '2.0.0~deadbeef'), { recursive: true })
    await mkdir(path.join(packsDir, 'versions', 'ghost.pack', '1.0.0~deadbeef'), {
      recursive: true,
    })
    await writeFile(path.join(packsDir, 'state.json.tmp'), '{"half": ')
    await store.cleanLeftovers()
    expect(existsSync(path.join(packsDir, 'staging'))).toBe(false)
    expect(existsSync(path.join(packsDir, 'state.json.tmp'))).toBe(false)
    expect(await readdir(path.join(packsDir, 'versions'))).toEqual(['a.pack'])
    expect(await readdir(path.join(packsDir, 'versions', 'a.pack'))).toEqual([active.folder])
    expect((await store.verify()).problems).toEqual([])
  })

  it('takes over the lock of a process that is gone, and refuses while a live one holds it', async () => {
    const { store, install, dataDir } = await setUp()
    const lockFile = path.join(dataDir, 'packs', 'lock')
    await mkdir(path.dirname(lockFile), { recursive: true })
    await writeFile(lockFile, '2147483646') // no such process
    await install('a.pack', '1.0.0')
    expect(existsSync(lockFile)).toBe(false)
    await writeFile(lockFile, String(process.ppid)) // alive: the test runner's parent
    await expect(store.rollback('a.pack')).rejects.toMatchObject({ code: 'conflict' })
    await expect(install('a.pack', '1.1.0')).rejects.toMatchObject({ code: 'conflict' })
    expect((await store.list()).packs[0]!.activeVersion).toBe('1.0.0')
  })

  it('verify names a damaged or missing file of an active pack', async () => {
    const { store, install, dataDir } = await setUp()
    await install('a.pack', '1.0.0')
    const active = (await store.readState()).packs[0]!.active
    const folder = path.join(dataDir, 'packs', 'versions', 'a.pack', active.folder)
    expect(await store.verify()).toEqual({
      packs: [{ id: 'a.pack', version: '1.0.0', isIntact: true }],
      problems: [],
    })
    await writeFile(path.join(folder, 'images', 'bowl.png'), 'x')
    const report = await store.verify()
    expect(report.packs[0]!.isIntact).toBe(false)
    expect(report.problems).toEqual([
      expect.objectContaining({ path: path.join(folder, 'images', 'bowl.png') }),
    ])
  })

  it('refuses a pack that would not leave the safety margin of free disk, writing nothing', async () => {
    const { root, dataDir } = await setUp()
    const files = defaultPackFiles('disk')
    const archive = await writeYazlPack(
      path.join(root, 'disk.songpack'),
      packEntries(manifestFor(files), files, key.privateKey),
    )
    const store = new PackStore({
      dataDir,
      appVersion: '0.1.0',
      clock: manualClock(),
      logger: silentLogger,
      // A margin larger than any disk: no pack fits.
      limits: { ...defaultPackLimits, freeDiskMarginBytes: Number.MAX_SAFE_INTEGER },
    })
    await expect(store.install(archive, { requireSigned: true })).rejects.toMatchObject({
      code: 'rejected',
      problems: [
        expect.objectContaining({
          message: expect.stringContaining('are free beyond the safety margin'),
        }),
      ],
    })
    expect(existsSync(path.join(dataDir, 'packs', 'versions'))).toBe(false)
    expect((await store.list()).packs).toEqual([])
  })
})
