import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import semver from 'semver'
import type { Logger } from '../logger'
import {
  builtinArchiveIdentityMemoPath,
  packIdentityOf,
  readBuiltinArchiveIdentity,
} from './builtinArchiveIdentity'
import { buildPackArchive } from './packBuilder'
import { parsePublicKey } from './packSigningKeys'
import type { PackStore } from './packStore'
import { manifestFileName } from './stagePack'

/** Where the app keeps its built-in pack: the signed archive `npm run build` makes, and its sources. */
export interface BuiltinPackLocation {
  /** `out/packs/<id>.songpack`, signed with the app's own key. */
  readonly archivePath: string
  /** The app's public key, shipped beside the archive and trusted for it alone. */
  readonly publicKeyPath: string
  /** The pack's source folder, used when no archive was built (a development checkout). */
  readonly sourceDir: string
}

/** The built-in pack of an app root (see docs/content-packs.md "The built-in pack"). */
export function builtinPackLocation(appRoot: string, packId = 'songyun.core'): BuiltinPackLocation {
  return {
    archivePath: path.join(appRoot, 'out', 'packs', `${packId}.songpack`),
    publicKeyPath: path.join(appRoot, 'out', 'packs', 'builtin-pack.pub'),
    sourceDir: path.join(appRoot, 'assets', 'packs', packId),
  }
}

/**
 * The built-in pack when only its folder is known: the signed archive and key are looked for
 * beside it (`packs/songyun.core.songpack`, `packs/builtin-pack.pub`, as a packaged app ships
 * them); without them the folder itself is installed.
 */
export function builtinPackBesideSources(sourceDir: string): BuiltinPackLocation {
  const parent = path.dirname(sourceDir)
  return {
    archivePath: path.join(parent, `${path.basename(sourceDir)}.songpack`),
    publicKeyPath: path.join(parent, 'builtin-pack.pub'),
    sourceDir,
  }
}

/**
 * Installs the built-in pack into a data folder that has no version of it, and again when the app
 * ships a newer built-in version than the one installed before (an operator's own newer version,
 * or a rollback away from a built-in version, is left alone). Returns the version installed.
 */
export async function ensureBuiltinPack(
  store: PackStore,
  location: BuiltinPackLocation,
  logger: Logger,
): Promise<string | undefined> {
  const hasArchive = existsSync(location.archivePath)
  const shipped = hasArchive
    ? await readBuiltinArchiveIdentity(
        location.archivePath,
        builtinArchiveIdentityMemoPath(store.packsDir),
      )
    : await readFolderIdentity(location.sourceDir)
  if (!shipped) return undefined
  const state = await store.readState()
  const installed = state.packs.find((p) => p.id === shipped.id)
  const lastBuiltin = state.builtinVersions[shipped.id]
  const isNewer =
    installed !== undefined &&
    semver.valid(shipped.version) !== null &&
    semver.gt(shipped.version, installed.active.version) &&
    (lastBuiltin === undefined || semver.gt(shipped.version, lastBuiltin))
  if (installed && !isNewer) return undefined

  if (hasArchive) {
    const appKey = parsePublicKey(await readFile(location.publicKeyPath, 'utf8'))
    const result = await store.install(location.archivePath, {
      requireSigned: true,
      extraTrustedKeys: [appKey],
      isBuiltin: true,
    })
    logger.info(`packs: built-in ${result.packId} ${result.version} installed`)
    return result.version
  }
  // A checkout that was not built: pack the sources on the fly, trusted as part of the app.
  logger.warn(
    `packs: no built archive at ${location.archivePath}; installing ${location.sourceDir} unsigned`,
  )
  const tempArchive = path.join(store.packsDir, 'builtin-from-sources.songpack')
  try {
    await buildPackArchive(location.sourceDir, tempArchive, { appVersion: store.appVersion })
    const result = await store.install(tempArchive, { requireSigned: false, isBuiltin: true })
    return result.version
  } finally {
    await rm(tempArchive, { force: true })
  }
}

async function readFolderIdentity(
  folder: string,
): Promise<{ id: string; version: string } | undefined> {
  const text = await readFile(path.join(folder, manifestFileName), 'utf8').catch(() => undefined)
  return text === undefined ? undefined : packIdentityOf(text)
}
