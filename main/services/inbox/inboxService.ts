import { mkdir, readdir, rename, stat } from 'node:fs/promises'
import path from 'node:path'
import type { PackInstallResult } from '../../../src/contract/areas/packs'
import { RequestError } from '../../../src/contract/requestError'
import type { Clock } from '../../../src/time/clock'
import { writeFileAtomically } from '../atomicFile'
import type { Logger } from '../logger'

/** Installs one pack archive and makes it live; rejects with a `RequestError` listing problems. */
export type PackInstaller = (archivePath: string) => Promise<PackInstallResult>

/** Whether the kiosk is free for an install: no visit in progress, nobody at the staff screens. */
export interface KioskActivity {
  readonly isVisitInProgress: boolean
  onVisitChange(listener: (isVisitInProgress: boolean) => void): () => void
}

/** What the inbox is doing, for logs and tests. */
export type InboxPhase = 'idle' | 'settling' | 'waiting-for-visit-end' | 'installing'

/** How long a file must stay unchanged before it counts as completely copied. */
export const defaultSettleMs = 5_000
/** How often the inbox folder is looked at (a sync tool gives no reliable signal when it is done). */
export const defaultScanIntervalMs = 10_000

const archivePattern = /\.(songpack|zip)$/i

interface SeenFile {
  readonly sizeBytes: number
  readonly modifiedAtMs: number
  /** When the size or time last changed (or the file first appeared). */
  readonly unchangedSinceMs: number
}

/**
 * `<data>/inbox/`: a venue's sync tool drops pack archives there; each one is installed once it
 * has stopped changing, but only while the kiosk rests (attract loop or closed screen, never in
 * the middle of a visit), then moved to `inbox/done/` or `inbox/rejected/` with a report file
 * beside it. Only `.songpack` and `.zip` files are taken, so a sync tool's temporary files and
 * half-copied folders are left alone.
 */
export class InboxService {
  readonly #seen = new Map<string, SeenFile>()
  #phase: InboxPhase = 'idle'
  #scan: Promise<void> | undefined
  #timer: ReturnType<typeof setInterval> | undefined
  #stopFollowingVisits: (() => void) | undefined

  constructor(
    private readonly dataDir: string,
    private readonly install: PackInstaller,
    private readonly activity: KioskActivity,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settleMs = defaultSettleMs,
  ) {}

  get folder(): string {
    return path.join(this.dataDir, 'inbox')
  }

  get phase(): InboxPhase {
    return this.#phase
  }

  /** Creates the inbox, looks at it every few seconds and again whenever a visit ends. */
  async start(scanIntervalMs = defaultScanIntervalMs): Promise<void> {
    await mkdir(this.folder, { recursive: true })
    this.#timer = setInterval(() => void this.scanNow(), scanIntervalMs)
    this.#timer.unref?.()
    this.#stopFollowingVisits = this.activity.onVisitChange((isVisitInProgress) => {
      if (!isVisitInProgress) void this.scanNow()
    })
  }

  dispose(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
    this.#stopFollowingVisits?.()
  }

  /** One look at the inbox; installs what is ready if the kiosk rests. Never runs twice at once. */
  scanNow(): Promise<void> {
    this.#scan ??= this.#scanOnce().finally(() => {
      this.#scan = undefined
    })
    return this.#scan
  }

  async #scanOnce(): Promise<void> {
    const ready = await this.#readyFiles()
    if (ready.length === 0) {
      this.#phase = this.#seen.size > 0 ? 'settling' : 'idle'
      return
    }
    for (const fileName of ready) {
      // Checked before every install: a visitor may have walked up during the last one.
      if (this.activity.isVisitInProgress) {
        this.#phase = 'waiting-for-visit-end'
        return
      }
      this.#phase = 'installing'
      await this.#installOne(fileName)
    }
    this.#phase = this.#seen.size > 0 ? 'settling' : 'idle'
  }

  /** Archives in the inbox that have not changed for the settle time, oldest first. */
  async #readyFiles(): Promise<string[]> {
    const nowMs = this.clock.nowMs()
    const entries = await readdir(this.folder, { withFileTypes: true }).catch(() => [])
    const present = new Set<string>()
    const ready: { fileName: string; modifiedAtMs: number }[] = []
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.') || !archivePattern.test(entry.name))
        continue
      const stats = await stat(path.join(this.folder, entry.name)).catch(() => undefined)
      if (!stats) continue
      present.add(entry.name)
      const before = this.#seen.get(entry.name)
      const isUnchanged =
        before !== undefined &&
        before.sizeBytes === stats.size &&
        before.modifiedAtMs === stats.mtimeMs
      const unchangedSinceMs = isUnchanged ? before.unchangedSinceMs : nowMs
      this.#seen.set(entry.name, {
        sizeBytes: stats.size,
        modifiedAtMs: stats.mtimeMs,
        unchangedSinceMs,
      })
      if (isUnchanged && nowMs - unchangedSinceMs >= this.settleMs) {
        ready.push({ fileName: entry.name, modifiedAtMs: stats.mtimeMs })
      }
    }
    for (const name of this.#seen.keys()) if (!present.has(name)) this.#seen.delete(name)
    return ready.sort((a, b) => a.modifiedAtMs - b.modifiedAtMs).map((file) => file.fileName)
  }

  async #installOne(fileName: string): Promise<void> {
    const archivePath = path.join(this.folder, fileName)
    const atIso = new Date(this.clock.nowMs()).toISOString()
    let outcome: 'done' | 'rejected'
    let report: string[]
    let logLines: string[]
    try {
      const result = await this.install(archivePath)
      outcome = 'done'
      report = [
        `installed: ${result.packId} ${result.version}`,
        `previous version: ${result.previousVersion ?? '(none)'}`,
        `signed: ${result.isSigned ? 'yes' : 'no'}`,
      ]
      logLines = [`installed ${fileName} (${result.packId} ${result.version})`]
    } catch (error) {
      outcome = 'rejected'
      const problems = error instanceof RequestError && error.problems ? error.problems : []
      report = [
        `rejected: ${(error as Error).message}`,
        ...problems.map((problem) => `problem: ${problem.path}: ${problem.message}`),
      ]
      // Every problem in the log too, so a look at the log says what to fix without the report.
      logLines = [
        `rejected ${fileName}: ${(error as Error).message}`,
        ...problems.map((problem) => `rejected ${fileName}: ${problem.path}: ${problem.message}`),
      ]
    }
    const targetDir = path.join(this.folder, outcome)
    await mkdir(targetDir, { recursive: true })
    const targetName = await this.#freeName(targetDir, fileName)
    const targetPath = path.join(targetDir, targetName)
    await rename(archivePath, targetPath)
    const reportPath = `${targetPath}.report.txt`
    await writeFileAtomically(
      reportPath,
      [`Songyun Kiosk inbox report`, `file: ${fileName}`, `at: ${atIso}`, ...report, ''].join('\n'),
    )
    // Named where the file is now, not where it was.
    const where = `moved to ${targetPath} (report: ${reportPath})`
    if (outcome === 'done') this.logger.info(`inbox: ${logLines[0]}; ${where}`)
    else {
      this.logger.warn(`inbox: ${logLines[0]}; ${where}`)
      for (const line of logLines.slice(1)) this.logger.warn(`inbox: ${line}`)
    }
    this.#seen.delete(fileName)
  }

  /** The file name itself, or one with a number added, so an earlier report is never overwritten. */
  async #freeName(dir: string, fileName: string): Promise<string> {
    const extension = path.extname(fileName)
    const stem = fileName.slice(0, fileName.length - extension.length)
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? fileName : `${stem}-${n}${extension}`
      const exists = await stat(path.join(dir, candidate)).then(
        () => true,
        () => false,
      )
      if (!exists) return candidate
    }
  }
}
