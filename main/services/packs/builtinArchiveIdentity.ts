import { mkdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import * as z from 'zod'
import { writeJsonAtomically } from '../atomicFile'
import { openPackContainer } from './openPackContainer'
import { defaultPackLimits } from './packLimits'
import { manifestFileName } from './stagePack'

/** A pack's identity as its manifest states it. */
export interface PackIdentity {
  readonly id: string
  readonly version: string
}

/**
 * What the last start read from the built-in archive, and which file it read it from (path,
 * size, modification time). Every start compares the shipped pack with the installed one; the
 * archive is the same file from one start to the next, and opening it loads the zip reader and
 * reads its central directory before the first screen can be served (docs/performance.md
 * "Start-up"). An archive replaced by an update differs in size or time and is read again.
 */
const archiveIdentityMemoSchema = z.object({
  archivePath: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  modifiedAtMs: z.number().nonnegative(),
  id: z.string().min(1),
  version: z.string().min(1),
})

type ArchiveIdentityMemo = z.infer<typeof archiveIdentityMemoSchema>

/** Where the memo lives: beside the pack store's state, in the data folder. */
export function builtinArchiveIdentityMemoPath(packsDir: string): string {
  return path.join(packsDir, 'builtin-archive-identity.json')
}

/**
 * The built-in archive's id and version: from the memo when it names this very file (same path,
 * size and modification time), else read from the archive's manifest, and the memo rewritten
 * (atomically). A memo that is missing, unreadable or not of the memo's shape is only a cache
 * miss; undefined when the archive has no readable manifest with an id and a version.
 */
export async function readBuiltinArchiveIdentity(
  archivePath: string,
  memoPath: string,
): Promise<PackIdentity | undefined> {
  const archive = await stat(archivePath)
  const file = { archivePath, sizeBytes: archive.size, modifiedAtMs: archive.mtimeMs }
  const memo = await readMemo(memoPath)
  if (
    memo &&
    memo.archivePath === file.archivePath &&
    memo.sizeBytes === file.sizeBytes &&
    memo.modifiedAtMs === file.modifiedAtMs
  ) {
    return { id: memo.id, version: memo.version }
  }
  const identity = await readIdentityFromArchive(archivePath)
  if (identity) {
    await mkdir(path.dirname(memoPath), { recursive: true })
    await writeJsonAtomically(memoPath, { ...file, ...identity } satisfies ArchiveIdentityMemo)
  }
  return identity
}

async function readMemo(memoPath: string): Promise<ArchiveIdentityMemo | undefined> {
  try {
    const parsed = archiveIdentityMemoSchema.safeParse(JSON.parse(await readFile(memoPath, 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

async function readIdentityFromArchive(archivePath: string): Promise<PackIdentity | undefined> {
  const container = await openPackContainer(archivePath, defaultPackLimits)
  try {
    const entry = container.entries.get(manifestFileName)
    if (!entry) return undefined
    const chunks: Buffer[] = []
    for await (const chunk of await container.openEntry(entry)) chunks.push(chunk as Buffer)
    return packIdentityOf(Buffer.concat(chunks).toString('utf8'))
  } finally {
    await container.close()
  }
}

/** The id and version of a manifest's text; undefined when either is missing. */
export function packIdentityOf(manifestText: string): PackIdentity | undefined {
  const raw = JSON.parse(manifestText.replace(/^\uFEFF/, '')) as { id?: unknown; version?: unknown }
  return typeof raw.id === 'string' && typeof raw.version === 'string'
    ? { id: raw.id, version: raw.version }
    : undefined
}
