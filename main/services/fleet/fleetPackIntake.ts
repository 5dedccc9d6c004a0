import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { RequestError } from '../../../src/contract/requestError'
import {
  isSyncedFileStill,
  isSyncTemporaryName,
  trackSyncedFile,
  type SyncedFileTrack,
} from '../../../src/fleet/syncedFileSettling'
import type { Clock } from '../../../src/time/clock'
import type { PackInstaller, KioskActivity } from '../inbox/inboxService'
import type { Logger } from '../logger'
import { fleetLayout } from './fleetFolder'
import type { FleetStateFile } from './fleetState'

const archivePattern = /\.(songpack|zip)$/i

/** SHA-256 of a file, streamed. */
export async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer)
  }
  return hash.digest('hex')
}

/**
 * Installs the signed packs a venue puts in the fleet folder's `packs/`. Unlike the inbox it
 * never moves or deletes them (every kiosk reads the same folder); it remembers each archive it
 * took by its SHA-256. A file is taken only once it has stopped changing for the settle time and,
 * where a `<file>.sha256` sidecar is given, its hash matches; a sync tool's temporary names are
 * never looked at. Installs happen only while the kiosk rests.
 */
export class FleetPackIntake {
  readonly #tracks = new Map<string, SyncedFileTrack>()

  constructor(
    private readonly fleetDir: string,
    private readonly state: FleetStateFile,
    private readonly install: PackInstaller,
    private readonly activity: KioskActivity,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settleMs: number,
  ) {}

  /** One look at `packs/`; installs each settled, new archive (oldest first) while at rest. */
  async scan(): Promise<void> {
    const folder = fleetLayout.packs(this.fleetDir)
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    const nowMs = this.clock.nowMs()
    const present = new Set<string>()
    const ready: { fileName: string; modifiedAtMs: number }[] = []
    for (const entry of entries) {
      if (!entry.isFile() || isSyncTemporaryName(entry.name) || !archivePattern.test(entry.name))
        continue
      const stats = await stat(path.join(folder, entry.name)).catch(() => undefined)
      if (!stats) continue
      present.add(entry.name)
      const track = trackSyncedFile(
        this.#tracks.get(entry.name),
        { sizeBytes: stats.size, modifiedAtMs: stats.mtimeMs },
        nowMs,
      )
      this.#tracks.set(entry.name, track)
      if (isSyncedFileStill(track, nowMs, this.settleMs)) {
        ready.push({ fileName: entry.name, modifiedAtMs: stats.mtimeMs })
      }
    }
    for (const name of this.#tracks.keys()) if (!present.has(name)) this.#tracks.delete(name)
    ready.sort((a, b) => a.modifiedAtMs - b.modifiedAtMs)
    for (const { fileName } of ready) {
      if (this.activity.isVisitInProgress) return
      await this.#takeOne(path.join(folder, fileName), fileName)
    }
  }

  async #takeOne(archivePath: string, fileName: string): Promise<void> {
    const sha256 = await sha256OfFile(archivePath)
    if (this.state.state.takenPacks[sha256]) return
    const expected = await readFile(`${archivePath}.sha256`, 'utf8').then(
      (text) => text.trim().split(/\s+/)[0]?.toLowerCase(),
      () => undefined,
    )
    if (expected !== undefined && expected !== sha256) {
      // Still arriving, or the sidecar is from another version: wait for them to agree.
      return
    }
    // The file may have changed while it was hashed: take it on a later look.
    const track = this.#tracks.get(fileName)
    const after = await stat(archivePath).catch(() => undefined)
    if (!track || !after || after.size !== track.sizeBytes || after.mtimeMs !== track.modifiedAtMs)
      return
    let outcome: 'installed' | 'rejected'
    let message: string
    try {
      const result = await this.install(archivePath)
      outcome = 'installed'
      message = `${result.packId} ${result.version}`
      this.logger.info(`fleet: installed ${fileName} (${message})`)
    } catch (error) {
      outcome = 'rejected'
      const problems = error instanceof RequestError && error.problems ? error.problems : []
      message = [(error as Error).message, ...problems.map((p) => `${p.path}: ${p.message}`)].join(
        '; ',
      )
      this.logger.warn(`fleet: rejected ${fileName}: ${message}`)
    }
    await this.state.update((state) => {
      state.takenPacks[sha256] = { fileName, outcome, message, atMs: this.clock.nowMs() }
    })
  }
}
