import { createHash, randomBytes, type KeyObject } from 'node:crypto'
import { unwatchFile, watchFile, type Stats } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, rmdir, statfs } from 'node:fs/promises'
import path from 'node:path'
import type {
  InstalledPack,
  PackInstallPhase,
  PackInstallResult,
  PackRollbackResult,
  PacksListing,
} from '../../../src/contract/areas/packs'
import { RequestError, type Problem } from '../../../src/contract/requestError'
import { createManifestSchema, type PackManifest } from '../../../src/pack/manifestSchema'
import type { Clock } from '../../../src/time/clock'
import type { ActivePack, ActivePackSource } from '../contentService'
import type { Logger } from '../logger'
import { openPackContainer } from './openPackContainer'
import { defaultPackLimits, type PackLimits } from './packLimits'
import { acquirePackStoreLock } from './packStoreLock'
import {
  fsyncFolder,
  readPackStoreState,
  writePackStoreState,
  type PackStoreState,
  type StoredVersion,
} from './packStoreState'
import { manifestFileName, stagePack } from './stagePack'
import { loadTrustedKeys, mayKeySignPackId, type TrustedKey } from './trustedKeys'
import semver from 'semver'
import { verifyInstalledVersion } from './verifyInstalledPack'

/** What an install needs to know besides the pack's path. */
export interface PackInstallOptions {
  readonly installId?: string
  /** Whether an unsigned pack is refused (the `requireSignedPacks` setting). */
  readonly requireSigned: boolean
  /** Keys trusted for this install only, besides `trusted-keys/` (the app's own key). */
  readonly extraTrustedKeys?: readonly KeyObject[]
  /** Marks the version as the app's built-in pack. */
  readonly isBuiltin?: boolean
  /** Installs a version older than the active one (`--allow-downgrade`, or staff confirmed it). */
  readonly allowDowngrade?: boolean
  readonly onProgress?: (phase: PackInstallPhase, bytesDone: number, bytesTotal: number) => void
}

export interface PackStoreOptions {
  readonly dataDir: string
  readonly appVersion: string
  readonly clock: Clock
  readonly logger: Logger
  readonly limits?: PackLimits
  /** Previous versions of each pack kept for rollback. */
  readonly keepPreviousVersions?: number
}

/** What `verify` found: each active pack and whether it is intact, and every problem. */
export interface VerifyReport {
  readonly packs: readonly {
    readonly id: string
    readonly version: string
    readonly isIntact: boolean
  }[]
  readonly problems: readonly Problem[]
}

/**
 * The installed packs under `<data>/packs/`: `state.json` says which version of each id is live,
 * `versions/<id>/<folder>/` hold the versions, `staging/` holds installs in progress. A version
 * becomes live only by the atomic replacement of `state.json`, so a kill or power cut at any
 * instant leaves the old version working; leftovers are removed by {@link cleanLeftovers}.
 */
export class PackStore implements ActivePackSource {
  readonly packsDir: string
  readonly stateFile: string
  readonly #limits: PackLimits
  readonly #keepPrevious: number
  #queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: PackStoreOptions) {
    this.packsDir = path.join(options.dataDir, 'packs')
    this.stateFile = path.join(this.packsDir, 'state.json')
    this.#limits = options.limits ?? defaultPackLimits
    this.#keepPrevious = options.keepPreviousVersions ?? 2
  }

  get #versionsDir(): string {
    return path.join(this.packsDir, 'versions')
  }

  get #stagingDir(): string {
    return path.join(this.packsDir, 'staging')
  }

  /** The app version packs are checked against (`minAppVersion`). */
  get appVersion(): string {
    return this.options.appVersion
  }

  readState(): Promise<PackStoreState> {
    return readPackStoreState(this.stateFile)
  }

  /** The folder of an installed version. */
  versionDir(packId: string, version: StoredVersion): string {
    return path.join(this.#versionsDir, packId, version.folder)
  }

  async listActivePacks(): Promise<readonly ActivePack[]> {
    const state = await this.readState()
    const packs: ActivePack[] = []
    for (const stored of state.packs) {
      const rootDir = this.versionDir(stored.id, stored.active)
      try {
        packs.push({ manifest: await readInstalledManifest(rootDir), rootDir })
      } catch (error) {
        // One damaged or missing pack must not take every other pack off the screen.
        this.options.logger.warn(
          `packs: ${stored.id} ${stored.active.version} is skipped, its folder cannot be read (${(error as Error).message}); ` +
            'roll it back or install it again',
        )
      }
    }
    return packs
  }

  /**
   * Calls `onChange` when `state.json` is replaced by anyone (this process or a `songyun pack`
   * command sharing the data folder), polling its stat every `intervalMs`. Returns the stop
   * function. The poll does not keep the process alive.
   */
  watchActivePacks(onChange: () => void, intervalMs = 2000): () => void {
    const listener = (current: Stats, previous: Stats) => {
      if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino) onChange()
    }
    watchFile(this.stateFile, { interval: intervalMs, persistent: false }, listener)
    return () => unwatchFile(this.stateFile, listener)
  }

  /** Installed packs, their versions, which is active and what a rollback would restore. */
  async list(): Promise<PacksListing> {
    const state = await this.readState()
    const packs: InstalledPack[] = []
    for (const stored of state.packs) {
      const versions = []
      for (const [index, version] of [stored.active, ...stored.previous].entries()) {
        const manifest = await readInstalledManifest(this.versionDir(stored.id, version)).catch(
          () => undefined,
        )
        versions.push({
          version: version.version,
          title: manifest?.title ?? { 'zh-CN': stored.id, en: stored.id },
          installedAtMs: version.installedAtMs,
          isActive: index === 0,
          isBuiltin: version.isBuiltin,
          isSigned: version.signedBy !== undefined,
        })
      }
      packs.push({
        id: stored.id,
        activeVersion: stored.active.version,
        title: versions[0]!.title,
        versions,
        rollbackVersion: stored.previous[0]?.version,
      })
    }
    return { packs }
  }

  /**
   * Removes what a killed or failed install left (staging folders, versions no state refers to,
   * a temp state file). Runs under the lock; if another process holds it, nothing is touched.
   */
  cleanLeftovers(): Promise<void> {
    return this.#exclusive(async () => {
      await this.#cleanLeftoversLocked()
    })
  }

  /**
   * Installs a pack archive or folder and makes it live, or rejects it with every problem and
   * changes nothing installed.
   */
  install(sourcePath: string, options: PackInstallOptions): Promise<PackInstallResult> {
    const installId = options.installId ?? randomBytes(6).toString('hex')
    return this.#exclusive(async () => {
      await this.#cleanLeftoversLocked()
      const stagingRoot = path.join(
        this.#stagingDir,
        `${installId}-${randomBytes(4).toString('hex')}`,
      )
      await mkdir(stagingRoot, { recursive: true })
      const container = await openPackContainer(path.resolve(sourcePath), this.#limits)
      try {
        const trusted = await loadTrustedKeys(this.options.dataDir)
        const activeBefore = await this.readState()
        for (const problem of trusted.problems)
          this.options.logger.warn(`${problem.path}: ${problem.message}`)
        const staged = await stagePack(container, {
          limits: this.#limits,
          appVersion: this.options.appVersion,
          trustedKeys: [...trusted.keys.map((k) => k.key), ...(options.extraTrustedKeys ?? [])],
          requireSigned: options.requireSigned,
          stagingDir: stagingRoot,
          freeDiskBytes: await freeBytesOf(this.packsDir),
          onProgress: options.onProgress,
          checkSignedManifest: (manifest, signedBy) => [
            ...keyBindingProblems(manifest.id, signedBy, trusted.keys),
            ...(options.allowDowngrade ? [] : downgradeProblems(manifest, activeBefore)),
          ],
        })
        options.onProgress?.('activating', staged.totalBytes, staged.totalBytes)
        await fsyncTree(stagingRoot)
        const packId = staged.manifest.id
        const stored: StoredVersion = {
          version: staged.manifest.version,
          folder: `${staged.manifest.version.replace(/[^A-Za-z0-9.+-]/g, '_')}~${randomBytes(4).toString('hex')}`,
          installedAtMs: this.options.clock.nowMs(),
          manifestSha256: createHash('sha256').update(staged.manifestBytes).digest('hex'),
          signedBy: staged.signedBy,
          isBuiltin: options.isBuiltin ?? false,
        }
        const packVersionsDir = path.join(this.#versionsDir, packId)
        const createdFolder = await mkdir(packVersionsDir, { recursive: true })
        // A folder just made exists after a power cut only once its parent is synced too.
        if (createdFolder !== undefined) {
          await fsyncFolder(this.#versionsDir)
          await fsyncFolder(this.packsDir)
        }
        await rename(stagingRoot, path.join(packVersionsDir, stored.folder))
        await fsyncFolder(packVersionsDir)

        const state = await this.readState()
        const existing = state.packs.find((p) => p.id === packId)
        const previousVersion = existing?.active.version
        if (existing) {
          existing.previous = [existing.active, ...existing.previous]
            .filter((v) => v.version !== stored.version)
            .slice(0, this.#keepPrevious)
          existing.active = stored
        } else {
          state.packs.push({ id: packId, active: stored, previous: [] })
        }
        if (options.isBuiltin) state.builtinVersions[packId] = stored.version
        await writePackStoreState(this.stateFile, state)
        this.options.logger.info(
          `packs: ${packId} ${stored.version} is active (was ${previousVersion ?? 'none'})`,
        )
        await this.#removeUnreferencedVersions(state)
        options.onProgress?.('done', staged.totalBytes, staged.totalBytes)
        return {
          installId,
          packId,
          version: stored.version,
          previousVersion,
          isSigned: stored.signedBy !== undefined,
        }
      } catch (error) {
        options.onProgress?.('failed', 0, 0)
        throw error
      } finally {
        await container.close()
        await rm(stagingRoot, { recursive: true, force: true })
        // The staging folder itself goes too when nothing else is staging (no trace of a rejection).
        await rmdir(this.#stagingDir).catch(() => undefined)
      }
    })
  }

  /** Makes the previous version of a pack active again; the version replaced is discarded. */
  rollback(packId: string): Promise<PackRollbackResult> {
    return this.#exclusive(async () => {
      const state = await this.readState()
      const stored = state.packs.find((p) => p.id === packId)
      if (!stored) throw new RequestError('not-found', `No pack "${packId}" is installed`)
      const [previous, ...older] = stored.previous
      if (!previous) {
        throw new RequestError(
          'rejected',
          `The pack "${packId}" has no previous version to roll back to`,
          [{ path: packId, message: `only ${stored.active.version} is installed` }],
        )
      }
      const intact = await verifyInstalledVersion(this.versionDir(packId, previous), previous)
      if (intact.length > 0) {
        throw new RequestError(
          'rejected',
          `The previous version ${previous.version} of "${packId}" is damaged`,
          intact,
        )
      }
      const replaced = stored.active
      stored.active = previous
      stored.previous = older
      await writePackStoreState(this.stateFile, state)
      this.options.logger.info(
        `packs: ${packId} rolled back from ${replaced.version} to ${previous.version}`,
      )
      await this.#removeUnreferencedVersions(state)
      return { packId, version: previous.version, replacedVersion: replaced.version }
    })
  }

  /** Re-checks every active pack on disk against its manifest (sizes and SHA-256 of every file). */
  async verify(): Promise<VerifyReport> {
    const state = await this.readState()
    const problems: Problem[] = []
    const packs = []
    for (const stored of state.packs) {
      const found = await verifyInstalledVersion(
        this.versionDir(stored.id, stored.active),
        stored.active,
      )
      problems.push(...found)
      packs.push({ id: stored.id, version: stored.active.version, isIntact: found.length === 0 })
    }
    return { packs, problems }
  }

  /** Runs store changes one at a time in this process, and under the lock across processes. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      await mkdir(this.packsDir, { recursive: true })
      const release = await acquirePackStoreLock(path.join(this.packsDir, 'lock'))
      try {
        return await work()
      } finally {
        await release()
      }
    }
    const result = this.#queue.then(run, run)
    this.#queue = result.catch(() => undefined)
    return result
  }

  async #cleanLeftoversLocked(): Promise<void> {
    await rm(this.#stagingDir, { recursive: true, force: true })
    await rm(`${this.stateFile}.tmp`, { force: true })
    await this.#removeUnreferencedVersions(await this.readState())
  }

  async #removeUnreferencedVersions(state: PackStoreState): Promise<void> {
    const kept = new Set(
      state.packs.flatMap((p) => [p.active, ...p.previous].map((v) => path.join(p.id, v.folder))),
    )
    for (const packId of await readdir(this.#versionsDir).catch(() => [] as string[])) {
      const folders = await readdir(path.join(this.#versionsDir, packId)).catch(
        () => [] as string[],
      )
      for (const folder of folders) {
        if (!kept.has(path.join(packId, folder))) {
          await rm(path.join(this.#versionsDir, packId, folder), { recursive: true, force: true })
        }
      }
      if (!state.packs.some((p) => p.id === packId)) {
        await rm(path.join(this.#versionsDir, packId), { recursive: true, force: true })
      }
    }
  }
}

/** Reads an installed version's manifest (already checked at install; defaults filled in). */
export async function readInstalledManifest(rootDir: string): Promise<PackManifest> {
  const raw = JSON.parse(await readFile(path.join(rootDir, manifestFileName), 'utf8')) as {
    languages?: string[]
  }
  return createManifestSchema(raw.languages ?? ['zh-CN', 'en']).parse(raw)
}

async function freeBytesOf(folder: string): Promise<number> {
  const stats = await statfs(folder)
  return stats.bavail * stats.bsize
}

/** Fsyncs every folder of a staged tree (the files were fsynced as they were written). */
async function fsyncTree(root: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true })
  const folders = new Set([root])
  for (const entry of entries) {
    if (entry.isDirectory()) folders.add(path.join(entry.parentPath, entry.name))
  }
  for (const folder of folders) await fsyncFolder(folder)
}

/** A key bound to id prefixes (`trusted-keys/<name>.ids`) may sign only ids under them. */
function keyBindingProblems(
  packId: string,
  signedBy: string | undefined,
  keys: readonly TrustedKey[],
): Problem[] {
  const signer = keys.find((key) => key.fingerprint === signedBy)
  if (!signer || mayKeySignPackId(signer, packId)) return []
  const idsFile = signer.fileName.replace(/\.(pub|pem)$/i, '.ids')
  return [
    {
      path: 'manifest.sig',
      message: `signed by trusted-keys/${signer.fileName}, which may sign only ids starting with ${signer.idPrefixes!.map((p) => `"${p}"`).join(', ')} (trusted-keys/${idsFile}), not "${packId}"`,
    },
  ]
}

/** An older version than the active one installs only when the operator said so. */
function downgradeProblems(manifest: PackManifest, state: PackStoreState): Problem[] {
  const active = state.packs.find((pack) => pack.id === manifest.id)?.active.version
  if (!active || !semver.valid(active) || !semver.lt(manifest.version, active)) return []
  return [
    {
      path: 'manifest.json',
      message: `version ${manifest.version} is older than the active ${active}; install it with --allow-downgrade (terminal) or confirm the downgrade on the admin screen`,
    },
  ]
}
