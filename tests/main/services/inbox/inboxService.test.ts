import { mkdir, readdir, readFile, writeFile, appendFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { PackInstallResult } from '../../../../src/contract/areas/packs'
import { RequestError } from '../../../../src/contract/requestError'
import { InboxService, type KioskActivity } from '../../../../main/services/inbox/inboxService'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'

vi.mock('electron')

const settleMs = 5000

/** A visit the test starts and ends by hand. */
function fakeActivity() {
  const listeners = new Set<(inProgress: boolean) => void>()
  const activity = {
    isVisitInProgress: false,
    onVisitChange(listener: (inProgress: boolean) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(inProgress: boolean) {
      activity.isVisitInProgress = inProgress
      for (const listener of listeners) listener(inProgress)
    },
  }
  return activity satisfies KioskActivity
}

describe('InboxService', () => {
  const tempDir = useTempDirs()

  async function setUp(install: (archivePath: string) => Promise<PackInstallResult>) {
    const dataDir = await tempDir()
    const clock = manualClock()
    const activity = fakeActivity()
    const installed: string[] = []
    const logger = recordingLogger()
    const inbox = new InboxService(
      dataDir,
      async (archivePath) => {
        installed.push(path.basename(archivePath))
        return install(archivePath)
      },
      activity,
      clock,
      logger,
      settleMs,
    )
    await mkdir(inbox.folder, { recursive: true })
    return { inbox, clock, activity, installed, logger }
  }

  const accept = async (): Promise<PackInstallResult> => ({
    installId: 'x',
    packId: 'songyun.extra',
    version: '1.2.0',
    previousVersion: '1.1.0',
    isSigned: true,
  })

  it('never installs during a visit, and installs once the visit ends', async () => {
    const { inbox, clock, activity, installed } = await setUp(accept)
    await writeFile(path.join(inbox.folder, 'extra.songpack'), 'pack bytes')
    activity.set(true)
    await inbox.scanNow()
    clock.advance(settleMs)
    await inbox.scanNow()
    expect(installed).toEqual([])
    expect(inbox.phase).toBe('waiting-for-visit-end')

    await inbox.start(60_000)
    activity.set(false)
    await vi.waitFor(() => expect(installed).toEqual(['extra.songpack']))
    await inbox.scanNow()
    inbox.dispose()

    expect(await readdir(inbox.folder)).toEqual(['done'])
    const done = await readdir(path.join(inbox.folder, 'done'))
    expect(done.sort()).toEqual(['extra.songpack', 'extra.songpack.report.txt'])
    const report = await readFile(
      path.join(inbox.folder, 'done', 'extra.songpack.report.txt'),
      'utf8',
    )
    expect(report).toContain('installed: songyun.extra 1.2.0')
    expect(inbox.phase).toBe('idle')
  })

  it('waits until a file being copied has stopped changing', async () => {
    const { inbox, clock, installed } = await setUp(accept)
    const file = path.join(inbox.folder, 'big.zip')
    await writeFile(file, 'part one')
    await inbox.scanNow()
    clock.advance(settleMs)
    await appendFile(file, ', part two')
    await inbox.scanNow()
    expect(installed).toEqual([])
    expect(inbox.phase).toBe('settling')
    clock.advance(settleMs - 1)
    await inbox.scanNow()
    expect(installed).toEqual([])
    clock.advance(1)
    await inbox.scanNow()
    expect(installed).toEqual(['big.zip'])
  })

  it('moves a rejected pack to rejected/ with every problem in its report and its log', async () => {
    const { inbox, clock, logger } = await setUp(async () => {
      throw new RequestError('rejected', 'The pack was refused', [
        { path: 'manifest.json: version', message: 'must be semver' },
        { path: 'media/a.ogg', message: 'SHA-256 does not match' },
      ])
    })
    await writeFile(path.join(inbox.folder, 'bad.songpack'), 'bad')
    await writeFile(path.join(inbox.folder, 'notes.txt'), 'not a pack')
    await writeFile(path.join(inbox.folder, '.bad.songpack.syncthing.tmp'), 'temp')
    await inbox.scanNow()
    clock.advance(settleMs)
    await inbox.scanNow()
    const report = await readFile(
      path.join(inbox.folder, 'rejected', 'bad.songpack.report.txt'),
      'utf8',
    )
    expect(report).toContain('rejected: The pack was refused')
    expect(report).toContain('problem: manifest.json: version: must be semver')
    expect(report).toContain('problem: media/a.ogg: SHA-256 does not match')
    // The log names each problem and where the file is now, not where it was.
    const warnings = logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)
    const rejectedPath = path.join(inbox.folder, 'rejected', 'bad.songpack')
    expect(warnings[0]).toContain(
      `rejected bad.songpack: The pack was refused; moved to ${rejectedPath}`,
    )
    expect(warnings).toContain(
      'inbox: rejected bad.songpack: manifest.json: version: must be semver',
    )
    expect(warnings).toContain('inbox: rejected bad.songpack: media/a.ogg: SHA-256 does not match')
    // What is not a pack archive stays where it is.
    expect((await readdir(inbox.folder)).sort()).toEqual([
      '.bad.songpack.syncthing.tmp',
      'notes.txt',
      'rejected',
    ])
  })

  it('keeps an earlier report when the same file name comes again', async () => {
    const { inbox, clock } = await setUp(accept)
    for (let round = 0; round < 2; round += 1) {
      await writeFile(path.join(inbox.folder, 'extra.songpack'), `round ${round}`)
      await inbox.scanNow()
      clock.advance(settleMs)
      await inbox.scanNow()
    }
    expect((await readdir(path.join(inbox.folder, 'done'))).sort()).toEqual([
      'extra-2.songpack',
      'extra-2.songpack.report.txt',
      'extra.songpack',
      'extra.songpack.report.txt',
    ])
  })
})
