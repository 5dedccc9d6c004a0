import { watch } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FirstScreenSourceWatch } from '../../../main/web/firstScreenSourceWatch'
import { useTempDirs } from '../support/tempDataDir'

/** A data folder with its settings file and pack state, as after a start. */
async function dataFolder(tempDir: () => Promise<string>): Promise<string> {
  const dataDir = await tempDir()
  await mkdir(path.join(dataDir, 'packs'))
  await writeFile(path.join(dataDir, 'settings.json'), '{}')
  await writeFile(path.join(dataDir, 'packs', 'state.json'), '{}')
  return dataDir
}

/** Replaces a file by an atomic rename, as the settings service and the pack store write. */
async function replaceAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.new`, text)
  await rename(`${file}.new`, file)
}

/**
 * Resolves once a watch of the test's own on `folder` has been told of `fileName`: the source
 * watch on the same folder has then been told too (one inotify read serves both).
 */
function reported(folder: string, fileName: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(folder, (_event, name) => {
      if (name !== fileName) return
      watcher.close()
      resolve()
    })
  })
}

const isFreshOnDiskSpy = () => vi.fn(() => Promise.resolve(true))

describe.runIf(process.platform === 'linux')('the first-screen source watch', () => {
  const tempDir = useTempDirs()
  const watches: FirstScreenSourceWatch[] = []
  afterEach(() => {
    for (const sourceWatch of watches.splice(0)) sourceWatch.dispose()
  })
  const startWatch = (dataDir: string) => {
    const sourceWatch = FirstScreenSourceWatch.start(dataDir)
    watches.push(sourceWatch)
    return sourceWatch
  }

  it('answers a page from the watch, without reading the files on disk, while nothing changed', async () => {
    const sourceWatch = startWatch(await dataFolder(tempDir))
    const isFreshOnDisk = isFreshOnDiskSpy()
    expect(sourceWatch.isReliable).toBe(true)
    expect(await sourceWatch.isCacheStillFresh(isFreshOnDisk, () => true)).toBe(true)
    expect(isFreshOnDisk).not.toHaveBeenCalled()
    // The hours reaching their next change make it stale all the same.
    expect(await sourceWatch.isCacheStillFresh(isFreshOnDisk, () => false)).toBe(false)
  })

  it('calls the cache stale once the settings file is replaced, as `songyun mode set` does', async () => {
    const dataDir = await dataFolder(tempDir)
    const sourceWatch = startWatch(dataDir)
    const told = reported(dataDir, 'settings.json')
    await replaceAtomically(path.join(dataDir, 'settings.json'), '{"mode":"closed"}')
    await told
    expect(sourceWatch.hasChanged).toBe(true)
    expect(await sourceWatch.isCacheStillFresh(isFreshOnDiskSpy(), () => true)).toBe(false)
  })

  it('calls the cache stale once the pack state is replaced (an install or rollback)', async () => {
    const dataDir = await dataFolder(tempDir)
    const sourceWatch = startWatch(dataDir)
    const told = reported(path.join(dataDir, 'packs'), 'state.json')
    await replaceAtomically(path.join(dataDir, 'packs', 'state.json'), '{"active":"other"}')
    await told
    expect(sourceWatch.hasChanged).toBe(true)
  })

  it('calls the cache stale when a packs folder appears where there was none', async () => {
    const dataDir = await tempDir()
    await writeFile(path.join(dataDir, 'settings.json'), '{}')
    const sourceWatch = startWatch(dataDir)
    expect(sourceWatch.isReliable).toBe(true)
    const told = reported(dataDir, 'packs')
    await mkdir(path.join(dataDir, 'packs'))
    await told
    expect(sourceWatch.hasChanged).toBe(true)
  })

  it('is not stale for the files beside them (the cache itself, the logs)', async () => {
    const dataDir = await dataFolder(tempDir)
    const sourceWatch = startWatch(dataDir)
    const told = reported(dataDir, 'first-screen-cache.json')
    await replaceAtomically(path.join(dataDir, 'first-screen-cache.json'), '{}')
    await told
    expect(sourceWatch.hasChanged).toBe(false)
  })

  it('checks the files on disk for each page once disposed, and where no data folder can be watched', async () => {
    const sourceWatch = startWatch(await dataFolder(tempDir))
    sourceWatch.dispose()
    const isFreshOnDisk = isFreshOnDiskSpy()
    expect(await sourceWatch.isCacheStillFresh(isFreshOnDisk, () => true)).toBe(true)
    expect(isFreshOnDisk).toHaveBeenCalledTimes(1)
    expect(startWatch(path.join(await tempDir(), 'missing')).isReliable).toBe(false)
  })
})

describe('the first-screen source watch elsewhere than Linux', () => {
  it('trusts no watch (its reports may come after a request) and checks the files on disk', async () => {
    const sourceWatch = FirstScreenSourceWatch.start('/nonexistent', 'win32')
    const isFreshOnDisk = isFreshOnDiskSpy()
    expect(sourceWatch.isReliable).toBe(false)
    expect(await sourceWatch.isCacheStillFresh(isFreshOnDisk, () => true)).toBe(true)
    expect(isFreshOnDisk).toHaveBeenCalledTimes(1)
  })
})
