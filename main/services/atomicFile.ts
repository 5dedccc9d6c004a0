import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { fsyncFolder } from './durableFolder'
import { privateFileMode } from './privateDataFolder'

/**
 * Writes a file so that a reader (or a power cut) sees either the old or the new content, never
 * a mix: temp file, fsync, rename (write-file-atomic).
 */
export async function writeFileAtomically(filePath: string, data: string | Buffer): Promise<void> {
  await writeFileAtomic(filePath, data, { fsync: true, mode: privateFileMode })
  // The rename is durable only once the folder holding it is synced.
  await fsyncFolder(path.dirname(filePath))
}

/** Writes a value as pretty JSON atomically. */
export async function writeJsonAtomically(filePath: string, value: unknown): Promise<void> {
  await writeFileAtomically(filePath, `${JSON.stringify(value, null, 2)}\n`)
}
