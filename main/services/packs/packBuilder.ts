import { createHash, type KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { RequestError, type Problem } from '../../../src/contract/requestError'
import { describeJsonSyntaxError } from '../../../src/json/jsonSyntaxError'
import type { PackManifest } from '../../../src/pack/manifestSchema'
import { checkManifestBytes } from './manifestCheck'
import { collectMediaReferences } from './mediaReferences'
import { excludePatternMatcher, packIgnoreFileName, readPackIgnoreFile } from './packBuildSelection'
import { openPackContainer } from './openPackContainer'
import { writePackArchive, type ArchiveFileSource } from './packArchiveWriter'
import type { PackContainer } from './packContainer'
import { defaultPackLimits, type PackLimits } from './packLimits'
import { addLoudnessToFiles } from './packLoudness'
import { signManifest } from './packSigningKeys'
import { manifestFileName, signatureFileName } from './stagePack'

/** What `pack build` made. */
export interface BuiltPack {
  readonly manifest: PackManifest
  readonly fileCount: number
  readonly totalBytes: number
  readonly isSigned: boolean
  /** Every file packed besides manifest.json (and manifest.sig), in archive order. */
  readonly packedFiles: readonly { readonly path: string; readonly size: number }[]
  /** Files of the folder left out by `--exclude` or `.songpackignore`. */
  readonly excludedFiles: readonly string[]
  /** Packed files that no exhibit refers to (a stray note, a draft): packed, but worth a look. */
  readonly unreferencedFiles: readonly string[]
  /** What the build could not do but did not stop for (loudness unmeasured). */
  readonly warnings: readonly string[]
}

/**
 * `songyun pack build`: reads a pack folder, fills the manifest's `files` with the size and
 * SHA-256 of every other file in it (OS junk left out), validates the result and writes the
 * archive, signed when a key is given. The folder's own manifest.json is left as it is.
 */
export async function buildPackArchive(
  folder: string,
  outFile: string,
  options: {
    appVersion: string
    privateKey?: KeyObject
    limits?: PackLimits
    /** Patterns of files to leave out, as `--exclude` gives them (`.songpackignore` adds more). */
    exclude?: readonly string[]
  },
): Promise<BuiltPack> {
  const container = await openPackContainer(folder, options.limits ?? defaultPackLimits)
  const problems: Problem[] = [...container.problems]
  const manifestEntry = container.entries.get(manifestFileName)
  if (!manifestEntry) {
    problems.push({ path: path.join(folder, manifestFileName), message: 'missing' })
    throw new RequestError('rejected', `Cannot build ${folder}`, problems)
  }
  let raw: Record<string, unknown>
  const manifestText = (
    await readFile(path.join(folder, manifestEntry.sourceName), 'utf8')
  ).replace(/^\uFEFF/, '')
  try {
    raw = JSON.parse(manifestText) as Record<string, unknown>
  } catch (error) {
    problems.push({
      path: manifestFileName,
      message: describeJsonSyntaxError(manifestText, error as Error),
    })
    throw new RequestError('rejected', `Cannot build ${folder}`, problems)
  }

  const files: Parameters<typeof addLoudnessToFiles>[0] = {}
  const sources: ArchiveFileSource[] = []
  let totalBytes = 0
  const excludes = [...(options.exclude ?? []), ...(await readPackIgnoreFile(folder))].map(
    excludePatternMatcher,
  )
  const excludedFiles: string[] = []
  const packFiles = [...container.entries.values()]
    .filter((e) => e.path !== manifestFileName && e.path !== signatureFileName)
    .filter((e) => {
      if (e.path === packIgnoreFileName) return false
      const isExcluded = excludes.some((matches) => matches(e.path))
      if (isExcluded) excludedFiles.push(e.path)
      return !isExcluded
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const entry of packFiles) {
    const digest = await hashEntry(container, entry)
    files[entry.path] = digest
    totalBytes += digest.size
    sources.push({ path: entry.path, size: digest.size, open: () => container.openEntry(entry) })
  }
  const warnings = await addLoudnessToFiles(files, raw.files, (packPath) =>
    path.join(folder, container.entries.get(packPath)!.sourceName),
  )
  const manifestBytes = Buffer.from(`${JSON.stringify({ ...raw, files }, null, 2)}\n`, 'utf8')
  const check = checkManifestBytes(manifestBytes, options.appVersion)
  problems.push(...check.problems)
  if (!check.manifest || problems.length > 0) {
    throw new RequestError(
      'rejected',
      `Cannot build ${folder}: ${problems.length} problem(s)`,
      problems,
    )
  }
  const head: ArchiveFileSource[] = [
    { path: manifestFileName, bytes: manifestBytes, size: manifestBytes.length },
  ]
  if (options.privateKey) {
    const signature = Buffer.from(signManifest(manifestBytes, options.privateKey), 'utf8')
    head.push({ path: signatureFileName, bytes: signature, size: signature.length })
  }
  await writePackArchive(outFile, [...head, ...sources])
  const referenced = new Set(collectMediaReferences(check.manifest).map((r) => r.path))
  return {
    manifest: check.manifest,
    fileCount: sources.length,
    totalBytes,
    isSigned: !!options.privateKey,
    packedFiles: sources.map(({ path: packPath, size }) => ({ path: packPath, size })),
    excludedFiles: excludedFiles.sort(),
    unreferencedFiles: sources.map((s) => s.path).filter((p) => !referenced.has(p)),
    warnings,
  }
}

/**
 * `songyun pack sign`: adds or replaces `manifest.sig` of an archive. The archive is rewritten
 * (names as UTF-8, a wrapper folder and OS junk dropped) and renamed over the old one.
 */
export async function signPackArchive(
  archiveFile: string,
  privateKey: KeyObject,
  limits: PackLimits = defaultPackLimits,
): Promise<{ packId: string | undefined; version: string | undefined }> {
  const container = await openPackContainer(archiveFile, limits)
  try {
    if (container.problems.length > 0) {
      throw new RequestError('rejected', `Cannot sign ${archiveFile}`, container.problems)
    }
    const manifestEntry = container.entries.get(manifestFileName)
    if (!manifestEntry) {
      throw new RequestError('rejected', `Cannot sign ${archiveFile}`, [
        { path: manifestFileName, message: 'missing: the pack root must hold manifest.json' },
      ])
    }
    const chunks: Buffer[] = []
    for await (const chunk of await container.openEntry(manifestEntry)) chunks.push(chunk as Buffer)
    const manifestBytes = Buffer.concat(chunks)
    let summary: { id?: string; version?: string } = {}
    try {
      summary = JSON.parse(manifestBytes.toString('utf8').replace(/^\uFEFF/, '')) as typeof summary
    } catch (error) {
      const text = manifestBytes.toString('utf8').replace(/^\uFEFF/, '')
      throw new RequestError('rejected', `Cannot sign ${archiveFile}`, [
        { path: manifestFileName, message: describeJsonSyntaxError(text, error as Error) },
      ])
    }
    const signature = Buffer.from(signManifest(manifestBytes, privateKey), 'utf8')
    const rest = [...container.entries.values()].filter(
      (e) => e.path !== manifestFileName && e.path !== signatureFileName,
    )
    await writePackArchive(archiveFile, [
      { path: manifestFileName, bytes: manifestBytes, size: manifestBytes.length },
      { path: signatureFileName, bytes: signature, size: signature.length },
      ...rest.map((e) => ({
        path: e.path,
        size: e.declaredSize,
        open: () => container.openEntry(e),
      })),
    ])
    return { packId: summary.id, version: summary.version }
  } finally {
    await container.close()
  }
}

async function hashEntry(
  container: PackContainer,
  entry: { path: string; sourceName: string; declaredSize: number },
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of await container.openEntry(entry)) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), size }
}
