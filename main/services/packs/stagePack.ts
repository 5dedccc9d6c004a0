import { createHash, type KeyObject } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PackInstallPhase } from '../../../src/contract/areas/packs'
import { RequestError, type Problem } from '../../../src/contract/requestError'
import type { PackManifest } from '../../../src/pack/manifestSchema'
import { checkManifestBytes } from './manifestCheck'
import type { PackContainer, PackEntry } from './packContainer'
import type { PackLimits } from './packLimits'
import { decodeSignature, findSigningKey, keyFingerprint } from './packSigningKeys'

export const manifestFileName = 'manifest.json'

/** The size of the writes an install makes (issue 20: large writes, one fsync per file). */
const writeChunkBytes = 1024 * 1024
export const signatureFileName = 'manifest.sig'

/** What staging needs besides the pack. */
export interface StagePackOptions {
  readonly limits: PackLimits
  readonly appVersion: string
  /** The keys a signature may verify against. */
  readonly trustedKeys: readonly KeyObject[]
  /** Whether an unsigned pack is refused (a present signature must always verify). */
  readonly requireSigned: boolean
  /**
   * The empty folder to write the pack into; without it the pack is only checked (every file
   * is still read and hashed, nothing is written).
   */
  readonly stagingDir?: string
  /** Free bytes on the disk of the staging folder; the pack must leave the margin free. */
  readonly freeDiskBytes?: number
  readonly onProgress?: (phase: PackInstallPhase, bytesDone: number, bytesTotal: number) => void
  /**
   * Further rules on the verified manifest and its signer (key → id binding, downgrades), checked
   * before any file is read; what they return rejects the pack.
   */
  readonly checkSignedManifest?: (manifest: PackManifest, signedBy: string | undefined) => Problem[]
}

/** A pack that passed every check, written to the staging folder (when one was given). */
export interface StagedPack {
  readonly manifest: PackManifest
  readonly manifestBytes: Buffer
  readonly signatureBytes: Buffer | undefined
  /** The fingerprint of the trusted key that verified the signature, if it was signed. */
  readonly signedBy: string | undefined
  readonly totalBytes: number
}

/**
 * Checks a pack against every rule of docs/content-pack-format.md and, when all hold, leaves it whole in the
 * staging folder. Sizes and SHA-256 are measured on the bytes as they stream, never taken from
 * the archive's headers; a file is written only while no problem has been found, so a rejected
 * pack costs no disk. Throws a `RequestError('rejected')` listing every problem found.
 */
export async function stagePack(
  container: PackContainer,
  options: StagePackOptions,
): Promise<StagedPack> {
  const { limits } = options
  const problems: Problem[] = [...container.problems]
  const manifestEntry = container.entries.get(manifestFileName)
  const signatureEntry = container.entries.get(signatureFileName)
  if (!manifestEntry) {
    if (container.entries.size > 0 || problems.length === 0) {
      problems.push({
        path: manifestFileName,
        message: 'missing: the pack root must hold manifest.json',
      })
    }
    throw rejection(container, problems)
  }

  const manifestBytes = await readSmallEntry(
    container,
    manifestEntry,
    limits.maxManifestBytes,
    problems,
  )
  const signatureBytes = signatureEntry
    ? await readSmallEntry(container, signatureEntry, limits.maxSignatureBytes, problems)
    : undefined
  if (!manifestBytes) throw rejection(container, problems)

  const check = checkManifestBytes(manifestBytes, options.appVersion)
  problems.push(...check.problems)
  const problemsBeforeSignature = problems.length
  const signedBy = checkSignature(manifestBytes, signatureEntry, signatureBytes, options, problems)
  const manifest = check.manifest
  // A pack whose signature fails (or is missing where one is required) is refused before a
  // byte of its files is inflated or hashed: an untrusted pack must not cost gigabytes of work.
  const signatureFailed =
    problems.length > problemsBeforeSignature || (signatureEntry !== undefined && !signatureBytes)
  if (!manifest || signatureFailed) throw rejection(container, problems)
  const refusals = options.checkSignedManifest?.(manifest, signedBy) ?? []
  if (refusals.length > 0) throw rejection(container, [...problems, ...refusals])

  // The files table against the archive, before a byte of content is read.
  let totalBytes = 0
  const toRead: { entry: PackEntry; size: number; sha256: string }[] = []
  for (const [filePath, listed] of Object.entries(manifest.files)) {
    totalBytes += listed.size
    const entry = container.entries.get(filePath)
    if (!entry) {
      // An entry refused by its name or kind was reported already; it is not "missing" as well.
      const wasRefused = container.problems.some(
        (p) => p.path === filePath || p.path.endsWith(`/${filePath}`),
      )
      if (!wasRefused) {
        problems.push({
          path: filePath,
          message: 'missing from the pack, though manifest.json lists it in "files"',
        })
      }
    } else if (entry.declaredSize !== listed.size) {
      problems.push({
        path: entry.sourceName,
        message: `its header says ${entry.declaredSize} bytes, manifest.json says ${listed.size}`,
      })
    } else {
      toRead.push({ entry, size: listed.size, sha256: listed.sha256 })
    }
  }
  for (const [filePath, entry] of container.entries) {
    if (filePath === manifestFileName || filePath === signatureFileName) continue
    if (!Object.hasOwn(manifest.files, filePath)) {
      problems.push({ path: entry.sourceName, message: 'not listed in manifest.json "files"' })
    }
  }
  if (totalBytes > limits.maxTotalBytes) {
    problems.push({
      path: container.sourcePath,
      message: `refused: ${totalBytes} bytes uncompressed, more than the limit of ${limits.maxTotalBytes}`,
    })
    throw rejection(container, problems)
  }
  if (options.stagingDir && options.freeDiskBytes !== undefined) {
    const available = options.freeDiskBytes - limits.freeDiskMarginBytes
    if (totalBytes > available) {
      problems.push({
        path: container.sourcePath,
        message: `refused: needs ${totalBytes} bytes but only ${Math.max(available, 0)} are free beyond the safety margin`,
      })
      throw rejection(container, problems)
    }
  }

  // Stream every file in archive order: hash and count what really comes out.
  let bytesDone = 0
  options.onProgress?.('reading', 0, totalBytes)
  const archiveOrder = new Map([...container.entries.keys()].map((key, index) => [key, index]))
  toRead.sort(
    (a, b) => (archiveOrder.get(a.entry.path) ?? 0) - (archiveOrder.get(b.entry.path) ?? 0),
  )
  const createdDirs = new Set<string>()
  for (const { entry, size, sha256 } of toRead) {
    const target =
      problems.length === 0 && options.stagingDir
        ? stagedPathOf(options.stagingDir, entry.path)
        : undefined
    if (target) {
      const dir = path.dirname(target)
      if (!createdDirs.has(dir)) {
        await mkdir(dir, { recursive: true })
        createdDirs.add(dir)
      }
    }
    const result = await streamEntry(container, entry, size, target, (chunkBytes) => {
      bytesDone += chunkBytes
      options.onProgress?.('reading', bytesDone, totalBytes)
    })
    if ('error' in result) {
      problems.push({ path: entry.sourceName, message: result.error })
    } else if (result.size !== size) {
      problems.push({
        path: entry.sourceName,
        message: `holds ${result.size} bytes, manifest.json says ${size}`,
      })
    } else if (result.sha256 !== sha256) {
      problems.push({
        path: entry.sourceName,
        message: 'its SHA-256 differs from manifest.json (the file is damaged or was changed)',
      })
    }
  }
  if (problems.length > 0) throw rejection(container, problems)

  options.onProgress?.('verifying', bytesDone, totalBytes)
  if (options.stagingDir) {
    await writeFile(path.join(options.stagingDir, manifestFileName), manifestBytes, { flush: true })
    if (signatureBytes) {
      await writeFile(path.join(options.stagingDir, signatureFileName), signatureBytes, {
        flush: true,
      })
    }
  }
  return { manifest, manifestBytes, signatureBytes, signedBy, totalBytes }
}

/** Why an unsigned or untrusted pack is refused, in words for every surface (no CLI flags). */
export const notSignedByTrustedKey = 'this pack is not signed by a key this kiosk trusts'

function checkSignature(
  manifestBytes: Buffer,
  signatureEntry: PackEntry | undefined,
  signatureBytes: Buffer | undefined,
  options: StagePackOptions,
  problems: Problem[],
): string | undefined {
  if (!signatureEntry) {
    if (options.requireSigned) {
      problems.push({
        path: signatureFileName,
        // Every surface shows this; a terminal adds how to sign (main/cli/problemHints.ts).
        message: `missing: ${notSignedByTrustedKey}`,
      })
    }
    return undefined
  }
  if (!signatureBytes) return undefined
  const signature = decodeSignature(signatureBytes.toString('utf8'))
  if (!signature) {
    problems.push({
      path: signatureEntry.sourceName,
      message: 'not an Ed25519 signature in base64 (64 bytes)',
    })
    return undefined
  }
  const key = findSigningKey(manifestBytes, signature, options.trustedKeys)
  if (!key) {
    problems.push({
      path: signatureEntry.sourceName,
      message:
        options.trustedKeys.length === 0
          ? `does not verify: ${notSignedByTrustedKey} (it trusts no keys yet)`
          : `does not verify: ${notSignedByTrustedKey}, or manifest.json was changed after signing`,
    })
    return undefined
  }
  return keyFingerprint(key)
}

async function readSmallEntry(
  container: PackContainer,
  entry: PackEntry,
  maxBytes: number,
  problems: Problem[],
): Promise<Buffer | undefined> {
  if (entry.declaredSize > maxBytes) {
    problems.push({ path: entry.sourceName, message: `refused: larger than ${maxBytes} bytes` })
    return undefined
  }
  try {
    const chunks: Buffer[] = []
    let total = 0
    for await (const chunk of await container.openEntry(entry)) {
      total += (chunk as Buffer).length
      if (total > maxBytes) throw new Error(`more than ${maxBytes} bytes`)
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks)
  } catch (error) {
    problems.push({
      path: entry.sourceName,
      message: `cannot be read: ${(error as Error).message}`,
    })
    return undefined
  }
}

/** Streams one entry through SHA-256 into `target` (or nowhere), stopping past `expectedSize`. */
async function streamEntry(
  container: PackContainer,
  entry: PackEntry,
  expectedSize: number,
  target: string | undefined,
  onBytes: (bytes: number) => void,
): Promise<{ size: number; sha256: string } | { error: string }> {
  const hash = createHash('sha256')
  let size = 0
  // Inflate and the archive reader hand over 16–64 KiB pieces; gathered into 1 MiB writes, a
  // 200 MB pack costs a few hundred write calls instead of tens of thousands.
  let pending: Buffer[] = []
  let pendingBytes = 0
  const takePending = (): Buffer | undefined => {
    if (pendingBytes === 0) return undefined
    const gathered = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    return gathered
  }
  const meter = new Transform({
    readableHighWaterMark: writeChunkBytes,
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      if (size > expectedSize) {
        callback(new Error(`holds more than the ${expectedSize} bytes manifest.json says`))
        return
      }
      hash.update(chunk)
      onBytes(chunk.length)
      if (!target) {
        callback()
        return
      }
      pending.push(chunk)
      pendingBytes += chunk.length
      callback(null, pendingBytes >= writeChunkBytes ? takePending() : undefined)
    },
    flush(callback) {
      callback(null, takePending())
    },
  })
  try {
    const source: Readable = await container.openEntry(entry)
    if (target) {
      // `wx`: staging is fresh, so an existing file means two entries collided; `flush` fsyncs.
      await pipeline(
        source,
        meter,
        createWriteStream(target, { flags: 'wx', flush: true, highWaterMark: writeChunkBytes }),
      )
    } else {
      await pipeline(source, meter, async (chunks: AsyncIterable<unknown>) => {
        // Checking only: drain the stream, keep nothing.
        for await (const _chunk of chunks);
      })
    }
  } catch (error) {
    return { error: `cannot be read whole: ${(error as Error).message}` }
  }
  return { size, sha256: hash.digest('hex') }
}

/** The path of a pack file inside the staging folder; the name was checked, this checks again. */
function stagedPathOf(stagingDir: string, packPath: string): string {
  const resolved = path.resolve(stagingDir, ...packPath.split('/'))
  const relative = path.relative(stagingDir, resolved)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`refusing to write ${packPath} outside the staging folder`)
  }
  return resolved
}

function rejection(container: PackContainer, problems: readonly Problem[]): RequestError {
  const count = problems.length
  return new RequestError(
    'rejected',
    `The pack ${container.sourcePath} was rejected: ${count} problem${count === 1 ? '' : 's'}`,
    problems,
  )
}
