import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { KioskServices } from '../../../main/services/kioskServices'
import { writeJsonAtomically } from '../../../main/services/atomicFile'
import {
  firstScreenCachePath,
  firstScreenSourceFiles,
  firstScreenSourceKey,
  readFirstScreenCache,
  writeFirstScreenCache,
} from '../../../main/web/firstScreenDataCache'
import { answerFirstScreenChannels } from '../../../main/web/firstScreenPage'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))
const appVersion = '9.9.9'

// The cache lets `songyun serve` send the whole page at its first byte (docs/performance.md
// "Start-up"); it must never give a visitor an old pack's or mode's first screen.
describe('the first screen’s data cache', () => {
  const tempDir = useTempDirs()
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  async function startedFolder(): Promise<{ dataDir: string; services: KioskServices }> {
    const dataDir = path.join(await tempDir(), 'data')
    const services = await KioskServices.start({
      dataDir,
      appVersion,
      shell: 'browser',
      logger: recordingLogger(),
      builtinPackDir,
    })
    cleanups.push(() => services.dispose())
    return { dataDir, services }
  }

  /** What a successful start does: the key first, then the answers. */
  async function cacheAfterStart(dataDir: string, services: KioskServices) {
    const key = await firstScreenSourceKey(dataDir, appVersion)
    expect(
      await writeFirstScreenCache(dataDir, key, await answerFirstScreenChannels(services)),
    ).toBe(true)
  }

  it('names the very files the services read the settings and active packs from', async () => {
    const { dataDir, services } = await startedFolder()
    expect(firstScreenSourceFiles.map((name) => path.join(dataDir, name))).toEqual([
      services.settings.filePath,
      services.packs.stateFile,
    ])
  })

  it('gives back the answers a start wrote, while nothing has changed', async () => {
    const { dataDir, services } = await startedFolder()
    await cacheAfterStart(dataDir, services)
    const read = await readFirstScreenCache(dataDir, appVersion, Date.now())
    expect(read).toEqual({ data: await answerFirstScreenChannels(services) })
    const data = 'data' in read ? read.data : {}
    const exhibits = (data['content:get'] as { result: { exhibits: unknown[] } }).result.exhibits
    expect(exhibits.length).toBeGreaterThan(0)
  })

  it('is missing on a fresh data folder', async () => {
    const dataDir = path.join(await tempDir(), 'data')
    expect(await readFirstScreenCache(dataDir, appVersion, Date.now())).toEqual({ miss: 'missing' })
  })

  it('is invalid when the file is not JSON or not of the cache’s shape', async () => {
    const { dataDir, services } = await startedFolder()
    await cacheAfterStart(dataDir, services)
    const file = firstScreenCachePath(dataDir)
    const written = JSON.parse(await readFile(file, 'utf8')) as { data: Record<string, unknown> }

    await writeFile(file, '{"cacheFormat":1,')
    expect(await readFirstScreenCache(dataDir, appVersion, Date.now())).toEqual({ miss: 'invalid' })

    // An answer that was an error is never used.
    written.data['content:get'] = { ok: false, error: { code: 'internal', message: 'x' } }
    await writeFile(file, JSON.stringify(written))
    expect(await readFirstScreenCache(dataDir, appVersion, Date.now())).toEqual({ miss: 'invalid' })
  })

  it('is not written from a start whose answers were errors', async () => {
    const { dataDir } = await startedFolder()
    const key = await firstScreenSourceKey(dataDir, appVersion)
    const failed = { ok: false, error: { code: 'internal', message: 'could not start' } }
    expect(await writeFirstScreenCache(dataDir, key, { 'content:get': failed })).toBe(false)
    expect(await readFirstScreenCache(dataDir, appVersion, Date.now())).toEqual({ miss: 'missing' })
  })

  it('is stale after a mode change (the settings file rewritten)', async () => {
    const { dataDir, services } = await startedFolder()
    await cacheAfterStart(dataDir, services)
    await services.settings.update({ mode: 'closed' })
    expect(await readFirstScreenCache(dataDir, appVersion, Date.now())).toEqual({ miss: 'stale' })
    // The next start's cache holds the new mode.
    await cacheAfterStart(dataDir, services)
    const read = await readFirstScreenCache(dataDir, appVersion, Date.now())
    expect('data' in read && read.data['mode:get']).toMatchObject({
      result: { configuredMode: 'closed' },
    })
  })

  it('is stale after a pack install or rollback (the pack store’s state replaced)', async () => {
    const { dataDir, services } = await startedFolder()
    await cacheAfterStart(dataDir, services)
    // What install and rollback do: state.json replaced whole by an atomic rename.
    const state: unknown = JSON.parse(await readFile(services.packs.stateFile, 'utf8'))
    await writeJsonAtomically(services.packs.stateFile, state)
    expect(await readFirstScreenCache(dataDir, appVersion, Date.now())).toEqual({ miss: 'stale' })
  })

  it('is stale for another app version and once the opening hours change', async () => {
    const { dataDir, services } = await startedFolder()
    const everyDay = { from: '09:00', to: '17:00' }
    await services.settings.update({
      openingHours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [everyDay]]),
      ),
    })
    await cacheAfterStart(dataDir, services)
    expect(await readFirstScreenCache(dataDir, '9.9.10', Date.now())).toEqual({ miss: 'stale' })
    const cached = JSON.parse(await readFile(firstScreenCachePath(dataDir), 'utf8')) as {
      validUntilMs: number | null
    }
    const { nextScheduleChangeAtMs } = services.mode.state()
    expect(cached.validUntilMs).toBe(nextScheduleChangeAtMs ?? null)
    expect(nextScheduleChangeAtMs).toBeDefined()
    expect(await readFirstScreenCache(dataDir, appVersion, nextScheduleChangeAtMs! - 1)).toEqual({
      data: await answerFirstScreenChannels(services),
    })
    expect(await readFirstScreenCache(dataDir, appVersion, nextScheduleChangeAtMs!)).toEqual({
      miss: 'stale',
    })
  })
})
