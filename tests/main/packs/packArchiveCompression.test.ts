import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import yauzl from 'yauzl'
import { writePackArchive } from '../../../main/services/packs/packArchiveWriter'
import { useTempDirs } from '../support/tempDataDir'

vi.mock('electron')

/** Each entry's name and compression method (0 stored, 8 deflated). */
function methodsOf(archive: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(archive, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error(`${archive}: yauzl gave no zip`))
      const methods: Record<string, number> = {}
      zip.on('entry', (entry: yauzl.Entry) => {
        methods[entry.fileName] = entry.compressionMethod
        zip.readEntry()
      })
      zip.on('end', () => resolve(methods))
      zip.readEntry()
    })
  })
}

describe('pack archive compression', () => {
  const makeDir = useTempDirs()

  it('stores incompressible entries and media, deflates text', async () => {
    const archive = path.join(await makeDir(), 'pack.songpack')
    const noise = randomBytes(300_000)
    const text = Buffer.from('宋代点茶 whisked tea, again and again.\n'.repeat(5000))
    await writePackArchive(archive, [
      { path: 'data/noise.bin', bytes: noise, size: noise.length },
      {
        path: 'data/streamed-noise.bin',
        open: async () => (await import('node:stream')).Readable.from([noise]),
        size: noise.length,
      },
      { path: 'texts/notes.txt', bytes: text, size: text.length },
      { path: 'images/photo.png', bytes: text, size: text.length },
    ])
    expect(await methodsOf(archive)).toEqual({
      'data/noise.bin': 0,
      'data/streamed-noise.bin': 0,
      'texts/notes.txt': 8,
      'images/photo.png': 0,
    })
  })
})

describe('installing stored and deflated entries', () => {
  const makeDir = useTempDirs()

  it('gives the same bytes and hashes either way', async () => {
    const { readFile } = await import('node:fs/promises')
    const { PackStore } = await import('../../../main/services/packs/packStore')
    const { silentLogger } = await import('../../../main/services/logger')
    const { manualClock } = await import('../support/tempDataDir')
    const { manifestFor, packEntries, sha256, writeYazlPack } =
      await import('./support/packFixtures')
    const root = await makeDir()
    const files = {
      'images/bowl.png': randomBytes(200_000),
      'texts/a.txt': Buffer.from('点茶\n'.repeat(20_000)),
    }
    const installed: Record<string, string>[] = []
    for (const compress of [false, true]) {
      const id = compress ? 'deflated.pack' : 'stored.pack'
      const entries = packEntries(manifestFor(files, { id }), files).map((entry) => ({
        ...entry,
        compress,
      }))
      const archive = await writeYazlPack(path.join(root, `${id}.songpack`), entries)
      const store = new PackStore({
        dataDir: path.join(root, id),
        appVersion: '0.1.0',
        clock: manualClock(),
        logger: silentLogger,
      })
      await store.install(archive, { requireSigned: false })
      const [pack] = await store.listActivePacks()
      const hashes: Record<string, string> = {}
      for (const name of Object.keys(files))
        hashes[name] = sha256(await readFile(path.join(pack!.rootDir, name)))
      installed.push(hashes)
    }
    expect(installed[0]).toEqual(installed[1])
    expect(installed[0]).toEqual(
      Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha256(bytes)])),
    )
  })
})
